-- Housekeeping deletes what is no longer needed: platform event ids after two days (Slack retries
-- within minutes), finished outbox rows after two weeks (their unique keys only matter for the
-- day they were for). These indexes let it find them without reading the tables.
create index handled_event_age_idx on handled_event (handled_at);
create index outbox_finished_age_idx on outbox (created_at) where status <> 'pending';
