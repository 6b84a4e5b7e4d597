-- Activity means progress (issue 23): enrolling starts the clock for "stuck" but is no day of
-- progress, so a member who has done nothing yet has no last active date, no streak and no
-- "today done". Members whose only "activity" so far was enrolling lose that day's credit.
alter table enrollment alter column last_active_date drop not null;

update enrollment e
   set last_active_date = null,
       streak_days = 0,
       streak_last_date = null
 where not exists (
         select 1 from progress_event p
          where p.member_id = e.member_id
            and p.kind in ('objective_done', 'question_right', 'question_answered',
                           'quiz_passed', 'stage_finished'));

-- History is history: what stood at the end of each member-local day, per channel the member
-- was in that day. The 12-week chart (dashboard, team chart, the lead's digest) counts these rows,
-- so a week keeps its count when a member later leaves the channel (their rows stay) or erases
-- their data (their rows stay under a number that names nobody). Written in the transaction of
-- the progress they count; an objective taken back the same day takes its count back.
create table channel_day (
  channel_id  bigint  not null references channel (id) on delete cascade,
  -- the member's id while they exist; once they erased their data, a negative number from
  -- erased_member that names nobody (still one number for all of their days, so they count once
  -- a week)
  member_id   bigint  not null,
  local_date  date    not null, -- the member's local date
  objectives  integer not null default 0 check (objectives >= 0), -- checked off that day, still at its end
  activity    integer not null default 0 check (activity >= 0),   -- progress of that day that stands
  primary key (channel_id, local_date, member_id)
);
create index channel_day_member_idx on channel_day (member_id);

create sequence erased_member;

-- the history so far, from the events: the members' channels as they are now (the best that is
-- known of the past), objectives checked off and taken back the same day left out
insert into channel_day (channel_id, member_id, local_date, objectives, activity)
select cm.channel_id, e.member_id, e.local_date,
       count(*) filter (where e.kind = 'objective_done'),
       count(*)
  from progress_event e
  join channel_member cm on cm.member_id = e.member_id
 where e.kind in ('objective_done', 'question_right', 'question_answered', 'quiz_passed',
                  'stage_finished')
   and not (e.kind = 'objective_done' and exists (
         select 1 from progress_event u
          where u.member_id = e.member_id
            and u.kind = 'objective_undone'
            and u.stage = e.stage
            and u.objective = e.objective
            and u.local_date = e.local_date
            and u.id > e.id))
 group by cm.channel_id, e.member_id, e.local_date;
