/**
 * Installing in many workspaces through OAuth v2: the install and redirect pages, Bolt's
 * installation and state services over the core's installations, and each workspace's bot token
 * ({@code SlackTokens}), refreshed before it expires.
 */
package io.roadmapcoach.slack.install;
