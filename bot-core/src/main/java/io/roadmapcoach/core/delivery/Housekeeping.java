package io.roadmapcoach.core.delivery;

import static io.roadmapcoach.db.schema.Tables.HANDLED_EVENT;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static io.roadmapcoach.db.schema.Tables.SEEN_REQUEST;

import io.roadmapcoach.core.schedule.Routine;
import io.roadmapcoach.core.time.Times;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Deletes what has served its purpose, a little at a time (an hourly routine): platform event ids
 * kept to spot retries, signed requests kept to spot replays, and outbox rows long since sent or
 * given up.
 */
public final class Housekeeping {
  /** Slack retries a delivery within minutes; two days is ample. */
  public static final Duration KEEP_EVENT_IDS = Duration.ofDays(2);

  /** An outbox row's unique key guards one local day; two weeks leaves room to look back. */
  public static final Duration KEEP_FINISHED_DELIVERIES = Duration.ofDays(14);

  /**
   * A signed request is accepted up to five minutes either side of its timestamp; a minute more and
   * a replay of it is refused as stale anyway, so its claim can go.
   */
  public static final Duration KEEP_SIGNED_REQUESTS = Duration.ofMinutes(6);

  static final int MOST_PER_RUN = 5_000;

  /** Signed requests come with every command: a busy minute brings tens of thousands. */
  static final int MOST_REQUESTS_PER_RUN = 100_000;

  private final DSLContext dsl;

  public Housekeeping(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The hourly routine; it enqueues nothing (what it purged is no news for the worker). */
  public Routine routine() {
    return new Routine(
        "housekeeping",
        Duration.ofHours(1),
        (from, to) -> {
          purge(to);
          return 0;
        });
  }

  /** Returns how many rows were deleted. */
  public int purge(Instant now) {
    int events =
        dsl.deleteFrom(HANDLED_EVENT)
            .where(
                DSL.row(HANDLED_EVENT.PLATFORM, HANDLED_EVENT.EVENT_ID)
                    .in(
                        DSL.select(HANDLED_EVENT.PLATFORM, HANDLED_EVENT.EVENT_ID)
                            .from(HANDLED_EVENT)
                            .where(
                                HANDLED_EVENT.HANDLED_AT.lt(Times.utc(now.minus(KEEP_EVENT_IDS))))
                            .limit(MOST_PER_RUN)))
            .execute();
    int deliveries =
        dsl.deleteFrom(OUTBOX)
            .where(
                OUTBOX.ID.in(
                    DSL.select(OUTBOX.ID)
                        .from(OUTBOX)
                        .where(
                            // in literals, as the index of finished rows says it (see the claim)
                            OUTBOX.STATUS.notIn(
                                DSL.inline(OutboxStatus.PENDING.key()),
                                DSL.inline(OutboxStatus.SENDING.key())),
                            OUTBOX.CREATED_AT.lt(Times.utc(now.minus(KEEP_FINISHED_DELIVERIES))))
                        .limit(MOST_PER_RUN)))
            .execute();
    int requests =
        dsl.deleteFrom(SEEN_REQUEST)
            .where(
                DSL.row(SEEN_REQUEST.PLATFORM, SEEN_REQUEST.REQUEST_HASH)
                    .in(
                        DSL.select(SEEN_REQUEST.PLATFORM, SEEN_REQUEST.REQUEST_HASH)
                            .from(SEEN_REQUEST)
                            .where(
                                SEEN_REQUEST.SIGNED_AT.lt(
                                    Times.utc(now.minus(KEEP_SIGNED_REQUESTS))))
                            .limit(MOST_REQUESTS_PER_RUN)))
            .execute();
    return events + deliveries + requests;
  }
}
