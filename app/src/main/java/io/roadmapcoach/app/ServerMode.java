package io.roadmapcoach.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.roadmapcoach.app.dashboard.DashboardHandler;
import io.roadmapcoach.app.health.HealthChecks;
import io.roadmapcoach.app.http.AppMetrics;
import io.roadmapcoach.app.http.CoreMetrics;
import io.roadmapcoach.app.http.OutboxGauges;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.dashboard.DashboardAddress;
import io.roadmapcoach.core.delivery.OutboxBacklog;
import io.roadmapcoach.core.schedule.Routine;
import io.roadmapcoach.core.tx.PoolShares;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.discord.DiscordAdapter;
import io.roadmapcoach.discord.DiscordSettings;
import io.roadmapcoach.slack.SlackAdapter;
import io.roadmapcoach.slack.SlackInstallSettings;
import io.roadmapcoach.slack.SlackSettings;
import io.roadmapcoach.slack.install.OAuthInstall;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
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
      DeploymentRoadmap deployment,
      PrintStream err,
      Shutdown shutdown) {
    Clock clock = Clock.systemUTC();
    try {
      // without PUBLIC_URL every dashboard page says it is not configured
      DashboardAddress address =
          config.publicUrl().map(DashboardAddress::fixed).orElseGet(DashboardAddress::none);
      PrometheusMeterRegistry metrics = AppMetrics.create();
      database.reportPoolTo(metrics);
      new OutboxGauges(new OutboxBacklog(database.dsl()), clock).bindTo(metrics);
      CoreMetrics coreMetrics = new CoreMetrics(metrics);
      Core.Builder builder =
          deployment
              .coreBuilder(database.dsl())
              .clock(clock)
              .quartz(database.dataSource())
              // a full pool makes commands wait their turn, never answers them as an outage
              .poolShares(PoolShares.of(Application.POOL_SIZE))
              // one of the connections kept apart from the shares hears changes to installations
              .cacheInstallationsHearingChangesOn(database.dataSource()::getConnection)
              .dashboardAt(address)
              .observer(coreMetrics)
              .retention(Duration.ofDays(config.retentionDays()));
      config.secretKey().ifPresent(builder::secretKey);
      config.previousSecretKey().ifPresent(builder::previousSecretKey);
      Core core = builder.build();
      coreMetrics.expectingRoutines(core.routines().all().stream().map(Routine::name).toList());
      core.deliveries().listen(coreMetrics.deliveries());
      shutdown.register("scheduling and delivery", core);
      HealthChecks health = HealthParts.of(database, core, clock, shutdown::requested);
      Optional<SlackAdapter> slack = startSlack(config, core, clock, shutdown, health);
      // over Socket Mode Slack's requests come through the socket, not /slack/events
      Optional<Handler> slackEvents =
          slack.filter(s -> config.slackAppToken().isEmpty()).map(SlackAdapter::handler);
      startDiscord(config, core, shutdown, health, metrics);
      // stops first: sends in progress finish while Slack and Discord are still connected, and
      // what the worker holds is given back before the database closes
      shutdown.register("deliveries", core.deliveries());
      core.start();
      HttpPorts.start(
          config, health, metrics, slackEvents, publicRoutes(core, address, slack), shutdown);
      err.println(
          "Roadmap Coach is running: "
              + String.join("; ", config.described())
              + ". Stop it with Ctrl-C.");
      log.info("Running with {}", config);
      shutdown.awaitRequest();
      return Application.OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Application.OK;
    } catch (Exception e) {
      log.error("Start-up failed", e);
      // err masks this run's secrets, whatever the message carries
      err.println("Roadmap Coach cannot start: " + e.getMessage());
      return Application.CANNOT_START;
    }
  }

  /** Pages anyone may reach: the leads' dashboard and, for Slack installs, the install pages. */
  private static Map<String, Handler> publicRoutes(
      Core core, DashboardAddress address, Optional<SlackAdapter> slack) {
    Map<String, Handler> routes = new LinkedHashMap<>();
    routes.put("/dashboard/*", new DashboardHandler(core.dashboard(), core.coach(), address));
    slack
        .flatMap(SlackAdapter::installPages)
        .ifPresent(
            pages -> {
              routes.put(OAuthInstall.INSTALL_PATH, pages);
              routes.put(OAuthInstall.REDIRECT_PATH, pages);
            });
    return routes;
  }

  private static Optional<SlackAdapter> startSlack(
      Config config, Core core, Clock clock, Shutdown shutdown, HealthChecks health)
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
                      config.publicUrl())
                  .withDelivery(config.slackDelivery()),
              core.coach(),
              core.workspaces(),
              core.installations(),
              clock);
      shutdown.register("Slack", slack);
      core.deliveries().register(slack.messenger());
      health.register(HealthParts.slack(false));
      return Optional.of(slack);
    }
    SlackSettings settings =
        new SlackSettings(
            config.slackBotToken().orElseThrow(),
            config.slackSigningSecret().orElse(""),
            config.slackAppToken(),
            config.slackApiUrl(),
            SlackSettings.DEFAULT_ACK_BUDGET,
            config.slackDelivery());
    SlackAdapter slack = new SlackAdapter(settings, core.coach(), core.workspaces(), clock);
    shutdown.register("Slack", slack);
    core.deliveries().register(slack.messenger());
    health.register(HealthParts.slack(config.slackAppToken().isPresent()));
    if (config.slackAppToken().isPresent()) {
      slack.startSocketMode();
    }
    return Optional.of(slack);
  }

  private static void startDiscord(
      Config config, Core core, Shutdown shutdown, HealthChecks health, MeterRegistry metrics) {
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
    DiscordAdapter discord = new DiscordAdapter(settings, core.coach(), core.workspaces());
    discord.start();
    shutdown.register("Discord", discord);
    health.register(HealthParts.discord(discord));
    AppMetrics.discordGatewayPing(metrics, () -> discord.connectionState().gatewayPingMillis());
    // after start: a messenger registered before the bot is connected would pause Discord
    // deliveries
    core.deliveries().register(discord.messenger());
  }
}
