package io.roadmapcoach.core.tx;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Whether the database answered lately. Once a transaction has found it unreachable, transactions
 * fail at once for {@link #PAUSE} instead of each waiting out the pool's connection timeout: during
 * an outage a command is answered in milliseconds, threads do not pile up on the pool, and a
 * platform request that needs the database twice (a Slack request's replay claim, then its command)
 * does not wait twice past the platform's three seconds. The first transaction after the pause
 * tries for real again, so the coach notices by itself when the database is back.
 *
 * <p>Elapsed time comes from {@code System.nanoTime} (injectable for tests), not the coach's clock:
 * this measures seconds of an outage, not time of day, and must not stand still under a test clock.
 */
final class Reachability {
  static final Duration PAUSE = Duration.ofSeconds(3);

  /** PostgreSQL's "the server is shutting down or starting up" states. */
  private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

  private final LongSupplier nanoTime;
  private volatile boolean paused;
  private volatile long pausedUntil;

  Reachability(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Throws at once while the pause after a failure to reach the database lasts. */
  void check() {
    if (paused && nanoTime.getAsLong() - pausedUntil < 0) {
      throw new DatabaseUnavailable(
          "The database was unreachable moments ago; not trying again yet", null);
    }
  }

  /**
   * What a failed transaction's exception means: a {@link DatabaseUnavailable} (pausing further
   * attempts) when the database could not be reached, the exception itself otherwise. No connection
   * within the pool's timeout counts as unreachable whatever the cause: the server gone (the usual
   * case) or every connection busy for that long, when pausing sheds load the database cannot take.
   */
  RuntimeException failed(RuntimeException e) {
    if (e instanceof DatabaseUnavailable) {
      return e;
    }
    if (!unreachable(e)) {
      return e;
    }
    pausedUntil = nanoTime.getAsLong() + PAUSE.toNanos();
    paused = true;
    return new DatabaseUnavailable("The database could not be reached: " + e.getMessage(), e);
  }

  /** A transaction reached the database: no pause any more. */
  void succeeded() {
    if (paused) {
      paused = false;
    }
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || SERVER_GOING_AWAY.contains(state))) {
          return true;
        }
      }
    }
    return false;
  }
}
