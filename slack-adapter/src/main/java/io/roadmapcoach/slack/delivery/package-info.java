/**
 * What the app sends to Slack: the outbox's deliveries ({@code SlackMessenger}, paced, with
 * deliveries in doubt looked up first as {@code SlackDelivery} says), the interactive side's posts,
 * updates and files ({@code SlackOut}, {@code Attachments}), each through its workspace's Web API
 * client ({@code SlackClients}).
 */
package io.roadmapcoach.slack.delivery;
