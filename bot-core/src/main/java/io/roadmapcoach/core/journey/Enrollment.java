package io.roadmapcoach.core.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A member on the roadmap.
 *
 * @param channelId their home channel: where they enrolled, whose leaderboard they are on
 * @param stage the stage they are on (the last one once graduated)
 * @param streak the stored streak, as of its last counted day
 * @param lastActiveDate the member-local date of their last activity
 */
public record Enrollment(
    long memberId,
    long channelId,
    int stage,
    Optional<Instant> graduatedAt,
    int points,
    StreakState streak,
    Instant lastActivityAt,
    LocalDate lastActiveDate,
    Instant enrolledAt) {

  public boolean graduated() {
    return graduatedAt.isPresent();
  }
}
