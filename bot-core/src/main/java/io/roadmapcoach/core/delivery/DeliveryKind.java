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
  NOTICE,
  /** A one-off announcement in a channel: a member finished a stage or the roadmap. */
  CHANNEL_NOTICE,
  /** A lead's nudge to a member, by DM: at most one a member a day. */
  LEAD_NUDGE,
  /** A lead's weekly digest of a channel, by DM at the channel's weekly quiz slot. */
  LEAD_DIGEST,
  /** A member's study buddy of the week, introduced by DM: once a member a week. */
  BUDDY_INTRO,
  /** A buddy stepped out this week (left, snoozed, stopped pairing, or was erased). */
  BUDDY_NOTICE,
  /** The evening warning before a streak breaks, by DM: at most one a member a day. */
  EVENING_NUDGE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DeliveryKind ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
