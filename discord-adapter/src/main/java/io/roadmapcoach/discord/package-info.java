/**
 * Roadmap Coach on Discord (JDA): the {@code /roadmap} command surface, interactions translated
 * into the core's commands, {@code DiscordRenderer} for embeds and buttons, and {@code
 * DiscordMessenger} for the outbox's deliveries. Uses only the core's adapter API.
 */
package io.roadmapcoach.discord;
