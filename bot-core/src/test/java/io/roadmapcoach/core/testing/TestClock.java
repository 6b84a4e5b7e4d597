package io.roadmapcoach.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test moves by hand. Copies made with {@link #withZone} share the same "now", so
 * moving one moves them all (as the console's {@code :clock} does for the whole app).
 */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private TestClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A UTC clock standing at {@code start}. */
  public static TestClock at(Instant start) {
    return new TestClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  /** A UTC clock standing at an ISO instant such as {@code 2026-03-02T10:00:00Z}. */
  public static TestClock at(String isoInstant) {
    return at(Instant.parse(isoInstant));
  }

  public void set(Instant instant) {
    now.set(instant);
  }

  public void set(String isoInstant) {
    set(Instant.parse(isoInstant));
  }

  /** Stands the clock at a wall-clock time in {@code zone}, e.g. 23:30 in Pacific/Auckland. */
  public void set(LocalDateTime local, ZoneId zone) {
    set(local.atZone(zone).toInstant());
  }

  public void advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new TestClock(now, other);
  }
}
