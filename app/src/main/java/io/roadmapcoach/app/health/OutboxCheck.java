package io.roadmapcoach.app.health;

import io.roadmapcoach.core.delivery.OutboxBacklog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The outbox: how many deliveries are due and how long the oldest of them has waited. Nudges are
 * minutes-sensitive; a due row older than {@link #STUCK} means delivery has stopped (a platform
 * refusing, every instance's worker down), and the part reports down.
 */
public final class OutboxCheck implements HealthCheck {
  static final Duration STUCK = Duration.ofMinutes(15);

  private final OutboxBacklog backlog;
  private final Clock clock;

  public OutboxCheck(OutboxBacklog backlog, Clock clock) {
    this.backlog = backlog;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "outbox";
  }

  @Override
  public Status check() {
    Instant now = clock.instant();
    OutboxBacklog.Waiting due = backlog.due(now);
    int dueCount = due.rows();
    long oldestSeconds =
        due.oldestDue().map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L);
    Status status =
        oldestSeconds > STUCK.toSeconds()
            ? Status.down("deliveries have waited more than " + STUCK.toMinutes() + " minutes")
            : Status.ok();
    return status.with("due", dueCount).with("oldestDueSeconds", oldestSeconds);
  }
}
