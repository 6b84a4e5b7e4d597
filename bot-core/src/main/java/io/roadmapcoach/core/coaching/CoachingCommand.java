package io.roadmapcoach.core.coaching;

import io.roadmapcoach.core.feature.Command;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/** Coaching that adapts to people: study buddies, the evening warning, a channel's holidays. */
public sealed interface CoachingCommand extends Command {

  /** The member's study buddy when empty; pair me up every Monday, or stop. */
  record Buddy(Optional<Boolean> on) implements CoachingCommand {}

  /**
   * The evening warning before a streak breaks: shown when both are empty; a time turns it on.
   *
   * @param at the member's local time
   */
  record RemindEvening(Optional<Boolean> on, Optional<LocalTime> at) implements CoachingCommand {}

  /** Days off for the channel, {@code from} to {@code to} inclusive (the same day for one). */
  record Holiday(LocalDate from, LocalDate to) implements CoachingCommand {}

  /** The channel's days off from today on. */
  record Holidays() implements CoachingCommand {}

  /** A day off taken back. */
  record HolidayClear(LocalDate day) implements CoachingCommand {}
}
