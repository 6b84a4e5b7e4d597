package io.roadmapcoach.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;

/** Conversions between the database's timestamp types and the core's instants and dates. */
public final class Times {
  private Times() {}

  public static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  /**
   * The first instant at which the wall clock in {@code zone} reads {@code time} or later on {@code
   * day}: the time itself on an ordinary day, its first occurrence when the clocks go back, and the
   * moment of the change when the clocks jump over it (02:30 on a spring-forward night is reached
   * at 03:00). The routines find a time due this way (the local clock has reached it), so a promise
   * made with this keeps to their minute.
   */
  public static Instant firstReached(LocalDate day, LocalTime time, ZoneId zone) {
    LocalDateTime local = day.atTime(time);
    ZoneOffsetTransition gap = zone.getRules().getTransition(local);
    if (gap != null && gap.isGap()) {
      return gap.getInstant();
    }
    return local.atZone(zone).toInstant();
  }

  /** The Monday that starts {@code day}'s week. */
  public static LocalDate weekStart(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
  }
}
