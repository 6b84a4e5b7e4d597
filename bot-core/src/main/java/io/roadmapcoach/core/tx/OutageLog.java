package io.roadmapcoach.core.tx;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Says that the database cannot be reached at WARN once in a while, and at DEBUG in between: an
 * outage must not flood the log with a line per command or per second of polling. Says once, at
 * INFO, when it can be reached again.
 */
public final class OutageLog {
  private final Logger log;
  private final long intervalNanos;
  private final AtomicLong lastWarned;
  private volatile boolean down;

  public OutageLog(Logger log, Duration interval) {
    this.log = log;
    this.intervalNanos = interval.toNanos();
    this.lastWarned = new AtomicLong(System.nanoTime() - intervalNanos - 1);
  }

  /** The work named {@code what} did not run because the database could not be reached. */
  public void unavailable(String what, DatabaseUnavailable e) {
    down = true;
    long now = System.nanoTime();
    long last = lastWarned.get();
    if (now - last > intervalNanos && lastWarned.compareAndSet(last, now)) {
      log.warn("{} not carried out: {}", what, e.getMessage());
    } else {
      log.debug("{} not carried out: {}", what, e.getMessage());
    }
  }

  /** The database answered: after an outage, that is said once. */
  public void reachable() {
    if (down) {
      down = false;
      log.info("The database can be reached again");
    }
  }
}
