package io.roadmapcoach.slack;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * {@code chat.postMessage} allows about one message a second per channel. Each send reserves the
 * channel's next free second; a sender waits for its slot when it is close, and is told to come
 * back later when it is not (the delivery worker reschedules the row instead of holding a thread).
 */
final class ChannelPacer {
  private static final int PRUNE_ABOVE = 10_000;

  private final long intervalNanos;
  private final long maxWaitNanos;
  private final LongSupplier nanoTime;
  private final ConcurrentMap<String, Long> nextFree = new ConcurrentHashMap<>();

  ChannelPacer(Duration interval, Duration maxWait, LongSupplier nanoTime) {
    this.intervalNanos = interval.toNanos();
    this.maxWaitNanos = maxWait.toNanos();
    this.nanoTime = nanoTime;
  }

  ChannelPacer() {
    this(Duration.ofSeconds(1), Duration.ofSeconds(3), System::nanoTime);
  }

  /**
   * Reserves the next slot of {@code channel}: how long to wait before sending (zero or more), or a
   * negative value (minus the wait) when the slot is further than the longest wait, with nothing
   * reserved.
   */
  long reserve(String channel) {
    long now = nanoTime.getAsLong();
    if (nextFree.size() > PRUNE_ABOVE) {
      nextFree.values().removeIf(slot -> slot - now < 0);
    }
    long[] wait = new long[1];
    nextFree.compute(
        channel,
        (key, next) -> {
          long slot = next == null || next - now < 0 ? now : next;
          long delay = slot - now;
          if (delay > maxWaitNanos) {
            wait[0] = -delay;
            return next;
          }
          wait[0] = delay;
          return slot + intervalNanos;
        });
    return wait[0];
  }
}
