-- Quiz attempts, their drawn questions, and each member's Leitner box per question.

create table quiz_attempt (
  id              bigint generated always as identity primary key,
  member_id       bigint not null references member (id) on delete cascade,
  stage           integer not null,
  review          boolean not null default false, -- a graduate's review of missed questions
  status          text not null default 'open' check (status in ('open', 'finished', 'expired')),
  started_at      timestamptz not null,
  expires_at      timestamptz not null,
  finished_at     timestamptz,
  question_count  integer not null,
  score           integer,
  passed          boolean
);
-- at most one open attempt per member: a second /roadmap quiz resumes it
create unique index quiz_attempt_one_open_idx on quiz_attempt (member_id) where status = 'open';
create index quiz_attempt_member_idx on quiz_attempt (member_id, started_at desc);

create table quiz_question (
  attempt_id    bigint not null references quiz_attempt (id) on delete cascade,
  position      integer not null, -- 1-based
  question_id   text not null,
  option_order  integer[] not null, -- bank option indexes in the order shown
  chosen        integer, -- bank option index chosen
  correct       boolean,
  answered_at   timestamptz,
  primary key (attempt_id, position)
);

create table question_box (
  member_id         bigint not null references member (id) on delete cascade,
  question_id       text not null,
  box               integer not null check (box >= 1),
  times_answered    integer not null,
  times_wrong       integer not null,
  last_answered_at  timestamptz not null,
  primary key (member_id, question_id)
);
