package io.roadmapcoach.core.delivery;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Spaces calls per key (a channel, a workspace's method, a platform as a whole) at a fixed
 * interval, and holds a key back while the platform has asked it to wait (HTTP 429 with {@code
 * Retry-After}). Each call reserves the key's next free slot; a caller waits for its slot when it
 * is close, and is told to come back later when it is not, with nothing reserved (the delivery
 * worker then reschedules the row instead of holding it).
 *
 * <p>Keys are independent: a pause or a queue on one never slows another.
 */
public final class Pacer {
  private static final int PRUNE_ABOVE = 10_000;

  private final long intervalNanos;
  private final long maxWaitNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentMap<String, Long> nextFree = new ConcurrentHashMap<>();

  /**
   * @param interval the spacing between two calls on one key (zero: only pauses hold a key back)
   * @param maxWait the longest wait a caller is given; a slot further away is not reserved
   * @param nanoTime the monotonic clock, {@code System::nanoTime} outside tests
   */
  public Pacer(Duration interval, Duration maxWait, LongSupplier nanoTime) {
    if (interval.isNegative() || maxWait.isNegative()) {
      throw new IllegalArgumentException("interval and maxWait must not be negative");
    }
    this.intervalNanos = interval.toNanos();
    this.maxWaitNanos = maxWait.toNanos();
    this.nanoTime = nanoTime;
  }

  public Pacer(Duration interval, Duration maxWait) {
    this(interval, maxWait, System::nanoTime);
  }

  /** A pacer allowing {@code perSecond} calls a second on each key. */
  public static Pacer perSecond(double perSecond, Duration maxWait) {
    return new Pacer(Duration.ofNanos(Math.round(1e9 / perSecond)), maxWait);
  }

  /**
   * Reserves {@code key}'s next slot: how long to wait before the call (zero or more), or a
   * negative value (minus the wait) when the slot is further than the longest wait, with nothing
   * reserved.
   */
  public long reserve(String key) {
    return reserve(key, 1);
  }

  /** Reserves {@code slots} consecutive slots of {@code key} (a delivery that takes two calls). */
  public long reserve(String key, int slots) {
    long now = nanoTime.getAsLong();
    if (nextFree.size() > PRUNE_ABOVE) {
      nextFree.values().removeIf(slot -> slot - now < 0);
    }
    long[] wait = new long[1];
    nextFree.compute(
        key,
        (k, next) -> {
          long slot = next == null || next - now < 0 ? now : next;
          long delay = slot - now;
          if (delay > maxWaitNanos) {
            wait[0] = -Math.max(delay, 1);
            return next;
          }
          wait[0] = delay;
          return slot + intervalNanos * Math.max(slots, 1);
        });
    return wait[0];
  }

  /** The platform asked {@code key} to wait: no slot of it is given out before {@code after}. */
  public void pause(String key, Duration after) {
    long until = nanoTime.getAsLong() + after.toNanos();
    nextFree.merge(key, until, (held, asked) -> held - asked < 0 ? asked : held);
  }

  /** How long {@code key} is still held back, zero when it is free. */
  public Duration heldFor(String key) {
    Long next = nextFree.get(key);
    long left = next == null ? 0 : next - nanoTime.getAsLong();
    return Duration.ofNanos(Math.max(0, left));
  }

  /**
   * The turn of a delivery on {@code key}: go after a wait (its slot reserved), or come back later
   * with {@code reason}.
   */
  public Pace turn(String key, int slots, String reason) {
    long wait = reserve(key, slots);
    return wait >= 0
        ? new Pace.Go(Duration.ofNanos(wait))
        : new Pace.NotBefore(Duration.ofNanos(-wait), reason);
  }
}
