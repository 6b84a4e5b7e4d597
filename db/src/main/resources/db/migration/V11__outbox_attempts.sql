-- Delivery without doubles. Every claim of an outbox row gives it a new attempt id; before the
-- platform call the row is marked 'sending' under that id. A row found 'sending' whose lease has
-- run out was being sent by an instance that died or lost its lease: the platform may or may not
-- have the message, so it is checked (Discord: the message nonce; Slack: the delivery key in the
-- conversation's recent messages) before it is sent again. Marks name the attempt, so an instance
-- that lost its lease can no longer change the row.
alter table outbox drop constraint outbox_status_check;
alter table outbox add constraint outbox_status_check
  check (status in ('pending', 'sending', 'sent', 'undeliverable', 'failed', 'dropped'));

alter table outbox
  -- the claim holding the row, new on every claim
  add column attempt_id uuid,
  -- when the first platform call that may have reached the platform began; kept while the row is
  -- in doubt, since Discord's nonce only guards a repeat within minutes of the first send
  add column first_send_at timestamptz;

-- the worker claims due rows, pending or in doubt, oldest first: with the id in the index a claim
-- reads its batch off the index instead of sorting every due row (100,000 due at 09:00 made each
-- claim of 256 rows sort them all)
drop index outbox_pending_idx;
create index outbox_due_idx on outbox (next_attempt_at, id) where status in ('pending', 'sending');

-- housekeeping only deletes rows that are finished
drop index outbox_finished_age_idx;
create index outbox_finished_age_idx on outbox (created_at)
  where status not in ('pending', 'sending');

-- A claim and a lease renewal change no indexed column: with room left on each page they are
-- heap-only updates, which write no index entries (the worker claims thousands of rows a second).
alter table outbox set (fillfactor = 80);
