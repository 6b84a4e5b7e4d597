-- Coaching that adapts to people: study buddies matched by stage, a pause for the quiet,
-- holidays respected, and a warning in the evening before a streak breaks.

alter table member
  -- paired with a study buddy every Monday, in the member's home channel
  add column buddy_opt_in       boolean not null default false,
  -- a second nudge in the evening, only when the streak would break tonight; off unless asked for
  add column evening_enabled    boolean not null default false,
  add column evening_time       time not null default '19:00',
  -- direct-message nudges sent since the member's last activity, and the local date of the last
  -- one counted (a send that is retried is counted once)
  add column unanswered_nudges  integer not null default 0,
  add column last_nudge_date    date,
  -- set when five nudges in a row went unanswered: nudges pause until activity or `remind on`
  add column nudges_paused_at   timestamptz,
  -- what the platform says of the member's status (Slack: a palm tree, "vacation", "OOO"...):
  -- away since when, and until when when the status says (null: until it changes)
  add column away_since         timestamptz,
  add column away_until         timestamptz,
  -- member-local days that neither count towards nor break the streak: days a nudge was skipped
  -- because the member was away, and holidays of the home channel (kept once they have begun,
  -- so a later change of home channel does not change the verdict on them)
  add column away_days          date[] not null default '{}',
  add column holiday_days       date[] not null default '{}';

-- the few who asked for a buddy, found without reading every member
create index member_buddy_opt_in_idx on member (id) where buddy_opt_in;
-- the few who asked for the evening warning, likewise
create index member_evening_idx on member (id) where evening_enabled;

-- A channel's days off, set by its leads: no nudges, no daily post, streaks kept.
create table channel_holiday (
  channel_id  bigint not null references channel (id) on delete cascade,
  day         date not null, -- in the channel's calendar
  set_by      bigint references member (id) on delete set null,
  created_at  timestamptz not null,
  primary key (channel_id, day)
);
create index channel_holiday_day_idx on channel_holiday (day);

-- Study buddies: one row per member and week. Members of one channel and week with the same
-- group number are buddies (two, or three when the count was odd).
create table buddy_match (
  member_id   bigint not null references member (id) on delete cascade,
  week_start  date not null, -- the Monday of the week, in the channel's calendar
  channel_id  bigint not null references channel (id) on delete cascade,
  group_no    integer not null,
  -- how many rows the group has; fewer left means a member's data was erased, and the others
  -- are told
  group_size  integer not null,
  -- the member stepped out during the week (left the channel, snoozed, stopped pairing)
  ended_at    timestamptz,
  primary key (member_id, week_start)
);
create index buddy_match_group_idx on buddy_match (channel_id, week_start, group_no);
create index buddy_match_week_idx on buddy_match (week_start);

-- A channel's pairing of one week, done once (a second instance, or a late run, pairs no more).
create table buddy_round (
  channel_id  bigint not null references channel (id) on delete cascade,
  week_start  date not null,
  paired_at   timestamptz not null,
  primary key (channel_id, week_start)
);

-- New kinds of delivery: a buddy's introduction (once a member a week), news of a buddy who
-- stepped out, and the evening warning (once a member a day).
alter table outbox drop constraint outbox_kind_check;
alter table outbox add constraint outbox_kind_check check (kind in (
  'nudge', 'quiz', 'channel_digest', 'channel_quiz', 'notice',
  'channel_notice', 'lead_nudge', 'lead_digest',
  'buddy_intro', 'buddy_notice', 'evening_nudge'));
create unique index outbox_coaching_once_idx on outbox (kind, member_id, local_date)
  where kind in ('buddy_intro', 'evening_nudge');
