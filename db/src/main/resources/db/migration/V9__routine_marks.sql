-- How far each scheduled routine (nudge sweep, weekly quiz, housekeeping, ...) has looked, so the
-- next run, on whichever instance Quartz picks, covers exactly the time since, including time the
-- bot was down (each routine decides how late is too late).
create table routine_mark (
  name        text primary key,
  done_until  timestamptz not null
);
