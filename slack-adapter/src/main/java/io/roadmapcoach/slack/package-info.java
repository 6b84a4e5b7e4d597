/**
 * Roadmap Coach on Slack (Bolt for Java). {@code SlackAdapter} is the entry point: it builds the
 * Bolt app from {@code SlackSettings} (one workspace) or {@code SlackInstallSettings} (installed
 * through OAuth) and wires the groups below it; {@code SlackHttpBridge} serves {@code POST
 * /slack/events}, checking each request's signature and refusing replays first. The groups, as in
 * Bolt's starter template: {@code commands}, {@code actions} and {@code events} translate Slack's
 * requests into the core's calls; {@code uploads} asks for a file in a form and reads it back from
 * Slack; {@code users} says who is calling; {@code install} is the OAuth install and each
 * workspace's token; {@code delivery} sends to Slack; {@code render} writes Block Kit. The groups
 * never reach back up here. Uses only the core's adapter API.
 */
package io.roadmapcoach.slack;
