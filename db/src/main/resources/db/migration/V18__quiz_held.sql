-- A weekly quiz invitation held back because, at the home channel's quiz slot, the member was
-- away, on a holiday of that channel or snoozed: it comes instead with their first reminder time
-- after that, within the same quiz week (the slot's local date, the invitation's key, is kept
-- here until then). Away and holidays skip the invitation as they skip nudges; nothing is lost.
alter table member add column quiz_held_for date;

-- the few held invitations, found every minute without reading every member
create index member_quiz_held_idx on member (id) where quiz_held_for is not null;
