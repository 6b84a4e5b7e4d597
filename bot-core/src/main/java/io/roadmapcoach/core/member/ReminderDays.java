package io.roadmapcoach.core.member;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

/** Which days a member is nudged on; the same days count towards their streak. */
public enum ReminderDays {
  WEEKDAYS,
  DAILY;

  public boolean includes(LocalDate day) {
    return this == DAILY
        || (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ReminderDays ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
