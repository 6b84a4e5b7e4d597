package io.roadmapcoach.slack.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * A log line that anyone on the internet can cause (a forged signature, a malformed address, a
 * database check that failed for a request): said at its level at most once per {@link #INTERVAL},
 * and at DEBUG in between, so that a flood of such requests is no flood in the log.
 */
public final class QuietLog {
  public static final Duration INTERVAL = Duration.ofSeconds(10);

  private final Logger log;
  private final Level level;
  private final LongSupplier nanoTime;
  private final AtomicLong lastSaid;

  public QuietLog(Logger log, Level level) {
    this(log, level, System::nanoTime);
  }

  /** With another source of elapsed time, for tests. */
  QuietLog(Logger log, Level level, LongSupplier nanoTime) {
    this.log = log;
    this.level = level;
    this.nanoTime = nanoTime;
    this.lastSaid = new AtomicLong(nanoTime.getAsLong() - INTERVAL.toNanos() - 1);
  }

  public void say(String format, Object... arguments) {
    if (due()) {
      log.atLevel(level).log(format, arguments);
    } else if (log.isDebugEnabled()) {
      log.debug(format, arguments);
    }
  }

  private boolean due() {
    long now = nanoTime.getAsLong();
    long last = lastSaid.get();
    return now - last > INTERVAL.toNanos() && lastSaid.compareAndSet(last, now);
  }
}
