package io.roadmapcoach.core.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A member on one of their journeys: the journey's own stage and points (one per roadmap), with
 * what stays the member's own whichever roadmap they work on (home channel, streak, last activity).
 *
 * @param channelId their home channel: where DMs act and whose roadmap is their home journey's
 * @param roadmapId the roadmap this journey is on
 * @param stage the stage they are on (the last one once graduated)
 * @param streak the stored streak, as of its last counted day
 * @param lastActiveDate the member-local date of their last activity (progress that stands), none
 *     before their first: enrolling is not progress
 */
public record Enrollment(
    long memberId,
    long channelId,
    long roadmapId,
    int stage,
    Optional<Instant> graduatedAt,
    int points,
    StreakState streak,
    Instant lastActivityAt,
    Optional<LocalDate> lastActiveDate,
    Instant enrolledAt) {

  public boolean graduated() {
    return graduatedAt.isPresent();
  }

  /** Whether progress of theirs stands on that member-local day (no nudge is due then). */
  public boolean activeOn(LocalDate day) {
    return lastActiveDate.filter(day::equals).isPresent();
  }

  /** Whether they have progress that stands on that day or later. */
  public boolean activeSince(LocalDate day) {
    return lastActiveDate.filter(last -> !last.isBefore(day)).isPresent();
  }
}
