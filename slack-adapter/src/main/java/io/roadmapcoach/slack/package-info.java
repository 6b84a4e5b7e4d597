/**
 * Roadmap Coach on Slack (Bolt for Java): {@code SlashCommands}, {@code ButtonPresses} and {@code
 * AppHome} translate Slack's requests into the core's commands; {@code SlackRenderer} renders
 * replies as Block Kit; {@code SlackMessenger} sends the outbox's deliveries. Uses only the core's
 * adapter API.
 */
package io.roadmapcoach.slack;
