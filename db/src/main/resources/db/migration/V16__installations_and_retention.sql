-- Slack for many workspaces: each workspace's installation (OAuth v2), the OAuth flow's states,
-- and when a workspace removed the app, so its members' data is erased after a retention period.

-- One row per installed workspace. Tokens are encrypted by the app (AES-GCM, ROADMAP_SECRET_KEY)
-- before they reach this table: a copy of it opens no workspace.
create table installation (
  platform              text not null check (platform in ('slack')),
  -- the workspace (Slack team id) as the platform names it: workspace.external_id
  workspace_external_id text not null,
  -- the Enterprise Grid organisation the workspace belongs to, if any (org-wide installs are refused)
  enterprise_id         text,
  app_id                text,
  bot_id                text,
  bot_user_id           text not null,
  -- the scopes granted, comma-separated, as the platform reported them
  bot_scopes            text not null,
  -- who installed it (their platform user id); erased with them by forget-me
  installer_user_id     text,
  bot_token             bytea not null,
  -- with token rotation: the refresh token and when the bot token expires
  bot_refresh_token     bytea,
  bot_token_expires_at  timestamptz,
  installed_at          timestamptz not null,
  updated_at            timestamptz not null,
  primary key (platform, workspace_external_id)
);

-- The OAuth flow's state values: random, single use, valid ten minutes. Only SHA-256 hashes are
-- stored; used_at tells a replayed state from a forged one.
create table oauth_state (
  state_hash  bytea primary key,
  created_at  timestamptz not null,
  expires_at  timestamptz not null,
  used_at     timestamptz
);
create index oauth_state_expires_idx on oauth_state (expires_at);

-- Set when the platform says the app was removed (Slack app_uninstalled / tokens_revoked, the
-- bot leaving a Discord server); cleared when it comes back. Past the retention period the
-- workspace and everything in it is erased.
alter table workspace add column removed_at timestamptz;
create index workspace_removed_idx on workspace (removed_at) where removed_at is not null;
