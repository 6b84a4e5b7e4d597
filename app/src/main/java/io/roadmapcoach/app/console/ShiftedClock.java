package io.roadmapcoach.app.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real time, moved forward by {@code :clock}: the console's "now" runs on from wherever the person
 * last set it.
 */
public final class ShiftedClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public ShiftedClock(Clock base) {
    this.base = base;
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    ShiftedClock other = new ShiftedClock(base.withZone(zone));
    other.offset.set(offset.get());
    return other;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  /** Makes "now" read {@code target}; the console only ever moves forward. */
  public void setTo(Instant target) {
    offset.set(Duration.between(base.instant(), target));
  }
}
