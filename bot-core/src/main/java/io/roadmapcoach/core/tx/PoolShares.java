package io.roadmapcoach.core.tx;

import java.time.Duration;

/**
 * The connection pool divided by the work that uses it, so that no kind of work can take every
 * connection: members' commands, the delivery worker and the scheduled routines each have a bounded
 * share, and what is left stays free for Quartz's own bookkeeping and the rest (a request's replay
 * claim, the dashboard, a member's export). A command beyond its share waits its turn in a bounded
 * queue (within the platforms' three seconds); beyond the queue it is told at once that the bot is
 * busy. Only a database that cannot be reached is told as an outage.
 */
public record PoolShares(Share commands, Share delivery, Share routines) {
  /** Connections kept out of every share: Quartz's (2) and everything else's (2). */
  public static final int KEPT_APART = 4;

  /** How long a command waits for its turn: leaves time for its answer within Slack's 3 s. */
  public static final Duration COMMAND_WAIT = Duration.ofMillis(2_000);

  /** Commands waiting their turn at most, beyond those running. */
  public static final int COMMAND_QUEUE = 512;

  /**
   * The shares of a pool of {@code connections}: the worker 3 (claims and its batched marks), the
   * routines 2 (the sweep's batches), the commands the rest, past the four kept apart.
   */
  public static PoolShares of(int connections) {
    int delivery = 3;
    int routines = 2;
    int commands = connections - KEPT_APART - delivery - routines;
    if (commands < 2) {
      throw new IllegalArgumentException(
          "a pool of "
              + connections
              + " connections leaves too few for commands: "
              + (KEPT_APART + delivery + routines + 2)
              + " at least");
    }
    return new PoolShares(
        new Share("commands", commands, COMMAND_QUEUE, COMMAND_WAIT),
        // background work waits as long as it takes rather than fail: its queue is its own threads
        new Share("delivery", delivery, 100_000, Duration.ofSeconds(30)),
        new Share("routines", routines, 1_000, Duration.ofSeconds(30)));
  }
}
