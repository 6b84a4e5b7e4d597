package io.roadmapcoach.slack;

import java.util.Optional;

/**
 * The bot token for a workspace, for every call the adapter makes on its own: deliveries from the
 * outbox, the App Home, user look-ups, files. One workspace per {@code SLACK_BOT_TOKEN}, or each
 * installed workspace with its own token (refreshed before it expires when tokens rotate).
 */
interface SlackTokens {

  /** A token that works now for the workspace; empty when the app is not installed there. */
  Optional<String> botToken(String teamId);

  /** The one workspace a single bot token serves. */
  static SlackTokens single(String teamId, String token) {
    return team -> teamId.equals(team) ? Optional.of(token) : Optional.empty();
  }
}
