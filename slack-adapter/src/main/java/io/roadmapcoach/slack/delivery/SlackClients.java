package io.roadmapcoach.slack.delivery;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import io.roadmapcoach.slack.install.SlackTokens;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Web API clients, each with the token of the workspace it talks to. */
public final class SlackClients {
  private static final Logger log = LoggerFactory.getLogger(SlackClients.class);

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

  /**
   * At most {@code atMost} bytes of a file's private address ({@code url_private_download}),
   * fetched with the workspace's bot token: only from Slack (its file hosts, or the Web API's
   * host), over a successful answer that is not Slack's sign-in page. Empty otherwise; the token is
   * never logged.
   */
  public Optional<byte[]> download(String teamId, String url, int atMost) {
    Optional<String> token = teamId == null ? Optional.empty() : tokens.botToken(teamId);
    HttpUrl address = url == null ? null : HttpUrl.parse(url);
    if (token.isEmpty() || address == null || !fromSlack(address)) {
      return Optional.empty();
    }
    try (Response response = slack.getHttpClient().get(address.toString(), Map.of(), token.get())) {
      ResponseBody body = response.body();
      String type = response.header("Content-Type", "");
      if (!response.isSuccessful() || body == null || type.startsWith("text/html")) {
        log.warn("A file download from Slack answered HTTP {} ({})", response.code(), type);
        return Optional.empty();
      }
      try (InputStream in = body.byteStream()) {
        return Optional.of(in.readNBytes(atMost));
      }
    } catch (IOException | RuntimeException e) {
      log.warn("A file download from Slack failed: {}", e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /** Slack's own hosts, or the host the Web API is configured at (a local stand-in). */
  private boolean fromSlack(HttpUrl address) {
    HttpUrl api = HttpUrl.parse(slack.getConfig().getMethodsEndpointUrlPrefix());
    boolean slackHost =
        address.isHttps()
            && (address.host().equals("slack.com") || address.host().endsWith(".slack.com"));
    boolean apiHost =
        api != null
            && api.scheme().equals(address.scheme())
            && api.host().equals(address.host())
            && api.port() == address.port();
    return slackHost || apiHost;
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
