package io.roadmapcoach.core.schedule;

import static io.roadmapcoach.db.schema.Tables.ROUTINE_MARK;

import io.roadmapcoach.core.observe.Observer;
import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one list of scheduled routines. Each run covers the time since the routine's last run on any
 * instance (kept in {@code routine_mark}), at most {@link #LOOK_BACK}: a routine decides for itself
 * what is too late within that. A routine's first run covers just the minute before it.
 */
public final class Routines {
  public static final Duration LOOK_BACK = Duration.ofHours(6);
  private static final Logger log = LoggerFactory.getLogger(Routines.class);

  private final List<Routine> all;
  private final DSLContext dsl;
  private final Transactions transactions;
  private final Runnable afterEnqueue;
  private final Observer observer;

  /**
   * @param afterEnqueue runs after a routine wrote outbox rows (wakes the delivery worker)
   * @param observer hears how long each run took, what it enqueued, and whether it failed
   */
  public Routines(
      List<Routine> all,
      DSLContext dsl,
      Transactions transactions,
      Runnable afterEnqueue,
      Observer observer) {
    this.all = List.copyOf(all);
    this.dsl = dsl;
    this.transactions = transactions;
    this.afterEnqueue = afterEnqueue;
    this.observer = observer;
  }

  public List<Routine> all() {
    return all;
  }

  /**
   * Runs every routine due at the minute {@code now} for its own last stretch: one minute of the
   * console's moving clock, which steps through every minute itself, so no marks are kept.
   */
  public void runAll(Instant now) {
    runAll(now, now);
  }

  /**
   * Runs every routine due at the minute {@code now}, each covering its own last stretch or, when
   * the clock jumped, the time since {@code since} (the last tick): what fell due meanwhile is due
   * now, within each routine's own late window.
   */
  public void runAll(Instant since, Instant now) {
    int enqueued = 0;
    for (Routine routine : all) {
      if (routine.dueAt(now)) {
        long started = System.nanoTime();
        Instant own = now.minus(routine.every());
        Instant from = since.isBefore(own) ? since : own;
        try {
          int rows = routine.work().run(from, now);
          observer.routineRan(routine.name(), true, rows, since(started));
          enqueued += rows;
        } catch (RuntimeException e) {
          observer.routineRan(routine.name(), false, 0, since(started));
          log.error("Scheduled routine {} failed at {}", routine.name(), now, e);
        }
      }
    }
    if (enqueued > 0) {
      afterEnqueue.run();
    }
  }

  /**
   * Runs the routine named {@code name} up to {@code now}, from where its last run on any instance
   * ended: Quartz's firing.
   */
  public void run(String name, Instant now) {
    all.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .ifPresentOrElse(
            r -> run(r, now), () -> log.warn("No scheduled routine is called {}", name));
  }

  private void run(Routine routine, Instant now) {
    Instant earliest = now.minus(LOOK_BACK);
    // a first run starts at the minute it is in: nothing from before the bot existed is due
    Instant from =
        lastRun(routine.name())
            .map(t -> t.isAfter(earliest) ? t : earliest)
            .orElse(now.minus(Duration.ofMinutes(1)));
    if (!from.isBefore(now)) {
      return;
    }
    long started = System.nanoTime();
    try {
      int enqueued = routine.work().run(from, now);
      markDone(routine.name(), now);
      observer.routineRan(routine.name(), true, enqueued, since(started));
      if (enqueued > 0) {
        afterEnqueue.run();
      }
    } catch (RuntimeException e) {
      // the mark stays where it was: the next run covers this stretch again
      observer.routineRan(routine.name(), false, 0, since(started));
      log.error("Scheduled routine {} failed; the next run retries it", routine.name(), e);
    }
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private Optional<Instant> lastRun(String name) {
    return dsl.select(ROUTINE_MARK.DONE_UNTIL)
        .from(ROUTINE_MARK)
        .where(ROUTINE_MARK.NAME.eq(name))
        .fetchOptional(r -> Times.instant(r.value1()));
  }

  private void markDone(String name, Instant until) {
    transactions.inTransaction(
        () ->
            dsl.insertInto(ROUTINE_MARK)
                .set(ROUTINE_MARK.NAME, name)
                .set(ROUTINE_MARK.DONE_UNTIL, Times.utc(until))
                .onConflict(ROUTINE_MARK.NAME)
                .doUpdate()
                .set(ROUTINE_MARK.DONE_UNTIL, Times.utc(until))
                .where(ROUTINE_MARK.DONE_UNTIL.lt(Times.utc(until)))
                .execute());
  }
}
