package io.roadmapcoach.core.leaderboard;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;

import org.jooq.DSLContext;

/**
 * Not used: a class outside {@code delivery} that counts the outbox's rows itself, for the
 * ArchitectureTest to show that the outbox rule reports it. It lives with the tests only.
 */
public final class OutboxProbe {
  private OutboxProbe() {}

  static int pending(DSLContext dsl) {
    return dsl.fetchCount(OUTBOX, OUTBOX.STATUS.eq("pending"));
  }
}
