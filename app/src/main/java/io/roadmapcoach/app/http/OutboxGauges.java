package io.roadmapcoach.app.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.roadmapcoach.core.delivery.OutboxBacklog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code roadmap_outbox_pending} (deliveries waiting, retries included) and {@code
 * roadmap_outbox_oldest_due_seconds} (how long the oldest delivery that is due has waited: it grows
 * when delivery has stopped). One query answers both, at most once per {@link #FRESH_FOR} however
 * often {@code /metrics} is read; while the database is away both read NaN.
 */
public final class OutboxGauges implements MeterBinder {
  static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private record Snapshot(double pending, double oldestDueSeconds, long takenAtNanos) {}

  private final OutboxBacklog backlog;
  private final Clock clock;
  private volatile Snapshot last;

  public OutboxGauges(OutboxBacklog backlog, Clock clock) {
    this.backlog = backlog;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("roadmap_outbox_pending", this, g -> g.snapshot().pending())
        .description("deliveries waiting to be sent")
        .register(registry);
    Gauge.builder("roadmap_outbox_oldest_due", this, g -> g.snapshot().oldestDueSeconds())
        .description("seconds the oldest due delivery has waited (0 when none is due)")
        .baseUnit("seconds")
        .register(registry);
  }

  private synchronized Snapshot snapshot() {
    Snapshot known = last;
    long now = System.nanoTime();
    if (known != null && now - known.takenAtNanos() < FRESH_FOR.toNanos()) {
      return known;
    }
    Snapshot taken;
    try {
      taken = read(now);
    } catch (RuntimeException databaseAway) {
      taken = new Snapshot(Double.NaN, Double.NaN, now);
    }
    last = taken;
    return taken;
  }

  private Snapshot read(long nanos) {
    Instant now = clock.instant();
    OutboxBacklog.Waiting pending = backlog.pending(now);
    double oldest =
        pending.oldestDue().map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L);
    return new Snapshot(pending.rows(), oldest, nanos);
  }
}
