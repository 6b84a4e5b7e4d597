package io.roadmapcoach.app;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stopping in seconds, however the stop is asked for (SIGTERM, Ctrl-C, end of the console's input).
 * The parts of a run register here as they start; they stop once each, newest first: the front
 * doors (HTTP, platforms) before the work behind them (scheduling, delivery), and the database
 * last.
 *
 * <p>A signal runs {@link #hook()}: readiness turns false at once, the main thread is woken, work
 * in flight gets {@link #grace} to finish, and the parts stop. Whichever thread gets there first
 * stops them; the other waits. Should a part hang, the signal's thread goes on past it after {@link
 * #deadline}, so that the embedded PostgreSQL is never left running.
 */
final class Shutdown {

  /** How long work in flight (a console command) may run on after a stop is asked for. */
  static final Duration GRACE = Duration.ofSeconds(3);

  /** How long a signal waits for the parts to stop before it steps past one that hangs. */
  static final Duration DEADLINE = Duration.ofSeconds(7);

  // looked up when first needed: `--help` and `--version` start no logging at all
  private static Logger log() {
    return LoggerFactory.getLogger(Shutdown.class);
  }

  private final Duration grace;
  private final Duration deadline;
  private final AtomicBoolean requested = new AtomicBoolean();
  private final CountDownLatch requestedLatch = new CountDownLatch(1);
  private final Deque<Part> parts = new ConcurrentLinkedDeque<>();
  private final ReentrantLock stopping = new ReentrantLock();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Object idle = new Object();

  Shutdown(Duration grace, Duration deadline) {
    this.grace = grace;
    this.deadline = deadline;
  }

  Shutdown() {
    this(GRACE, DEADLINE);
  }

  private record Part(String name, AutoCloseable closeable, AtomicBoolean claimed) {}

  /** Stops {@code part} when the run ends, before everything registered earlier. */
  void register(String name, AutoCloseable part) {
    parts.push(new Part(name, part, new AtomicBoolean()));
  }

  /** Whether a stop was asked for: readiness is false from then on. */
  boolean requested() {
    return requested.get();
  }

  /** Asks for a stop: readiness turns false and {@link #awaitRequest} returns. */
  void request() {
    if (requested.compareAndSet(false, true)) {
      requestedLatch.countDown();
    }
  }

  void awaitRequest() throws InterruptedException {
    requestedLatch.await();
  }

  /** A piece of work starts that a stop should let finish (within the grace). */
  void workStarted() {
    inFlight.incrementAndGet();
  }

  void workEnded() {
    if (inFlight.decrementAndGet() <= 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  /**
   * Stops every registered part, newest first, once: waits for work in flight (up to the grace),
   * then closes each part. Called by the main thread at the end of a run and by the signal's hook;
   * a second caller waits for the first.
   */
  void stopAll() {
    stopping.lock();
    try {
      stopParts(true);
    } finally {
      stopping.unlock();
    }
  }

  /** The shutdown hook's work: see the class comment. */
  Thread hook() {
    return new Thread(this::onSignal, "shutdown");
  }

  void onSignal() {
    long started = System.nanoTime();
    request();
    log().info("Stopping: no new work is taken; work in flight has {} s", grace.toSeconds());
    boolean stopped;
    try {
      stopped = stopping.tryLock(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = false;
    }
    if (stopped) {
      try {
        stopParts(true);
      } finally {
        stopping.unlock();
      }
    } else {
      log().warn("A part did not stop within {} s; stopping the rest", deadline.toSeconds());
      stopParts(false);
    }
    log().info("Stopped in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  private void stopParts(boolean letWorkFinish) {
    if (letWorkFinish) {
      awaitWorkInFlight();
    }
    for (Part part : parts) {
      if (part.claimed().compareAndSet(false, true)) {
        close(part);
      }
    }
  }

  private void awaitWorkInFlight() {
    long until = System.nanoTime() + grace.toNanos();
    synchronized (idle) {
      while (inFlight.get() > 0) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          log().warn("{} piece(s) of work still running after the grace; stopping", inFlight.get());
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(idle, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static void close(Part part) {
    long started = System.nanoTime();
    try {
      part.closeable().close();
      log()
          .debug(
              "Stopped {} in {} ms",
              part.name(),
              Duration.ofNanos(System.nanoTime() - started).toMillis());
    } catch (Exception e) {
      log().warn("{} did not stop cleanly", part.name(), e);
    }
  }
}
