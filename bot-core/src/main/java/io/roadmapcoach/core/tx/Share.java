package io.roadmapcoach.core.tx;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded share of the connection pool for one kind of work (members' commands, the delivery
 * worker, the routines), so that a flood of one kind never takes the connections another needs: at
 * most {@code connections} transactions of the kind at once, at most {@code queue} more waiting
 * their turn (each for {@code wait} at most), and beyond that an immediate {@link DatabaseBusy}
 * rather than a wait that ends as a pool timeout. The shares together stay within the pool, so a
 * transaction let in always finds a connection.
 */
public final class Share {
  private final String name;
  private final int connections;
  private final int queue;
  private final Duration wait;
  private final Semaphore running;
  private final Semaphore places;

  public Share(String name, int connections, int queue, Duration wait) {
    if (connections < 1 || queue < 0 || wait.isNegative()) {
      throw new IllegalArgumentException(
          "a share has a connection at least, and no negative queue");
    }
    this.name = name;
    this.connections = connections;
    this.queue = queue;
    this.wait = wait;
    this.running = new Semaphore(connections, true);
    this.places = new Semaphore(connections + queue);
  }

  public int connections() {
    return connections;
  }

  /** Transactions of this share waiting for their turn now. */
  public int waiting() {
    return Math.max(0, connections + queue - places.availablePermits() - running());
  }

  /** Transactions of this share running now. */
  public int running() {
    return connections - running.availablePermits();
  }

  /** Takes a turn: returns once this share has room, or throws {@link DatabaseBusy}. */
  Turn enter() {
    if (!places.tryAcquire()) {
      throw new DatabaseBusy(
          "The " + name + " share is full: " + connections + " running, " + queue + " waiting",
          null);
    }
    boolean turn = false;
    try {
      turn = running.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!turn) {
      places.release();
      throw new DatabaseBusy(
          "The " + name + " share stayed busy for " + wait.toMillis() + " ms", null);
    }
    return this::leave;
  }

  private void leave() {
    running.release();
    places.release();
  }

  /** A turn taken: given back once the transaction ends. */
  @FunctionalInterface
  interface Turn extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  public String toString() {
    return name + " (" + connections + " connections, " + queue + " waiting at most)";
  }
}
