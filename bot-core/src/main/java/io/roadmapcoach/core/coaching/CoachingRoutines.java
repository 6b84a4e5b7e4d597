package io.roadmapcoach.core.coaching;

import io.roadmapcoach.core.schedule.Routine;
import java.time.Duration;
import java.util.List;

/**
 * What coaching runs on its own: keeping the holidays that began on members' rows, Monday's buddy
 * pairing, and the evening warnings.
 */
public final class CoachingRoutines {
  private final HolidayRepository holidays;
  private final BuddyPairing pairing;
  private final EveningWarnings evening;

  public CoachingRoutines(
      HolidayRepository holidays, BuddyPairing pairing, EveningWarnings evening) {
    this.holidays = holidays;
    this.pairing = pairing;
    this.evening = evening;
  }

  public List<Routine> routines() {
    return List.of(holidayDays(), pairing.routine(), evening.routine());
  }

  /**
   * Holidays that began are kept on members' rows (the sweep skips them regardless); that enqueues
   * nothing.
   */
  private Routine holidayDays() {
    return new Routine(
        "holiday-days",
        Duration.ofMinutes(15),
        (from, to) -> {
          holidays.keepBegun(to);
          return 0;
        });
  }
}
