package io.roadmapcoach.core.delivery;

import java.util.Locale;

/** What an outbox row delivers. */
public enum DeliveryKind {
  /** A member's daily nudge, by DM. */
  NUDGE,
  /** A member's weekly quiz invitation, by DM. */
  QUIZ,
  /** A channel's daily post, for channels (or members) in channel mode. */
  CHANNEL_DIGEST,
  /** A channel's weekly quiz call-out. */
  CHANNEL_QUIZ,
  /** A one-off message to a member. */
  NOTICE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DeliveryKind ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
