-- What the platform last said of a member in a channel: whether they administer the workspace
-- (Slack's admins and owners, Discord's Manage Server). Every command from a channel updates it;
-- the leads' dashboard reads it on every request, so a session that a workspace admin opened
-- shows every channel only while the platform still says so. Nobody is taken for an admin before
-- the platform has said it: rows that exist start as not.
alter table member add column platform_admin boolean not null default false;
