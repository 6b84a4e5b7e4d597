package io.roadmapcoach.slack;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import java.util.Optional;
import java.util.Set;

/** Web API clients, each with the token of the workspace it talks to. */
final class SlackClients {
  private final Slack slack;
  private final SlackTokens tokens;

  SlackClients(Slack slack, SlackTokens tokens) {
    this.slack = slack;
    this.tokens = tokens;
  }

  /** A client for the workspace; empty when the app is not installed there. */
  Optional<MethodsClient> forTeam(String teamId) {
    if (teamId == null) {
      return Optional.empty();
    }
    return tokens.botToken(teamId).map(token -> slack.methods(token, teamId));
  }

  /** The bot scopes the workspace granted. */
  Set<String> scopes(String teamId) {
    return teamId == null ? Set.of() : tokens.scopes(teamId);
  }

  Slack slack() {
    return slack;
  }
}
