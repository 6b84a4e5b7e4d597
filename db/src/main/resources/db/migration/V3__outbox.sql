-- Everything the bot sends on its own (nudges, weekly quizzes, channel digests, notices)
-- goes through this outbox: written in the transaction that decides to send, drained by a
-- delivery worker, so nothing is sent twice by the sweep and nothing is lost with an instance.

create table outbox (
  id               bigint generated always as identity primary key,
  workspace_id     bigint not null references workspace (id) on delete cascade,
  kind             text not null check (kind in ('nudge', 'quiz', 'channel_digest', 'channel_quiz', 'notice')),
  member_id        bigint references member (id) on delete cascade,
  channel_id       bigint references channel (id) on delete cascade,
  local_date       date not null, -- the recipient's local date the delivery is for
  payload          jsonb,
  status           text not null default 'pending'
                     check (status in ('pending', 'sent', 'undeliverable', 'failed', 'dropped')),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null,
  lease_until      timestamptz,
  created_at       timestamptz not null,
  sent_at          timestamptz,
  last_error       text,
  constraint outbox_has_recipient check (member_id is not null or channel_id is not null)
);
-- the "never twice" keys: one nudge or quiz per member and local date, one post per channel
create unique index outbox_member_once_idx on outbox (kind, member_id, local_date)
  where member_id is not null and kind in ('nudge', 'quiz');
create unique index outbox_channel_once_idx on outbox (kind, channel_id, local_date)
  where member_id is null and kind in ('channel_digest', 'channel_quiz');
create index outbox_pending_idx on outbox (next_attempt_at) where status = 'pending';

-- Platform events already handled (Slack retries a delivery it thinks was lost).
create table handled_event (
  platform    text not null,
  event_id    text not null,
  handled_at  timestamptz not null,
  primary key (platform, event_id)
);
