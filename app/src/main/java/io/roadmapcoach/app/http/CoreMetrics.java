package io.roadmapcoach.app.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.DeliveryListener;
import io.roadmapcoach.core.observe.Observer;
import io.roadmapcoach.core.observe.Outcome;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;

/**
 * The core's reports as Micrometer meters, which {@code /metrics} shows as:
 *
 * <ul>
 *   <li>{@code roadmap_commands_total{command,platform,outcome}}: commands answered, by how they
 *       ended ({@code ok}, {@code invalid}, {@code refused}, {@code failed}, {@code
 *       db-unavailable});
 *   <li>{@code roadmap_command_latency_seconds{command,platform}}: how long the coach took, as a
 *       histogram ({@code _bucket}) for quantiles over any window;
 *   <li>{@code roadmap_routine_duration_seconds{routine,outcome}} and {@code
 *       roadmap_routine_rows_total{routine}}: each scheduled routine's runs and what they enqueued;
 *   <li>{@code roadmap_quartz_misfires_total{routine}}: routines fired late.
 * </ul>
 *
 * Labels hold names the core chose (a command's kind, never what was typed), so their number stays
 * small.
 */
public final class CoreMetrics implements Observer {
  private final MeterRegistry registry;

  public CoreMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Shows each routine's misfire counter at 0 from the start, so an alert has a series to read. */
  public CoreMetrics expectingRoutines(Collection<String> routines) {
    routines.forEach(this::misfires);
    return this;
  }

  @Override
  public void commandAnswered(
      String command, Platform platform, Outcome outcome, Duration latency) {
    Counter.builder("roadmap.commands")
        .description("commands answered, by how they ended")
        .tags("command", command, "platform", platform.key(), "outcome", outcome.key())
        .register(registry)
        .increment();
    Timer.builder("roadmap.command.latency")
        .description("time from a command's arrival at the coach to its reply")
        .tags("command", command, "platform", platform.key())
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry)
        .record(latency);
  }

  @Override
  public void routineRan(String routine, boolean succeeded, int rows, Duration took) {
    Timer.builder("roadmap.routine.duration")
        .description("scheduled routine runs (nudge sweep, weekly quiz, housekeeping)")
        .tags("routine", routine, "outcome", succeeded ? "ok" : "failed")
        .register(registry)
        .record(took);
    Counter.builder("roadmap.routine.rows")
        .description("deliveries the scheduled routines enqueued")
        .tag("routine", routine)
        .register(registry)
        .increment(rows);
  }

  @Override
  public void routineMisfired(String routine) {
    misfires(routine).increment();
  }

  private Counter misfires(String routine) {
    return Counter.builder("roadmap.quartz.misfires")
        .description("routines Quartz fired later than its misfire threshold")
        .tag("routine", routine)
        .register(registry);
  }

  /**
   * Deliveries by kind, platform and outcome (sent, retried, rate-limited, undeliverable, dropped
   * as stale, ...), as the delivery worker counts them.
   */
  public DeliveryListener deliveries() {
    return (outcome, kind, platform) ->
        Counter.builder("roadmap.deliveries")
            .description("Deliveries from the outbox, by what became of them")
            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
            .tag("kind", kind.key())
            .tag("platform", platform.key())
            .register(registry)
            .increment();
  }
}
