package io.roadmapcoach.core.journey;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A streak as stored: its length, the last member-local day it has been judged through (a day that
 * counted, or the day before a change of reminder days or snooze), and the week (its Monday) whose
 * one freeze is already spent.
 */
public record StreakState(
    int days, Optional<LocalDate> lastCounted, Optional<LocalDate> freezeWeek) {
  public static final StreakState NONE = new StreakState(0, Optional.empty(), Optional.empty());
}
