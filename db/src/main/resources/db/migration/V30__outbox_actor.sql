-- The member whose act a message to others tells of: a lead's nudge, a stage a lead set for
-- someone, a finished stage announced in a channel, a member leaving told to their buddies or to
-- the channel's next lead. Their export lists these messages, and forget-me clears the id (and
-- their name from the words). A plain id like the outbox's others (no foreign key, for the sweep).
alter table outbox add column actor_member_id bigint;

-- the few rows with an actor, found by it for an export or an erasure without reading the queue
create index outbox_actor_member_idx on outbox (actor_member_id) where actor_member_id is not null;
