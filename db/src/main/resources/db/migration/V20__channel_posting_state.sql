-- Whether the bot can post in a channel, as the platform last said (issue 24): 'can_post',
-- 'not_invited' (Slack: not a member, not_in_channel; Discord: no View Channel, 50001),
-- 'missing_permissions' (Discord 50013, or the permissions seen missing: posting_detail names
-- them), or 'unchecked' (a Slack install granted before channels:read, so the bot cannot ask).
-- Set from refusals and from the checks before a lead turns on something that posts; cleared when
-- the bot is invited or given the permissions. channel.deliverable stays what the routines read.
alter table channel
  add column posting_state text not null default 'can_post'
    check (posting_state in ('can_post', 'not_invited', 'missing_permissions', 'unchecked')),
  add column posting_detail text,
  add column posting_since timestamptz,
  -- when the channel's leads were told (in a reply or by DM): told once per refusal
  add column posting_told_at timestamptz;
