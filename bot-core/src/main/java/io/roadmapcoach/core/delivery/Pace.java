package io.roadmapcoach.core.delivery;

import java.time.Duration;

/** When a delivery may go out under its platform's rate limits, as its messenger says. */
public sealed interface Pace {

  /** Its turn is reserved: it goes after this wait (zero: now). */
  record Go(Duration after) implements Pace {}

  /**
   * Its turn is further away than a sender should wait (a channel paused by a 429, a queue of posts
   * to one channel): nothing is reserved and the row is tried again then, not counted as a failed
   * attempt.
   */
  record NotBefore(Duration after, String reason) implements Pace {}

  Pace NOW = new Go(Duration.ZERO);
}
