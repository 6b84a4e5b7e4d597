-- A platform's request budget shared by the cluster (issue 24): Discord allows a bot 50 requests a
-- second in all, whatever the number of instances. Each instance delivering to the platform beats
-- here about once a second; the live ones (seen within a few seconds) split the budget evenly.
-- A global 429 pauses every instance: the pause is written here and read with the beat.
-- Unlogged: it is a few seconds of state, rebuilt by the next beats after a crash.
create unlogged table delivery_budget_instance (
  budget      text not null,
  instance_id text not null,
  seen_at     timestamptz not null,
  primary key (budget, instance_id)
);

create unlogged table delivery_budget_pause (
  budget       text primary key,
  paused_until timestamptz not null
);
