package io.roadmapcoach.core.policy;

/** Why something does not come (or not yet): each reply words it for its reader. */
public enum Why {
  /** Not on the roadmap: nothing comes before {@code start}. */
  NOT_ENROLLED,
  /** In no channel's group any more. */
  LEFT,
  /**
   * A direct message to them failed for good (blocked, left); they are tried again once they write.
   */
  UNREACHABLE,
  /** Reminders are off ({@code remind off}, or since graduating). */
  OFF,
  /** Five nudges in a row went unanswered: paused until progress or {@code remind on}. */
  PAUSED,
  /** The nudges pause before then (five will have gone unanswered). */
  PAUSES_FIRST,
  /** Their status says they are away, with no end given. */
  AWAY,
  /** The home channel's daily post, which carries their nudge, is turned off. */
  POST_OFF,
  /** Graduates are not named in the daily post. */
  GRADUATED_IN_POST,
  /** Nothing in the coming weeks: a long snooze, holidays, or no day that fits. */
  NONE_AHEAD,
  /** The evening warning is not asked for. */
  EVENING_OFF,
  /** Today is not a day that counts (not a reminder day, snoozed, a holiday, away). */
  NOT_TODAY,
  /** Progress today already keeps the streak. */
  ACTIVE_TODAY,
  /** No streak to lose. */
  NO_STREAK,
  /** A freeze covers today, so the streak is not at risk. */
  NOT_AT_RISK,
  /** Today's has gone, or its time has passed. */
  DONE_TODAY,
  /** Not asked for a study buddy. */
  NOT_SEEKING,
  /** Snoozed on the day of the pairing. */
  SNOOZED_THEN,
  /** The home channel's roadmap has no questions, so no quiz. */
  NO_QUIZ
}
