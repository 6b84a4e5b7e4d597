package io.roadmapcoach.core.delivery;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * One platform's deliveries on the wire: a place per delivery of a workspace, up to the messenger's
 * {@link Messenger#onTheWirePerWorkspace() bound}, held from before its turn to the mark of how it
 * went, and the count of those actually written (marked as being sent, not yet marked again): what
 * a crash would leave in doubt, now and at the worst instant so far.
 *
 * <p>A delivery that finds no place within {@link #MAX_WAIT} goes back to the outbox rather than
 * hold a row of the worker's lane (the other workspaces' deliveries go on meanwhile); it is given a
 * time to come back when the workspace's places should be free, spaced by how long a place was held
 * of late.
 */
final class OnTheWire {
  /** The longest a delivery waits for a place before it goes back to the outbox. */
  static final Duration MAX_WAIT = Duration.ofSeconds(3);

  private static final long FIRST_GUESS_OF_A_HOLD = Duration.ofMillis(500).toNanos();

  /** How much earlier than its estimated place a delivery sent back comes back. */
  private static final Duration EARLY = Duration.ofSeconds(1);

  private static final Duration SOONEST = Duration.ofMillis(200);

  private final int perWorkspace;
  private final Duration maxWait;
  private final LongSupplier nanoTime;
  private final ConcurrentMap<Long, Places> workspaces = new ConcurrentHashMap<>();
  private final AtomicInteger written = new AtomicInteger();
  private final AtomicInteger mostWritten = new AtomicInteger();

  /**
   * @param maxWait how long a delivery waits for a place before it goes back
   * @param nanoTime the monotonic clock that places' holds are timed by
   */
  OnTheWire(int perWorkspace, Duration maxWait, LongSupplier nanoTime) {
    if (perWorkspace < 1) {
      throw new IllegalArgumentException("at least one delivery on the wire per workspace");
    }
    this.perWorkspace = perWorkspace;
    this.maxWait = maxWait;
    this.nanoTime = nanoTime;
  }

  OnTheWire(int perWorkspace) {
    this(perWorkspace, MAX_WAIT, System::nanoTime);
  }

  /** Deliveries written and not yet marked again, now. */
  int now() {
    return written.get();
  }

  /** The most there were at one instant since the worker started. */
  int most() {
    return mostWritten.get();
  }

  /** One workspace's places, and how long one was held of late. */
  private final class Places {
    final Semaphore free = new Semaphore(perWorkspace, true);
    volatile long meanHoldNanos = FIRST_GUESS_OF_A_HOLD;
    long bookedUntil;
    boolean booked;

    /**
     * A time to come back: after the deliveries that the places will serve before this one could
     * (those waiting now, as far as they can be served before they too give up waiting, and those
     * sent back before it), a little early, so that it waits for a place rather than leave one
     * idle.
     */
    synchronized Duration comeBack() {
      long now = nanoTime.getAsLong();
      long spacing = Math.max(1, meanHoldNanos / perWorkspace);
      long servedFromTheQueue = Math.min(free.getQueueLength(), maxWait.toNanos() / spacing);
      long afterTheQueue = now + servedFromTheQueue * spacing;
      long from = booked && bookedUntil - afterTheQueue > 0 ? bookedUntil : afterTheQueue;
      bookedUntil = from + spacing;
      booked = true;
      return Duration.ofNanos(Math.max(SOONEST.toNanos(), bookedUntil - now - EARLY.toNanos()));
    }

    void held(long nanos) {
      // a moving average: a slow platform lengthens the spacing within a few deliveries
      meanHoldNanos = (meanHoldNanos * 7 + nanos) / 8;
    }
  }

  /** What taking a place came to. */
  sealed interface Taken {}

  /** The worker stops: nothing was taken. */
  record Stopped() implements Taken {}

  /** No place came free in time: the delivery comes back after {@code after}. */
  record Full(Duration after) implements Taken {}

  /**
   * A place of the workspace's, held until {@link #release}; {@link #written} counts the delivery
   * as on the wire.
   */
  final class Place implements Taken {
    private final Places places;
    private final long since = nanoTime.getAsLong();
    private boolean isWritten;
    private boolean released;

    private Place(Places places) {
      this.places = places;
    }

    /** Its request goes out: counted on the wire until the place is released. */
    synchronized void written() {
      if (!isWritten && !released) {
        isWritten = true;
        mostWritten.accumulateAndGet(written.incrementAndGet(), Math::max);
      }
    }

    /** The delivery's outcome is marked (or it never went): the place is free again. */
    synchronized void release() {
      if (released) {
        return;
      }
      released = true;
      if (isWritten) {
        written.decrementAndGet();
      }
      if (places != null) {
        if (isWritten) {
          places.held(nanoTime.getAsLong() - since);
        }
        places.free.release();
      }
    }
  }

  /**
   * A place for a delivery to {@code workspaceId}, waiting up to its longest wait (and no longer
   * once {@code stop} says the worker stops). Without a bound, a place is there at once.
   */
  Taken take(long workspaceId, StopSignal stop) {
    if (perWorkspace == Integer.MAX_VALUE) {
      return new Place(null);
    }
    Places places = workspaces.computeIfAbsent(workspaceId, id -> new Places());
    // the wait is real time, as the semaphore's is
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (!stop.stopping()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return new Full(places.comeBack());
      }
      try {
        if (places.free.tryAcquire(Math.min(left, 100_000_000L), TimeUnit.NANOSECONDS)) {
          return new Place(places);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Stopped();
      }
    }
    return new Stopped();
  }
}
