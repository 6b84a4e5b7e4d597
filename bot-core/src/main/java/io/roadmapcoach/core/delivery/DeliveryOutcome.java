package io.roadmapcoach.core.delivery;

import java.util.Locale;

/** What became of one attempt at a delivery, as counted for metrics. */
public enum DeliveryOutcome {
  /** The platform accepted it. */
  SENT,
  /**
   * It was in doubt and the platform already had it (found by its nonce or its key): not resent.
   */
  ALREADY_SENT,
  /** A failure that may pass, or a wait for the platform to answer: tried again later. */
  RETRIED,
  /** The platform, or our pacing of it, said to wait: tried again later, not a failed attempt. */
  RATE_LIMITED,
  /** The recipient is gone or closed to the bot: ended, and the recipient marked. */
  UNDELIVERABLE,
  /** Failed on every attempt: given up. */
  FAILED,
  /** Found more than the late window after it was due: dropped rather than sent late. */
  DROPPED_STALE,
  /** No longer worth sending (the member was active already, left, or is not enrolled). */
  DROPPED,
  /** In doubt, and no way to check whether the platform has it: not resent, to never send twice. */
  UNCONFIRMED;

  /** The name metrics use, such as {@code dropped_stale}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
