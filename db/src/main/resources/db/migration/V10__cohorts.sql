-- Cohorts: a member has one journey (the enrollment) and belongs to any number of channels of
-- their workspace. The enrollment's channel is the member's home channel: where commands from a
-- direct message act, whose weekly quiz slot and daily post they follow.
create table channel_member (
  channel_id         bigint not null references channel (id) on delete cascade,
  member_id          bigint not null references member (id) on delete cascade,
  joined_at          timestamptz not null,
  -- the member's all-time points, copied here in the transaction that earns them, so each
  -- channel's board is an index read like the weekly one
  points             integer not null default 0,
  points_reached_at  timestamptz not null,
  -- the member's last progress, copied likewise: the team list runs stalest first from an index
  last_activity_at   timestamptz not null,
  primary key (channel_id, member_id)
);
create index channel_member_member_idx on channel_member (member_id);
create index channel_member_points_idx
  on channel_member (channel_id, points desc, points_reached_at, member_id);
create index channel_member_joined_idx on channel_member (channel_id, joined_at, member_id);
create index channel_member_activity_idx on channel_member (channel_id, last_activity_at, member_id);

insert into channel_member
    (channel_id, member_id, joined_at, points, points_reached_at, last_activity_at)
  select channel_id, member_id, enrolled_at, points, points_reached_at, last_activity_at
  from enrollment;

drop index enrollment_channel_points_idx;
drop index enrollment_channel_activity_idx;

-- The channel's daily post: its time and days in the channel's time zone, or none.
alter table channel
  add column post_time     time not null default '09:00',
  add column post_days     text not null default 'weekdays' check (post_days in ('weekdays', 'daily')),
  add column post_enabled  boolean not null default true,
  -- the post celebrates what happened since the one before
  add column last_post_at  timestamptz;

-- A lead's weekly digest can be turned off per lead and channel.
alter table channel_lead add column digest boolean not null default true;

-- New kinds of delivery: a channel's announcement (a stage finished, a graduation), a lead's
-- nudge to a member (at most one a member a day), and a lead's weekly digest.
alter table outbox drop constraint outbox_kind_check;
alter table outbox add constraint outbox_kind_check check (kind in (
  'nudge', 'quiz', 'channel_digest', 'channel_quiz', 'notice',
  'channel_notice', 'lead_nudge', 'lead_digest'));
create unique index outbox_lead_nudge_once_idx on outbox (member_id, local_date)
  where kind = 'lead_nudge';
create unique index outbox_lead_digest_once_idx on outbox (member_id, channel_id, local_date)
  where kind = 'lead_digest';
