-- Hardening against presses and requests that are not what they seem.

-- A quiz attempt's buttons name it by a random key, not by its sequential id: ids could be
-- counted through and pressed from anywhere; a key is found only on the member's own buttons.
-- gen_random_uuid() (PostgreSQL 13+) draws from the server's strong random source; rows that
-- exist already get a key of their own too.
alter table quiz_attempt add column action_key uuid not null default gen_random_uuid();
create unique index quiz_attempt_action_key_idx on quiz_attempt (action_key);

-- Signed platform requests seen in the last few minutes (Slack's signing window is five): a
-- replay of one (same timestamp, same signature) is acknowledged and not handled again, on
-- every instance. Only a SHA-256 hash of timestamp and signature is kept; housekeeping deletes
-- a row once its timestamp is too old to be accepted anyway. Written on every request, so
-- unlogged (no write-ahead log): a crash of the server forgets the last minutes' requests, which
-- only reopens their replay window until they are five minutes old.
create unlogged table seen_request (
  platform        text not null,
  request_hash    bytea not null,
  signed_at       timestamptz not null,
  primary key (platform, request_hash)
);
create index seen_request_age_idx on seen_request (signed_at);
