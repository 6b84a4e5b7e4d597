package io.roadmapcoach.core.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * How a date reads wherever a member sees one: "Fri 27 Nov", and "Mon 30 Nov 09:00" with a time.
 * One formatter, so that a snooze, a status and a leaderboard never write the same day two ways.
 */
public final class Dates {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private Dates() {}

  /** "Fri 27 Nov". */
  public static String day(LocalDate date) {
    return DAY.format(date);
  }

  /** "Mon 30 Nov 09:00": a local wall-clock time. */
  public static String dayAndTime(LocalDateTime time) {
    return DAY_AND_TIME.format(time);
  }

  /** "Friday". */
  public static String dayName(DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }
}
