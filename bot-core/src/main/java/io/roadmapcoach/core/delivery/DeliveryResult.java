package io.roadmapcoach.core.delivery;

import java.time.Duration;
import java.util.Optional;

/** How a send went, as the messenger reports it to the delivery worker. */
public sealed interface DeliveryResult {

  /**
   * The platform accepted it.
   *
   * @param dmChannel the DM conversation used, for the worker to keep so it is opened only once
   * @param foundAlreadySent an earlier attempt in doubt had reached the platform: nothing was sent
   *     now (Slack: the delivery key found in the conversation; Discord: the nonce matched)
   */
  record Sent(Optional<String> dmChannel, boolean foundAlreadySent) implements DeliveryResult {
    public Sent(Optional<String> dmChannel) {
      this(dmChannel, false);
    }

    public static Sent plain() {
      return new Sent(Optional.empty());
    }
  }

  /**
   * The platform may or may not have the message: the call timed out, or the connection broke after
   * the request went out. The row stays in doubt and is checked before it is sent again.
   */
  record Unknown(Duration after, String reason) implements DeliveryResult {}

  /**
   * An earlier attempt may have reached the platform and that cannot be checked (past Discord's
   * nonce window, too many messages to look through): it is not sent again, so that nothing is ever
   * sent twice, and the row ends as dropped.
   */
  record Unconfirmed(String reason) implements DeliveryResult {}

  /**
   * Try again after a wait.
   *
   * @param wholePlatform the platform as a whole must wait (not connected, a global 429): nothing
   *     more goes to it until then. Otherwise only this delivery waits (a timeout, a 5xx, a channel
   *     or route the platform paused, which the messenger holds back itself).
   * @param rateLimited the platform, or our pacing of it, asked for the wait: not a failed attempt
   */
  record RetryLater(Duration after, String reason, boolean wholePlatform, boolean rateLimited)
      implements DeliveryResult {

    public RetryLater(Duration after, String reason, boolean wholePlatform) {
      this(after, reason, wholePlatform, wholePlatform);
    }

    /** The platform said "slow down": it is paused for {@code after}. */
    public RetryLater(Duration after, String reason) {
      this(after, reason, true);
    }

    /** Only this delivery waits; others to the same platform go on. Counts as an attempt. */
    public static RetryLater thisOnly(Duration after, String reason) {
      return new RetryLater(after, reason, false, false);
    }

    /**
     * The platform paused the channel, route or workspace this delivery goes to (a 429 naming it):
     * only deliveries there wait, and the wait is not a failed attempt.
     */
    public static RetryLater paced(Duration after, String reason) {
      return new RetryLater(after, reason, false, true);
    }
  }

  /**
   * Nothing was written: {@link Messenger.Wire#writing()} said the worker no longer holds the
   * delivery (it is stopping, or another instance took the row over).
   */
  enum Withdrawn implements DeliveryResult {
    INSTANCE
  }

  /** A failure that may pass: retried with back-off, a limited number of times. */
  record Failed(String reason) implements DeliveryResult {}

  /**
   * The recipient cannot be reached and retrying will not help: the member left or closed their
   * DMs, the channel is gone or archived, the app was removed from the workspace.
   */
  record Unreachable(Who who, String reason, Optional<ChannelAccess> access)
      implements DeliveryResult {
    public Unreachable(Who who, String reason) {
      this(who, reason, Optional.empty());
    }

    /**
     * The same outcome when who and the platform's reason agree: the access is what the platform
     * said of the channel besides, for telling its leads, and does not make another outcome.
     */
    @Override
    public boolean equals(Object other) {
      return other instanceof Unreachable u && who == u.who && reason.equals(u.reason);
    }

    @Override
    public int hashCode() {
      return who.hashCode() * 31 + reason.hashCode();
    }

    /**
     * A channel the bot may not post in, as the platform said: its leads are told how to fix it.
     */
    public static Unreachable channel(ChannelAccess access, String reason) {
      return new Unreachable(Who.CHANNEL, reason, Optional.of(access));
    }
  }

  /** Which recipient is unreachable. */
  enum Who {
    MEMBER,
    CHANNEL,
    WORKSPACE
  }
}
