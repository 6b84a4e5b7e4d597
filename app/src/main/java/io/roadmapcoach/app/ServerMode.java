package io.roadmapcoach.app;

import io.roadmapcoach.app.dashboard.DashboardHandler;
import io.roadmapcoach.app.http.AppMetrics;
import io.roadmapcoach.app.http.HttpServer;
import io.roadmapcoach.core.dashboard.DashboardAddress;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.discord.DiscordAdapter;
import io.roadmapcoach.discord.DiscordSettings;
import io.roadmapcoach.slack.OAuthInstall;
import io.roadmapcoach.slack.SlackAdapter;
import io.roadmapcoach.slack.SlackInstallSettings;
import io.roadmapcoach.slack.SlackSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server run: every platform whose token is set, the HTTP endpoints, scheduling and delivery,
 * until the process is asked to stop. Parts stop in the reverse order they started.
 */
final class ServerMode {
  private static final Logger log = LoggerFactory.getLogger(ServerMode.class);

  private ServerMode() {}

  static int run(
      Config config, Database database, Roadmap roadmap, QuizBank bank, PrintStream err) {
    Clock clock = Clock.systemUTC();
    Deque<AutoCloseable> started = new ArrayDeque<>();
    CountDownLatch stop = new CountDownLatch(1);
    Thread main = Thread.currentThread();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.countDown();
                  try {
                    main.join(30_000);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "shutdown"));
    try {
      // without PUBLIC_URL every dashboard page says it is not configured
      DashboardAddress address =
          config.publicUrl().map(DashboardAddress::fixed).orElseGet(DashboardAddress::none);
      CoachRuntime runtime =
          CoachRuntime.create(
              database,
              roadmap,
              bank,
              clock,
              false,
              address,
              config.secretKey(),
              Duration.ofDays(config.retentionDays()));
      started.push(runtime);
      Optional<SlackAdapter> slack = startSlack(config, runtime, clock, started);
      // over Socket Mode Slack's requests come through the socket, not /slack/events
      Optional<Handler> slackEvents =
          slack.filter(s -> config.slackAppToken().isEmpty()).map(SlackAdapter::handler);
      startDiscord(config, runtime, roadmap, started);
      runtime.start();
      HttpServer http =
          new HttpServer(
              config.port(),
              database::healthy,
              AppMetrics.create(runtime::outboxPending),
              slackEvents);
      http.route("/dashboard/*", new DashboardHandler(runtime.core().dashboard(), address));
      slack
          .flatMap(SlackAdapter::installPages)
          .ifPresent(
              pages -> {
                http.route(OAuthInstall.INSTALL_PATH, pages);
                http.route(OAuthInstall.REDIRECT_PATH, pages);
              });
      http.start();
      started.push(http);
      err.println("Roadmap Coach is running: " + config + ". Stop it with Ctrl-C.");
      log.info("Running with {}", config);
      stop.await();
      return Application.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Application.OK;
    } catch (Exception e) {
      log.error("Start-up failed", e);
      err.println("Roadmap Coach cannot start: " + e.getMessage());
      return Application.CANNOT_START;
    } finally {
      while (!started.isEmpty()) {
        closeQuietly(started.pop());
      }
    }
  }

  private static Optional<SlackAdapter> startSlack(
      Config config, CoachRuntime runtime, Clock clock, Deque<AutoCloseable> started)
      throws Exception {
    if (!config.slackEnabled()) {
      return Optional.empty();
    }
    if (config.slackInstalls()) {
      SlackAdapter slack =
          SlackAdapter.forInstalls(
              new SlackInstallSettings(
                  config.slackClientId().orElseThrow(),
                  config.slackClientSecret().orElseThrow(),
                  config.slackSigningSecret().orElseThrow(),
                  config.slackApiUrl(),
                  config.publicUrl()),
              runtime.core().coach(),
              runtime.workspaces(),
              runtime.core().installations(),
              clock);
      started.push(slack::close);
      runtime.worker().register(slack.messenger());
      return Optional.of(slack);
    }
    SlackSettings settings =
        new SlackSettings(
            config.slackBotToken().orElseThrow(),
            config.slackSigningSecret().orElse(""),
            config.slackAppToken(),
            config.slackApiUrl(),
            SlackSettings.DEFAULT_ACK_BUDGET);
    SlackAdapter slack =
        new SlackAdapter(settings, runtime.core().coach(), runtime.workspaces(), clock);
    started.push(slack::close);
    runtime.worker().register(slack.messenger());
    if (config.slackAppToken().isPresent()) {
      slack.startSocketMode();
    }
    return Optional.of(slack);
  }

  private static void startDiscord(
      Config config, CoachRuntime runtime, Roadmap roadmap, Deque<AutoCloseable> started) {
    if (!config.discordEnabled()) {
      return;
    }
    DiscordSettings settings =
        new DiscordSettings(
            config.discordBotToken().orElseThrow(),
            config.discordApiUrl(),
            config.discordGatewayUrl(),
            config.discordShards(),
            config.discordShardIds(),
            config.discordGlobalCommands());
    DiscordAdapter discord =
        new DiscordAdapter(settings, runtime.core().coach(), roadmap, runtime.workspaces());
    discord.start();
    started.push(discord::close);
    // after start: a messenger registered before the bot is connected would pause Discord
    // deliveries
    runtime.worker().register(discord.messenger());
  }

  private static void closeQuietly(AutoCloseable part) {
    try {
      part.close();
    } catch (Exception e) {
      log.warn("A part did not stop cleanly", e);
    }
  }
}
