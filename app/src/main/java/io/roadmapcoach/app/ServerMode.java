package io.roadmapcoach.app;

import io.roadmapcoach.app.http.AppMetrics;
import io.roadmapcoach.app.http.HttpServer;
import io.roadmapcoach.core.member.HomeCallers;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.discord.DiscordAdapter;
import io.roadmapcoach.discord.DiscordSettings;
import io.roadmapcoach.slack.SlackAdapter;
import io.roadmapcoach.slack.SlackSettings;
import java.io.PrintStream;
import java.time.Clock;
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
      CoachRuntime runtime = CoachRuntime.create(database, roadmap, bank, clock, false);
      started.push(runtime);
      // presses in a member's direct messages act in their home channel, on both platforms
      HomeCallers homes = new HomeCallers(database.dsl());
      Optional<Handler> slackEvents = startSlack(config, runtime, homes, clock, started);
      startDiscord(config, runtime, roadmap, homes, started);
      // stops first: sends in progress finish while Slack and Discord are still connected, and
      // what the worker holds is given back before the database closes
      started.push(runtime::stopDelivery);
      runtime.start();
      HttpServer http =
          new HttpServer(
              config.port(),
              database::healthy,
              AppMetrics.create(runtime::outboxPending),
              slackEvents);
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

  private static Optional<Handler> startSlack(
      Config config,
      CoachRuntime runtime,
      HomeCallers homes,
      Clock clock,
      Deque<AutoCloseable> started)
      throws Exception {
    if (!config.slackEnabled()) {
      return Optional.empty();
    }
    SlackSettings settings =
        new SlackSettings(
            config.slackBotToken().orElseThrow(),
            config.slackSigningSecret().orElse(""),
            config.slackAppToken(),
            config.slackApiUrl(),
            SlackSettings.DEFAULT_ACK_BUDGET,
            config.slackDelivery());
    SlackAdapter slack =
        new SlackAdapter(settings, runtime.core().coach(), runtime.workspaces(), homes, clock);
    started.push(slack::close);
    runtime.worker().register(slack.messenger());
    if (config.slackAppToken().isPresent()) {
      slack.startSocketMode();
      return Optional.empty();
    }
    return Optional.of(slack.handler());
  }

  private static void startDiscord(
      Config config,
      CoachRuntime runtime,
      Roadmap roadmap,
      HomeCallers homes,
      Deque<AutoCloseable> started) {
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
            config.discordGlobalCommands(),
            config.discordDeliveriesPerSecond());
    DiscordAdapter discord =
        new DiscordAdapter(settings, runtime.core().coach(), roadmap, runtime.workspaces(), homes);
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
