package io.roadmapcoach.app.health;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * The outbox: how many deliveries are due and how long the oldest of them has waited. Nudges are
 * minutes-sensitive; a due row older than {@link #STUCK} means delivery has stopped (a platform
 * refusing, every instance's worker down), and the part reports down.
 */
public final class OutboxCheck implements HealthCheck {
  static final Duration STUCK = Duration.ofMinutes(15);

  private final DSLContext dsl;
  private final Clock clock;

  public OutboxCheck(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "outbox";
  }

  @Override
  public Status check() {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    // the pending rows' partial index answers both without reading the table
    Record2<Integer, OffsetDateTime> due =
        dsl.select(count(), min(OUTBOX.NEXT_ATTEMPT_AT))
            .from(OUTBOX)
            .where(OUTBOX.STATUS.eq("pending"))
            .and(OUTBOX.NEXT_ATTEMPT_AT.le(now))
            .fetchOne();
    int dueCount = due == null ? 0 : due.value1();
    long oldestSeconds =
        due == null || due.value2() == null
            ? 0
            : Math.max(0, Duration.between(due.value2(), now).toSeconds());
    Status status =
        oldestSeconds > STUCK.toSeconds()
            ? Status.down("deliveries have waited more than " + STUCK.toMinutes() + " minutes")
            : Status.ok();
    return status.with("due", dueCount).with("oldestDueSeconds", oldestSeconds);
  }
}
