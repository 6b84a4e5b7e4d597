-- The outbox is a high-churn queue written 100,000 rows at a time by the nudge sweep. Checking
-- three foreign keys per row took about 40% of the sweep's time (measured by SweepBenchmark), so
-- the outbox keeps plain ids instead: the delivery worker drops a row whose member or channel no
-- longer exists, and deleting a member or workspace deletes its outbox rows in the same statement.
alter table outbox
  drop constraint outbox_workspace_id_fkey,
  drop constraint outbox_member_id_fkey,
  drop constraint outbox_channel_id_fkey;
