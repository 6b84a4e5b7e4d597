package io.roadmapcoach.core.policy;

import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * What the policy knows of one member: their row, their journey and home channel, and the few facts
 * around them that decide what comes next. Read by {@link PolicyRepository}.
 *
 * @param home the channel their journey is kept in (where they enrolled, or chose with {@code
 *     home})
 * @param inHome whether they are still in its group (a member who left every channel is nudged no
 *     more)
 * @param homeHolidays the home channel's days off near now, in its calendar
 * @param eveningsSent the member-local dates whose evening warning has gone (or is going) out
 * @param pairedThisWeek whether the home channel's buddy pairing of this week (its calendar) ran
 */
public record Situation(
    Member member,
    Optional<Enrollment> enrollment,
    Channel home,
    boolean inHome,
    Set<LocalDate> homeHolidays,
    Set<LocalDate> eveningsSent,
    boolean pairedThisWeek) {

  public Situation {
    homeHolidays = Set.copyOf(homeHolidays);
    eveningsSent = Set.copyOf(eveningsSent);
  }

  /** The member's own time zone, else their home channel's. */
  public ZoneId zone() {
    return member.zone(home);
  }
}
