package io.roadmapcoach.core.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * One platform's messenger and how much of it is in use: a permit per row held (composing, waiting
 * for its turn, or being sent), the places on the wire per workspace ({@link OnTheWire}), and a
 * pause when the platform asked the whole of it to wait.
 */
final class Lane {
  final Messenger messenger;
  final Semaphore free;
  final OnTheWire wire;
  private volatile Instant pausedUntil = Instant.MIN;

  Lane(Messenger messenger, int capacity) {
    this.messenger = messenger;
    this.free = new Semaphore(capacity);
    this.wire = new OnTheWire(messenger.onTheWirePerWorkspace());
  }

  boolean pausedAt(Instant now) {
    return pausedUntil.isAfter(now);
  }

  Optional<Instant> pausedUntil() {
    Instant until = pausedUntil;
    return until.equals(Instant.MIN) ? Optional.empty() : Optional.of(until);
  }

  /** Pauses the whole platform until {@code at}, unless it is paused longer already. */
  synchronized void pauseUntil(Instant at) {
    if (at.isAfter(pausedUntil)) {
      pausedUntil = at;
    }
  }
}
