package io.roadmapcoach.core.delivery;

import java.time.Duration;
import java.util.Optional;

/** How a send went, as the messenger reports it to the delivery worker. */
public sealed interface DeliveryResult {

  /**
   * The platform accepted it.
   *
   * @param dmChannel the DM conversation used, for the worker to keep so it is opened only once
   */
  record Sent(Optional<String> dmChannel) implements DeliveryResult {
    public static Sent plain() {
      return new Sent(Optional.empty());
    }
  }

  /**
   * Try again after a wait.
   *
   * @param wholePlatform the platform asked us to slow down (HTTP 429 with Retry-After): nothing
   *     more goes to it until then. Otherwise only this delivery waits (a timeout, a 5xx, pacing
   *     one channel).
   */
  record RetryLater(Duration after, String reason, boolean wholePlatform)
      implements DeliveryResult {

    /** The platform said "slow down": it is paused for {@code after}. */
    public RetryLater(Duration after, String reason) {
      this(after, reason, true);
    }

    /** Only this delivery waits; others to the same platform go on. */
    public static RetryLater thisOnly(Duration after, String reason) {
      return new RetryLater(after, reason, false);
    }
  }

  /** A failure that may pass: retried with back-off, a limited number of times. */
  record Failed(String reason) implements DeliveryResult {}

  /**
   * The recipient cannot be reached and retrying will not help: the member left or closed their
   * DMs, the channel is gone or archived, the app was removed from the workspace.
   */
  record Unreachable(Who who, String reason) implements DeliveryResult {}

  /** Which recipient is unreachable. */
  enum Who {
    MEMBER,
    CHANNEL,
    WORKSPACE
  }
}
