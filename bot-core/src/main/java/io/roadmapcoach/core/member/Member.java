package io.roadmapcoach.core.member;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * A platform user in a workspace, with their reminder preferences.
 *
 * @param chosenZone what they set with {@code /roadmap tz}; wins over the platform's
 * @param platformZone what the platform reports for them
 * @param remindVia their own choice of DM or channel post, over the channel's default
 * @param snoozedUntil last local date of a snooze, inclusive
 * @param nudgesPaused five nudges in a row went unanswered: none come until activity or {@code
 *     remind on}
 * @param daysOff local days that neither count towards nor break the streak: skipped as away, or
 *     holidays of the home channel
 * @param coaching what the coaching policy reads beside the reminder settings
 */
public record Member(
    long id,
    long workspaceId,
    String externalId,
    String displayName,
    Optional<ZoneId> chosenZone,
    Optional<ZoneId> platformZone,
    boolean remindEnabled,
    LocalTime remindTime,
    ReminderDays remindDays,
    Optional<ReminderMode> remindVia,
    Optional<LocalDate> snoozedFrom,
    Optional<LocalDate> snoozedUntil,
    boolean hiddenFromLeaderboard,
    boolean nudgesPaused,
    Set<LocalDate> daysOff,
    CoachingState coaching) {

  public Member {
    daysOff = Set.copyOf(daysOff);
  }

  /** A member as the streak rules see them, with nothing of coaching's state (tests, mostly). */
  public Member(
      long id,
      long workspaceId,
      String externalId,
      String displayName,
      Optional<ZoneId> chosenZone,
      Optional<ZoneId> platformZone,
      boolean remindEnabled,
      LocalTime remindTime,
      ReminderDays remindDays,
      Optional<ReminderMode> remindVia,
      Optional<LocalDate> snoozedFrom,
      Optional<LocalDate> snoozedUntil,
      boolean hiddenFromLeaderboard,
      boolean nudgesPaused,
      Set<LocalDate> daysOff) {
    this(
        id,
        workspaceId,
        externalId,
        displayName,
        chosenZone,
        platformZone,
        remindEnabled,
        remindTime,
        remindDays,
        remindVia,
        snoozedFrom,
        snoozedUntil,
        hiddenFromLeaderboard,
        nudgesPaused,
        daysOff,
        CoachingState.NEW);
  }

  /** Where their nudges go: their own choice, else their home channel's default. */
  public ReminderMode reminderMode(Channel home) {
    return remindVia.orElse(home.reminderMode());
  }

  /** Their own time zone, else the given channel's (their home channel when enrolled). */
  public ZoneId zone(Channel home) {
    return chosenZone.or(() -> platformZone).orElseGet(home::zoneOrUtc);
  }

  /** Whether a snooze still covers {@code today} or a day after it. */
  public boolean hasSnoozeLeft(LocalDate today) {
    return snoozedUntil.filter(last -> !last.isBefore(today)).isPresent();
  }

  public boolean isSnoozedOn(LocalDate day) {
    return snoozedUntil.isPresent()
        && !day.isAfter(snoozedUntil.get())
        && snoozedFrom.map(from -> !day.isBefore(from)).orElse(true);
  }

  /** Away, or a holiday of the home channel, on that day (as far as it has been kept). */
  public boolean isOffOn(LocalDate day) {
    return daysOff.contains(day);
  }

  /** The same member with other days off (as the policy sees a day's skipped slots). */
  public Member withDaysOff(Set<LocalDate> days) {
    return with(days, coaching);
  }

  /** The same member with another coaching state (as a command's own away status leaves it). */
  public Member withCoaching(CoachingState state) {
    return with(daysOff, state);
  }

  private Member with(Set<LocalDate> days, CoachingState state) {
    return new Member(
        id,
        workspaceId,
        externalId,
        displayName,
        chosenZone,
        platformZone,
        remindEnabled,
        remindTime,
        remindDays,
        remindVia,
        snoozedFrom,
        snoozedUntil,
        hiddenFromLeaderboard,
        nudgesPaused,
        days,
        state);
  }
}
