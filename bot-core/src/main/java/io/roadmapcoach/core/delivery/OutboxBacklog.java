package io.roadmapcoach.core.delivery;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;

import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * How far behind delivery is, for the app's health check and metrics: a due row that keeps getting
 * older means delivery has stopped. Each read is one query, outside any transaction.
 */
public final class OutboxBacklog {
  private final DSLContext dsl;

  public OutboxBacklog(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Rows waiting, and the time the oldest of those due was due.
   *
   * @param oldestDue empty when none is due
   */
  public record Waiting(int rows, Optional<Instant> oldestDue) {}

  /** The pending rows that are due at {@code now}. */
  public Waiting due(Instant now) {
    OffsetDateTime at = Times.utc(now);
    Record2<Integer, OffsetDateTime> due =
        dsl.select(count(), min(OUTBOX.NEXT_ATTEMPT_AT))
            .from(OUTBOX)
            .where(OUTBOX.STATUS.eq(OutboxStatus.PENDING.key()))
            .and(OUTBOX.NEXT_ATTEMPT_AT.le(at))
            .fetchOne();
    return due == null
        ? new Waiting(0, Optional.empty())
        : new Waiting(due.value1(), Optional.ofNullable(Times.instant(due.value2())));
  }

  /** Every pending row, retries waiting for their time included. */
  public Waiting pending(Instant now) {
    OffsetDateTime at = Times.utc(now);
    Record2<Integer, OffsetDateTime> row =
        dsl.select(count(), min(OUTBOX.NEXT_ATTEMPT_AT).filterWhere(OUTBOX.NEXT_ATTEMPT_AT.le(at)))
            .from(OUTBOX)
            .where(OUTBOX.STATUS.eq(OutboxStatus.PENDING.key()))
            .fetchSingle();
    return new Waiting(row.value1(), Optional.ofNullable(Times.instant(row.value2())));
  }
}
