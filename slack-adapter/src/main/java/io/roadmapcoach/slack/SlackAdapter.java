package io.roadmapcoach.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.event.UserChangeEvent;
import com.slack.api.socket_mode.SocketModeClient;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.member.Workspaces;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Roadmap Coach on Slack, built by hand from its settings and the core: the Bolt app with {@code
 * /roadmap}, our buttons, the App Home and the uninstall events; the HTTP {@link #handler()} for
 * {@code POST /slack/events}; Socket Mode when an app token is set; and the outbox's {@link
 * #messenger()}.
 *
 * <p>Building it calls {@code auth.test} once: a wrong token fails here, at start-up, with Slack's
 * error and never the token.
 */
public final class SlackAdapter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
  public static final String COMMAND = "/roadmap";
  private static final int SOCKET_MODE_CONCURRENCY = 16;

  private final SlackSettings settings;
  private final App app;
  private final SlackHttpBridge bridge;
  private final SlackMessenger messenger;
  private final ExecutorService executor;
  private final String teamId;
  private SocketModeApp socketMode;

  public SlackAdapter(SlackSettings settings, Coach coach, Workspaces workspaces, Clock clock) {
    this.settings = settings;
    Slack slack = slack(settings);
    Identity identity = authTest(slack, settings);
    this.teamId = identity.teamId();
    MethodsClient client = slack.methods(settings.botToken(), teamId);
    this.executor =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("slack-work-", 0).factory());

    SlackUsers users = new SlackUsers(client, clock, executor, workspaces);
    SlackOut out = new SlackOut(slack, client);
    Attachments attachments = new Attachments(out, executor);
    EventClaims claims = new EventClaims(workspaces);
    AppHome home = new AppHome(coach, users, out, claims, executor);
    Uninstalls uninstalls = new Uninstalls(workspaces, claims);

    this.app = new App(appConfig(slack, settings));
    app.command(
        COMMAND, new SlashCommands(coach, users, attachments, out, executor, settings.ackBudget()));
    app.blockAction(
        ButtonPresses.OURS, new ButtonPresses(coach, users, out, attachments, home, executor));
    app.event(AppHomeOpenedEvent.class, home);
    app.event(AppUninstalledEvent.class, uninstalls.uninstalled());
    app.event(TokensRevokedEvent.class, uninstalls.revoked());
    app.event(UserChangeEvent.class, new StatusChanges(workspaces));
    app.start();

    this.bridge =
        new SlackHttpBridge(
            app,
            new RequestSignature(settings.signingSecret(), clock),
            Replays.claimedIn(workspaces));
    this.messenger =
        new SlackMessenger(
            client, teamId, SlackMessenger.channelPacer(), settings.delivery(), identity.scopes());
    log.info(
        "Slack is ready for workspace {} ({})",
        teamId,
        settings.socketMode() ? "Socket Mode" : "HTTP");
    logDeliveryCheck(settings.delivery(), identity.scopes());
  }

  /**
   * Serves {@code POST /slack/events} (slash commands, button presses and events alike); it answers
   * only requests for that path and leaves others to the next handler.
   */
  public Handler handler() {
    return bridge;
  }

  /** Delivers the outbox's messages to this workspace. */
  public Messenger messenger() {
    return messenger;
  }

  /** The Slack workspace (team id) the bot token belongs to. */
  public String workspaceId() {
    return teamId;
  }

  /**
   * Connects over Socket Mode (a WebSocket Slack opens to us; no public URL needed) when {@code
   * SLACK_APP_TOKEN} is set; does nothing otherwise.
   */
  public synchronized void startSocketMode() throws Exception {
    if (settings.appToken().isEmpty() || socketMode != null) {
      return;
    }
    socketMode =
        new SocketModeApp(settings.appToken().get(), app, SocketModeClient.Backend.JavaWebSocket);
    socketMode.startAsync();
    log.info("Slack Socket Mode connected");
  }

  @Override
  public synchronized void close() {
    if (socketMode != null) {
      try {
        socketMode.close();
      } catch (Exception e) {
        log.warn("Closing Socket Mode failed: {}", e.getMessage());
      }
      socketMode = null;
    }
    app.stop();
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A Bolt app with the adapter's own configuration and middleware and no listeners: the
   * benchmark's bare app, which only acknowledges, so that the comparison differs only in what the
   * handler does. Its caller registers listeners and starts it.
   */
  public static App boltApp(SlackSettings settings) {
    return new App(appConfig(slack(settings), settings));
  }

  /** The Web API client, pointed at {@code SLACK_API_URL}. */
  static Slack slack(SlackSettings settings) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    // no per-team metrics and no background auth.test look-ups: we call Slack ourselves
    config.getMethodsConfig().setStatsEnabled(false);
    return Slack.getInstance(config);
  }

  /**
   * A Bolt config that takes nothing from the environment behind our back (Bolt's defaults read
   * SLACK_* variables, OAuth ones included).
   */
  static AppConfig appConfig(Slack slack, SlackSettings settings) {
    return AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(settings.botToken())
        .signingSecret(settings.signingSecret().isEmpty() ? null : settings.signingSecret())
        .verificationToken(null)
        .clientId(null)
        .clientSecret(null)
        .redirectUri(null)
        .scope(null)
        .userScope(null)
        .build();
  }

  /** The token's workspace, and the scopes it was granted (Slack's {@code x-oauth-scopes}). */
  private record Identity(String teamId, Set<String> scopes) {}

  private void logDeliveryCheck(SlackDelivery delivery, Set<String> scopes) {
    if (messenger.checksDirect() || messenger.checksChannels()) {
      log.info(
          "Slack deliveries left in doubt by a crash are looked up before posting again ({}, {}"
              + " look-ups a minute, {} messages each)",
          messenger.checksDirect() && messenger.checksChannels()
              ? "direct messages and channel posts"
              : messenger.checksDirect() ? "direct messages only" : "channel posts only",
          delivery.historyCallsPerMinute(),
          delivery.historyLimit());
    } else {
      log.info(
          "Slack deliveries left in doubt by a crash are posted again without a look-up (no"
              + " history scopes, or SLACK_DELIVERY_CHECK=off): a crash may repeat the messages"
              + " that were being sent");
    }
    if (delivery.check() == SlackDelivery.Check.ON && !scopes.contains("im:history")) {
      log.warn("SLACK_DELIVERY_CHECK=on but the token lacks im:history: look-ups will fail");
    }
  }

  private static Identity authTest(Slack slack, SlackSettings settings) {
    AuthTestResponse response;
    try {
      response = slack.methods(settings.botToken()).authTest(r -> r);
    } catch (IOException | SlackApiException e) {
      throw new IllegalStateException("Slack auth.test failed: " + e.getMessage(), e);
    }
    if (!response.isOk() || response.getTeamId() == null) {
      throw new IllegalStateException(
          "Slack refused SLACK_BOT_TOKEN (auth.test: " + response.getError() + ")");
    }
    return new Identity(response.getTeamId(), scopes(response.getHttpResponseHeaders()));
  }

  static Set<String> scopes(Map<String, List<String>> headers) {
    if (headers == null) {
      return Set.of();
    }
    Set<String> scopes = new TreeSet<>();
    headers.forEach(
        (name, values) -> {
          if ("x-oauth-scopes".equalsIgnoreCase(name) && values != null) {
            values.forEach(
                v ->
                    Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .forEach(scopes::add));
          }
        });
    return scopes;
  }
}
