-- A roadmap without questions has no quiz (issue 26): its `next` needs the objectives only, and
-- the weekly quiz neither invites nor calls out the members whose home channel follows it. Kept
-- beside the roadmap so that the routines' SQL claims can read it; the coach sets it from the
-- file whenever a roadmap or a new version of one is stored, and at each start for row 0.
alter table roadmap add column has_quiz boolean not null default true;
