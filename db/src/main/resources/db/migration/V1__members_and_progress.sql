-- Who is coached, where, and how far they have come.
-- Every row hangs off a workspace (platform + the platform's own id), so one database can
-- serve many Slack workspaces and Discord guilds.

create table workspace (
  id           bigint generated always as identity primary key,
  platform     text not null check (platform in ('console', 'slack', 'discord')),
  external_id  text not null,
  name         text,
  -- false once the platform tells us the app was uninstalled or its token revoked
  deliverable  boolean not null default true,
  created_at   timestamptz not null default now(),
  constraint workspace_platform_external_key unique (platform, external_id)
);

-- A channel is a cohort: its own time zone, weekly quiz slot and reminder mode.
create table channel (
  id             bigint generated always as identity primary key,
  workspace_id   bigint not null references workspace (id) on delete cascade,
  external_id    text not null,
  name           text not null,
  -- null until a lead sets it or the first member enrolls; read as UTC meanwhile
  time_zone      text,
  quiz_day       integer not null default 5 check (quiz_day between 1 and 7), -- ISO: 1 = Monday
  quiz_time      time not null default '15:00',
  reminder_mode  text not null default 'dm' check (reminder_mode in ('dm', 'channel')),
  deliverable    boolean not null default true,
  created_at     timestamptz not null default now(),
  constraint channel_workspace_external_key unique (workspace_id, external_id)
);

create table member (
  id                       bigint generated always as identity primary key,
  workspace_id             bigint not null references workspace (id) on delete cascade,
  external_id              text not null,
  display_name             text not null,
  -- what the platform reports (Slack users.info, the console's machine zone)
  platform_time_zone       text,
  -- what the member chose with /roadmap tz; wins over the platform's
  time_zone                text,
  remind_enabled           boolean not null default true,
  remind_time              time not null default '09:00',
  remind_days              text not null default 'weekdays' check (remind_days in ('weekdays', 'daily')),
  -- null: follow the home channel's reminder mode
  remind_via               text check (remind_via in ('dm', 'channel')),
  snoozed_from             date,
  snoozed_until            date, -- inclusive, in the member's local calendar
  hidden_from_leaderboard  boolean not null default false,
  -- the platform's DM conversation with the member, opened once and kept
  dm_channel_id            text,
  deliverable              boolean not null default true,
  created_at               timestamptz not null default now(),
  constraint member_workspace_external_key unique (workspace_id, external_id),
  constraint member_snooze_range check (snoozed_from is null or snoozed_until >= snoozed_from)
);
create index member_workspace_name_idx on member (workspace_id, lower(display_name));

create table channel_lead (
  channel_id  bigint not null references channel (id) on delete cascade,
  member_id   bigint not null references member (id) on delete cascade,
  granted_by  bigint references member (id) on delete set null,
  granted_at  timestamptz not null,
  primary key (channel_id, member_id)
);

-- A member on the roadmap. One per member; the channel is their home cohort.
create table enrollment (
  member_id          bigint primary key references member (id) on delete cascade,
  channel_id         bigint not null references channel (id) on delete cascade,
  stage              integer not null check (stage >= 1),
  graduated_at       timestamptz,
  points             integer not null default 0,
  -- when the current score was reached: ties rank by who got there first
  points_reached_at  timestamptz not null,
  streak_days        integer not null default 0,
  streak_last_date   date,  -- member-local date of the last day that counted
  freeze_week        date,  -- Monday of the week whose one freeze is spent
  last_activity_at   timestamptz not null,
  last_active_date   date not null, -- member-local date of the last activity
  enrolled_at        timestamptz not null
);
create index enrollment_channel_points_idx on enrollment (channel_id, points desc, points_reached_at, member_id);
create index enrollment_channel_activity_idx on enrollment (channel_id, last_activity_at);

create table objective_done (
  member_id  bigint not null references enrollment (member_id) on delete cascade,
  stage      integer not null,
  objective  integer not null,
  done_at    timestamptz not null,
  primary key (member_id, stage, objective)
);

-- The audit trail: every change of stage, objective, points or streak, so progress can be
-- recomputed from it. Append-only.
create table progress_event (
  id           bigint generated always as identity primary key,
  member_id    bigint not null references member (id) on delete cascade,
  channel_id   bigint not null references channel (id) on delete cascade,
  kind         text not null check (kind in (
                 'enrolled', 'objective_done', 'objective_undone', 'question_right',
                 'question_answered', 'quiz_passed', 'stage_finished', 'stage_set')),
  stage        integer not null,
  objective    integer,
  points       integer not null default 0,
  streak_days  integer, -- the streak after this event, when the event is activity
  actor_id     bigint references member (id) on delete set null, -- a lead acting for the member
  occurred_at  timestamptz not null,
  local_date   date not null -- the member's local date at the time
);
create index progress_event_member_idx on progress_event (member_id, occurred_at);

-- Points per channel week (Monday to Sunday in the channel's time zone), kept in the same
-- transaction as the events they sum, so the weekly board is an index read.
create table weekly_points (
  channel_id  bigint not null references channel (id) on delete cascade,
  week_start  date not null,
  member_id   bigint not null references member (id) on delete cascade,
  points      integer not null,
  reached_at  timestamptz not null,
  primary key (channel_id, week_start, member_id)
);
create index weekly_points_rank_idx on weekly_points (channel_id, week_start, points desc, reached_at, member_id);
