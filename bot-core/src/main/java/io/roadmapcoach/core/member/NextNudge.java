package io.roadmapcoach.core.member;

import io.roadmapcoach.core.action.Action;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a member's next daily nudge comes, by the rules the sweep applies: nudges on, one of their
 * reminder days, not snoozed, and not a day they have already been active on. Worked out in their
 * own wall-clock time, so the answer stays at their reminder time across a change of daylight
 * saving time.
 */
public final class NextNudge {
  /** Far enough to step over the longest snooze and a weekend after it. */
  private static final int LOOK_AHEAD_DAYS = Action.MAX_SNOOZE_DAYS + 7;

  private NextNudge() {}

  /**
   * The member-local date and time of their next nudge, or empty when none will come (nudges are
   * off).
   *
   * @param zone the member's time zone (their own, else their home channel's)
   * @param activeToday whether they have been active on their local today: no nudge comes then
   */
  public static Optional<LocalDateTime> of(
      Member member, ZoneId zone, Instant now, boolean activeToday) {
    if (!member.remindEnabled()) {
      return Optional.empty();
    }
    LocalDateTime localNow = LocalDateTime.ofInstant(now, zone);
    LocalDate today = localNow.toLocalDate();
    for (int ahead = 0; ahead <= LOOK_AHEAD_DAYS; ahead++) {
      LocalDate day = today.plusDays(ahead);
      if (!member.remindDays().includes(day) || member.isSnoozedOn(day)) {
        continue;
      }
      LocalDateTime slot = day.atTime(member.remindTime());
      boolean gone = ahead == 0 && (activeToday || localNow.isAfter(slot));
      if (!gone) {
        return Optional.of(slot);
      }
    }
    return Optional.empty();
  }
}
