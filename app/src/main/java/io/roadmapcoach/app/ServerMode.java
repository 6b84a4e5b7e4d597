package io.roadmapcoach.app;

import io.roadmapcoach.app.dashboard.DashboardHandler;
import io.roadmapcoach.app.health.HealthChecks;
import io.roadmapcoach.app.http.AppMetrics;
import io.roadmapcoach.core.dashboard.DashboardAddress;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.Redaction;
import io.roadmapcoach.discord.DiscordAdapter;
import io.roadmapcoach.discord.DiscordSettings;
import io.roadmapcoach.slack.SlackAdapter;
import io.roadmapcoach.slack.SlackSettings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server run: every platform whose token is set, the HTTP endpoints, scheduling and delivery,
 * until the process is asked to stop. Each part registers with {@link Shutdown} as it starts, and
 * they stop in the reverse order.
 */
final class ServerMode {
  private static final Logger log = LoggerFactory.getLogger(ServerMode.class);

  private ServerMode() {}

  static int run(
      Config config,
      Database database,
      Roadmap roadmap,
      QuizBank bank,
      PrintStream err,
      Shutdown shutdown) {
    Clock clock = Clock.systemUTC();
    try {
      // without PUBLIC_URL every dashboard page says it is not configured
      DashboardAddress address =
          config.publicUrl().map(DashboardAddress::fixed).orElseGet(DashboardAddress::none);
      CoachRuntime runtime = CoachRuntime.create(database, roadmap, bank, clock, false, address);
      shutdown.register("scheduling and delivery", runtime);
      HealthChecks health = HealthParts.of(database, runtime, clock, shutdown::requested);
      Optional<Handler> slackEvents = startSlack(config, runtime, clock, shutdown, health);
      startDiscord(config, runtime, roadmap, shutdown, health);
      // stops first: sends in progress finish while Slack and Discord are still connected, and
      // what the worker holds is given back before the database closes
      shutdown.register("deliveries", runtime::stopDelivery);
      runtime.start();
      HttpPorts.start(
          config,
          health,
          AppMetrics.create(runtime::outboxPending),
          slackEvents,
          Map.of("/dashboard/*", new DashboardHandler(runtime.core().dashboard(), address)),
          shutdown);
      err.println("Roadmap Coach is running: " + config + ". Stop it with Ctrl-C.");
      log.info("Running with {}", config);
      shutdown.awaitRequest();
      return Application.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Application.OK;
    } catch (Exception e) {
      log.error("Start-up failed", e);
      err.println("Roadmap Coach cannot start: " + Redaction.redact(e.getMessage()));
      return Application.CANNOT_START;
    }
  }

  private static Optional<Handler> startSlack(
      Config config, CoachRuntime runtime, Clock clock, Shutdown shutdown, HealthChecks health)
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
        new SlackAdapter(settings, runtime.core().coach(), runtime.workspaces(), clock);
    shutdown.register("Slack", slack);
    runtime.worker().register(slack.messenger());
    health.register(HealthParts.slack(config.slackAppToken().isPresent()));
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
      Shutdown shutdown,
      HealthChecks health) {
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
        new DiscordAdapter(settings, runtime.core().coach(), roadmap, runtime.workspaces());
    discord.start();
    shutdown.register("Discord", discord);
    health.register(HealthParts.discord(discord));
    // after start: a messenger registered before the bot is connected would pause Discord
    // deliveries
    runtime.worker().register(discord.messenger());
  }
}
