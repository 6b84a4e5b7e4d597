package io.roadmapcoach.core.leaderboard;

/** Which points a leaderboard ranks by. */
public enum Period {
  /** This week, Monday to Sunday in the channel's time zone. */
  WEEK,
  ALL_TIME
}
