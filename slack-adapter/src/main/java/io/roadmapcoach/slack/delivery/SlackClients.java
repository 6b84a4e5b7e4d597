package io.roadmapcoach.slack.delivery;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import io.roadmapcoach.slack.install.SlackTokens;
import java.util.Optional;
import java.util.Set;

/** Web API clients, each with the token of the workspace it talks to. */
public final class SlackClients {
  private final Slack slack;
  private final SlackTokens tokens;

  public SlackClients(Slack slack, SlackTokens tokens) {
    this.slack = slack;
    this.tokens = tokens;
  }

  /** A client for the workspace; empty when the app is not installed there. */
  public Optional<MethodsClient> forTeam(String teamId) {
    if (teamId == null) {
      return Optional.empty();
    }
    return tokens.botToken(teamId).map(token -> slack.methods(token, teamId));
  }

  /** The bot scopes the workspace granted. */
  public Set<String> scopes(String teamId) {
    return teamId == null ? Set.of() : tokens.scopes(teamId);
  }

  Slack slack() {
    return slack;
  }

  /** The Web API client, pointed at {@code SLACK_API_URL}. */
  public static Slack webApi(String apiUrl) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    // no per-team metrics and no background auth.test look-ups: we call Slack ourselves
    config.getMethodsConfig().setStatsEnabled(false);
    return Slack.getInstance(config);
  }
}
