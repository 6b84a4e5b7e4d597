package io.roadmapcoach.core.delivery;

import static io.roadmapcoach.db.schema.Tables.DELIVERY_BUDGET_INSTANCE;
import static io.roadmapcoach.db.schema.Tables.DELIVERY_BUDGET_PAUSE;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A platform's request budget shared by every instance delivering to it, through PostgreSQL: each
 * instance beats in {@code delivery_budget_instance} at most once a {@link #BEAT}, and takes an
 * even share of the budget among the instances seen within {@link #LIVE}; a pause the platform
 * asked for (Discord's global 429) is written in {@code delivery_budget_pause} and read with the
 * beat, so it slows every instance. Times here are the database's own ({@code clock_timestamp()}):
 * instances' clocks may differ, the database's is the one they share.
 *
 * <p>An instance that joins sees the others at once (it beats before it takes its first share), and
 * they see it within a beat: when there are others, it waits one beat before it sends, so that
 * nobody spends more than the budget meanwhile. Whenever the database does not answer, an instance
 * keeps the share it last knew.
 */
public final class SharedBudget {
  private static final Logger log = LoggerFactory.getLogger(SharedBudget.class);

  /** How often an instance beats and reads the others. */
  public static final Duration BEAT = Duration.ofMillis(500);

  /** An instance not seen for this long has stopped. */
  static final Duration LIVE = Duration.ofSeconds(4);

  private static final Field<OffsetDateTime> NOW =
      DSL.field("clock_timestamp()", SQLDataType.TIMESTAMPWITHTIMEZONE);

  private final DSLContext dsl;
  private final String budget;
  private final String instance = UUID.randomUUID().toString();
  private final LongSupplier nanoTime;
  private long lastBeat;
  private boolean beaten;
  private int instances = 1;
  private long pausedUntilNanos;
  private long joinedUntilNanos;

  SharedBudget(DSLContext dsl, String budget, LongSupplier nanoTime) {
    this.dsl = dsl;
    this.budget = budget;
    this.nanoTime = nanoTime;
  }

  SharedBudget(DSLContext dsl, String budget) {
    this(dsl, budget, System::nanoTime);
  }

  /**
   * How many instances share the budget now (at least one): this instance's share is the budget
   * divided by it. Beats first when a beat is due.
   */
  public synchronized int instances() {
    beatIfDue();
    return instances;
  }

  /**
   * How many instances shared the budget at this instance's last beat, without beating now; zero
   * when it has not beaten lately (its messenger stopped pacing: it delivers no more).
   */
  public synchronized int lastCounted() {
    return beaten && nanoTime.getAsLong() - lastBeat < LIVE.toNanos() ? instances : 0;
  }

  /** How long every instance is still to wait, as the platform asked (zero when not). */
  public synchronized Duration pausedFor() {
    beatIfDue();
    return Duration.ofNanos(Math.max(0, pausedUntilNanos - nanoTime.getAsLong()));
  }

  /**
   * How long this instance, just joined, still waits before its first request (zero after): until
   * the others have seen it and it has seen them.
   */
  public synchronized Duration joiningFor() {
    beatIfDue();
    return Duration.ofNanos(Math.max(0, joinedUntilNanos - nanoTime.getAsLong()));
  }

  /** The platform asked the whole bot to wait {@code wait}: every instance waits. */
  public void pauseAll(Duration wait) {
    synchronized (this) {
      pausedUntilNanos = Math.max(pausedUntilNanos, nanoTime.getAsLong() + wait.toNanos());
    }
    try {
      Field<OffsetDateTime> until =
          DSL.field(
              "clock_timestamp() + make_interval(secs => {0})",
              SQLDataType.TIMESTAMPWITHTIMEZONE, DSL.val(wait.toNanos() / 1e9));
      dsl.insertInto(DELIVERY_BUDGET_PAUSE)
          .set(DELIVERY_BUDGET_PAUSE.BUDGET, budget)
          .set(DELIVERY_BUDGET_PAUSE.PAUSED_UNTIL, until)
          .onConflict(DELIVERY_BUDGET_PAUSE.BUDGET)
          .doUpdate()
          .set(
              DELIVERY_BUDGET_PAUSE.PAUSED_UNTIL,
              DSL.greatest(DELIVERY_BUDGET_PAUSE.PAUSED_UNTIL, until))
          .execute();
    } catch (RuntimeException e) {
      log.warn("Could not tell the other instances to pause {}: {}", budget, e.toString());
    }
  }

  /** This instance stops delivering: the others take its share at once. */
  public void leave() {
    try {
      dsl.deleteFrom(DELIVERY_BUDGET_INSTANCE)
          .where(
              DELIVERY_BUDGET_INSTANCE.BUDGET.eq(budget),
              DELIVERY_BUDGET_INSTANCE.INSTANCE_ID.eq(instance))
          .execute();
    } catch (RuntimeException e) {
      log.warn("Could not leave the {} budget: {}", budget, e.toString());
    }
  }

  private void beatIfDue() {
    long now = nanoTime.getAsLong();
    if (beaten && now - lastBeat < BEAT.toNanos()) {
      return;
    }
    lastBeat = now;
    try {
      dsl.insertInto(DELIVERY_BUDGET_INSTANCE)
          .set(DELIVERY_BUDGET_INSTANCE.BUDGET, budget)
          .set(DELIVERY_BUDGET_INSTANCE.INSTANCE_ID, instance)
          .set(DELIVERY_BUDGET_INSTANCE.SEEN_AT, NOW)
          .onConflict(DELIVERY_BUDGET_INSTANCE.BUDGET, DELIVERY_BUDGET_INSTANCE.INSTANCE_ID)
          .doUpdate()
          .set(DELIVERY_BUDGET_INSTANCE.SEEN_AT, NOW)
          .execute();
      int live =
          dsl.fetchCount(
              DELIVERY_BUDGET_INSTANCE,
              DELIVERY_BUDGET_INSTANCE
                  .BUDGET
                  .eq(budget)
                  .and(
                      DELIVERY_BUDGET_INSTANCE.SEEN_AT.gt(
                          NOW.minus(DSL.field("interval '" + LIVE.toSeconds() + " seconds'")))));
      Double pausedSeconds =
          dsl.select(
                  DSL.field(
                      "extract(epoch from ({0} - clock_timestamp()))",
                      Double.class, DELIVERY_BUDGET_PAUSE.PAUSED_UNTIL))
              .from(DELIVERY_BUDGET_PAUSE)
              .where(DELIVERY_BUDGET_PAUSE.BUDGET.eq(budget))
              .fetchOne(0, Double.class);
      instances = Math.max(1, live);
      if (pausedSeconds != null && pausedSeconds > 0) {
        pausedUntilNanos = Math.max(pausedUntilNanos, now + (long) (pausedSeconds * 1e9));
      }
      if (!beaten) {
        beaten = true;
        // instances starting together may not see each other yet, and the others learn of this
        // one at their next beat: it counts again one beat on before it takes a share
        joinedUntilNanos = now + BEAT.toNanos();
      }
    } catch (RuntimeException e) {
      log.warn("Could not beat in the {} budget; keeping a share of 1/{}", budget, instances);
    }
  }
}
