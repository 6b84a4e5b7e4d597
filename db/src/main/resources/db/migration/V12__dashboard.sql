-- The leads' dashboard: single-use sign-in links and the browser sessions they start.
-- Kept in PostgreSQL so every instance behind a load balancer knows them. Only SHA-256
-- hashes of the secrets are stored: a copy of this table opens nothing.

create table dashboard_link (
  token_hash      bytea primary key,
  member_id       bigint not null references member (id) on delete cascade,
  -- where the lead asked: the page the link opens first
  channel_id      bigint not null references channel (id) on delete cascade,
  -- what the platform said of the lead when they asked; an admin leads every channel
  platform_admin  boolean not null,
  created_at      timestamptz not null,
  expires_at      timestamptz not null,
  used_at         timestamptz
);
create index dashboard_link_expires_idx on dashboard_link (expires_at);

create table dashboard_session (
  id_hash         bytea primary key,
  member_id       bigint not null references member (id) on delete cascade,
  channel_id      bigint not null references channel (id) on delete cascade,
  platform_admin  boolean not null,
  created_at      timestamptz not null,
  expires_at      timestamptz not null
);
create index dashboard_session_expires_idx on dashboard_session (expires_at);
