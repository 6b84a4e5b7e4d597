package io.roadmapcoach.core.delivery;

import java.util.Locale;

/** Where an outbox row stands: the values of its {@code status} column. */
public enum OutboxStatus {
  /** Waiting for its next attempt (or its first). */
  PENDING,
  /** Marked right before its platform call: left so by a dead instance, it is in doubt. */
  SENDING,
  /** The platform has it. */
  SENT,
  /** The recipient is gone or closed to the bot. */
  UNDELIVERABLE,
  /** Failed on every attempt. */
  FAILED,
  /** No longer worth sending, or unconfirmed and not sent again. */
  DROPPED;

  /** What the column holds, such as {@code pending}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Not finished: a row that may still be sent. */
  public boolean open() {
    return this == PENDING || this == SENDING;
  }
}
