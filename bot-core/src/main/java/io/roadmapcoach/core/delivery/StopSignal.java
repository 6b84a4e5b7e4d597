package io.roadmapcoach.core.delivery;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Whether the worker is stopping (it claims and starts nothing more) or halted (it writes nothing
 * more, as a crash would), and a wait that ends early when it stops.
 */
final class StopSignal {
  private final CountDownLatch signal = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile boolean halted;

  boolean stopping() {
    return stopping;
  }

  boolean halted() {
    return halted;
  }

  void stop() {
    stopping = true;
    signal.countDown();
  }

  void halt() {
    halted = true;
    stop();
  }

  /** Waits, unless the worker stops first; true when it stopped. */
  boolean await(Duration wait) {
    try {
      return signal.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
