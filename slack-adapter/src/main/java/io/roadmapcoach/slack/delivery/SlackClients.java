package io.roadmapcoach.slack.delivery;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import io.roadmapcoach.slack.install.SlackTokens;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

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

  /**
   * Connections kept open to Slack between calls: as many as the delivery worker has sends in
   * flight (256), so that a burst reuses its connections instead of opening (and, against Slack, a
   * TLS handshake for) nearly one a call, as OkHttp's default of five idle connections did.
   */
  static final int KEPT_CONNECTIONS = 256;

  /** How long an idle connection is kept. */
  static final Duration KEEP_IDLE = Duration.ofMinutes(5);

  /**
   * How long a call waits for Slack's answer (OkHttp's own default, spelt out): a post that times
   * out may have reached Slack, so the messenger leaves it in doubt rather than sending it again.
   */
  static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

  /** The Web API client, pointed at {@code SLACK_API_URL}. */
  public static Slack webApi(String apiUrl) {
    return webApi(apiUrl, ANSWER_WITHIN);
  }

  /** The Web API client, waiting {@code answerWithin} for each answer (shorter in tests). */
  static Slack webApi(String apiUrl, Duration answerWithin) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setHttpClientReadTimeoutMillis(Math.toIntExact(answerWithin.toMillis()));
    // no per-team metrics and no background auth.test look-ups: we call Slack ourselves
    config.getMethodsConfig().setStatsEnabled(false);
    OkHttpClient client =
        SlackHttpClient.buildOkHttpClient(config)
            .newBuilder()
            .connectionPool(
                new ConnectionPool(KEPT_CONNECTIONS, KEEP_IDLE.toMillis(), TimeUnit.MILLISECONDS))
            // HTTP/2 where Slack offers it (OkHttp's default, by ALPN), HTTP/1.1 otherwise
            .protocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1))
            // never sent again by the client on its own: a call whose connection failed may have
            // reached Slack, and only the messenger (in doubt, looked up) may decide to send again
            .retryOnConnectionFailure(false)
            .build();
    return Slack.getInstance(config, new SlackHttpClient(client));
  }
}
