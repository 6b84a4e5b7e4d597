package io.roadmapcoach.core.schedule;

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

  /** The platform asked us to wait (HTTP 429 with Retry-After) or was briefly unavailable. */
  record RetryLater(Duration after, String reason) implements DeliveryResult {}

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
