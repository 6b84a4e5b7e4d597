package io.roadmapcoach.core.tx;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether the database answered lately: a circuit that opens when a transaction finds the database
 * unreachable. While it is open, transactions fail at once instead of each waiting out the pool's
 * connection timeout: during an outage a command is answered in milliseconds, threads do not pile
 * up on the pool, and a platform request that needs the database twice (a Slack request's replay
 * claim, then its command) does not wait twice past the platform's three seconds.
 *
 * <p>Meanwhile one background probe asks the database every {@link #PROBE_EVERY} whether it
 * answers, and closes the circuit the moment it does: commands work again within moments of the
 * database's return, not after a fixed wait. Should the probe not get through, the first
 * transaction after {@link #PAUSE} tries for real again, as a last resort.
 *
 * <p>Elapsed time comes from {@code System.nanoTime} (injectable for tests), not the coach's clock:
 * this measures seconds of an outage, not time of day, and must not stand still under a test clock.
 */
final class Reachability {
  static final Duration PAUSE = Duration.ofSeconds(3);

  /** How often the probe asks while the circuit is open. */
  static final Duration PROBE_EVERY = Duration.ofMillis(200);

  /** PostgreSQL's "the server is shutting down or starting up" states. */
  private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

  private final LongSupplier nanoTime;
  private final BooleanSupplier answers;
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile boolean paused;
  private volatile long pausedUntil;

  /**
   * @param answers whether the database answers now (a trivial query); run by the probe only
   */
  Reachability(LongSupplier nanoTime, BooleanSupplier answers) {
    this.nanoTime = nanoTime;
    this.answers = answers;
  }

  /** Throws at once while the circuit is open, until the probe or the pause closes it. */
  void check() {
    if (paused && nanoTime.getAsLong() - pausedUntil < 0) {
      throw new DatabaseUnavailable(
          "The database was unreachable moments ago; not trying again yet", null);
    }
  }

  /**
   * What a failed transaction's exception means: a {@link DatabaseUnavailable} (opening the
   * circuit) when the database could not be reached, a {@link DatabaseBusy} when every connection
   * was busy (the pool timed out with no failed attempt to connect behind it: the database answers,
   * it is only full, and the circuit stays closed), the exception itself otherwise.
   */
  RuntimeException failed(RuntimeException e) {
    if (e instanceof DatabaseUnavailable || e instanceof DatabaseBusy) {
      return e;
    }
    if (poolFull(e)) {
      return new DatabaseBusy("Every connection was busy: " + e.getMessage(), e);
    }
    if (!unreachable(e)) {
      return e;
    }
    pausedUntil = nanoTime.getAsLong() + PAUSE.toNanos();
    paused = true;
    probe();
    return new DatabaseUnavailable("The database could not be reached: " + e.getMessage(), e);
  }

  /** A transaction reached the database: the circuit closes. */
  void succeeded() {
    if (paused) {
      paused = false;
    }
  }

  /** Starts the one probe, unless it runs already; it ends once the circuit is closed. */
  private void probe() {
    if (probing.compareAndSet(false, true)) {
      Thread.ofVirtual().name("database-probe").start(this::probeUntilBack);
    }
  }

  private void probeUntilBack() {
    try {
      while (paused) {
        Thread.sleep(PROBE_EVERY);
        if (paused && answers.getAsBoolean()) {
          paused = false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      probing.set(false);
    }
    if (paused) {
      probe(); // opened again between the last look and the end of this probe
    }
  }

  /**
   * The pool gave up waiting for a connection while every one was in use and none had failed to
   * open: HikariCP then says so with no cause, where a server that cannot be reached leaves the
   * failed attempt to connect as the cause.
   */
  static boolean poolFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException pool) {
        return pool.getCause() == null && pool.getSQLState() == null;
      }
    }
    return false;
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
