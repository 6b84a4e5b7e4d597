-- Marking a row as being sent (pending -> sending) changed a column that two indexes named in their
-- predicates (status), so every such mark wrote a new entry into every index of the outbox. The
-- indexes now name whether a row is still open, a column computed from the status that the mark
-- leaves as it was: with room on the page the mark is a heap-only update, like the claim and the
-- lease renewals (measured by the delivery benchmark: see README "Benchmarks").
alter table outbox
  add column open boolean not null generated always as (status in ('pending', 'sending')) stored;

drop index outbox_due_idx;
create index outbox_due_idx on outbox (next_attempt_at, id) where open;

drop index outbox_finished_age_idx;
create index outbox_finished_age_idx on outbox (created_at) where not open;

-- three updates a delivery (claim, sending, finished) and lease renewals: half of each page is kept
-- for the new versions of its rows, so that they stay on the page (and out of the indexes)
alter table outbox set (fillfactor = 50);
