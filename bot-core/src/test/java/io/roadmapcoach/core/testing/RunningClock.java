package io.roadmapcoach.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that runs as real time does, from a chosen instant, and that a test can move forward
 * while nothing is under way: waits of a minute (a lease running out, Slack's next history look-up)
 * pass at once, and what runs meanwhile (a platform answering after 300 ms) takes its real time.
 * Never goes back.
 */
public final class RunningClock extends Clock {
  private final long startNanos = System.nanoTime();
  private final Instant start;
  private final AtomicLong skippedNanos = new AtomicLong();

  private RunningClock(Instant start) {
    this.start = start;
  }

  /** A clock standing at {@code start} now, and running from there. */
  public static RunningClock from(Instant start) {
    return new RunningClock(start);
  }

  /** Moves the clock to {@code at}, if that is ahead of it; returns how far it moved. */
  public Duration jumpTo(Instant at) {
    long ahead = Duration.between(instant(), at).toNanos();
    if (ahead <= 0) {
      return Duration.ZERO;
    }
    skippedNanos.addAndGet(ahead);
    return Duration.ofNanos(ahead);
  }

  /** How far the clock was moved forward so far, beyond real time. */
  public Duration skipped() {
    return Duration.ofNanos(skippedNanos.get());
  }

  @Override
  public Instant instant() {
    return start.plusNanos(System.nanoTime() - startNanos + skippedNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a running test clock is UTC only");
  }
}
