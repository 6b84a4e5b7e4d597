package io.roadmapcoach.app;

import io.roadmapcoach.app.health.DatabaseCheck;
import io.roadmapcoach.app.health.HealthCheck;
import io.roadmapcoach.app.health.HealthChecks;
import io.roadmapcoach.app.health.OutboxCheck;
import io.roadmapcoach.app.health.SchedulerCheck;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.delivery.OutboxBacklog;
import io.roadmapcoach.core.schedule.QuartzScheduling;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.discord.DiscordAdapter;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/** The parts a server run reports on in {@code /healthz}, wired to the running pieces. */
final class HealthParts {
  private HealthParts() {}

  /** The database, the scheduler and the outbox; platforms add theirs as they start. */
  static HealthChecks of(Database database, Core core, Clock clock, BooleanSupplier stopping) {
    return new HealthChecks(stopping)
        .register(new DatabaseCheck(database::healthy))
        .register(
            new SchedulerCheck(
                database.dsl(),
                QuartzScheduling.SCHEDULER_NAME,
                () -> core.schedulerInstanceId().orElse("none"),
                clock))
        .register(new OutboxCheck(new OutboxBacklog(database.dsl()), clock));
  }

  /**
   * Slack over HTTP keeps no connection to report on (its requests come to us); Socket Mode's
   * connection reconnects by itself.
   */
  static HealthCheck slack(boolean socketMode) {
    return check(
        "slack", () -> HealthCheck.Status.ok().with("mode", socketMode ? "socket mode" : "http"));
  }

  /** Every shard of this instance connected to Discord's gateway. */
  static HealthCheck discord(DiscordAdapter discord) {
    return check(
        "discord",
        () -> {
          DiscordAdapter.ConnectionState state = discord.connectionState();
          HealthCheck.Status status =
              state.shards() > 0 && state.connected() == state.shards()
                  ? HealthCheck.Status.ok()
                  : HealthCheck.Status.down(
                      state.connected() + " of " + state.shards() + " shards connected");
          return status
              .with("shards", state.shards())
              .with("connected", state.connected())
              .with("gatewayPingMillis", state.gatewayPingMillis());
        });
  }

  private static HealthCheck check(
      String name, java.util.function.Supplier<HealthCheck.Status> status) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Status check() {
        return status.get();
      }
    };
  }
}
