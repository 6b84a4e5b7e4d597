package io.roadmapcoach.core.coaching;

import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The coach's way into coaching that adapts to people: study buddies, the evening warning and a
 * channel's holidays, and what other commands owe the buddies (a member who leaves or snoozes steps
 * out of their pairing).
 */
public final class Coaching {
  private final Buddies buddies;
  private final EveningWarnings evening;
  private final Holidays holidays;

  public Coaching(Buddies buddies, EveningWarnings evening, Holidays holidays) {
    this.buddies = buddies;
    this.evening = evening;
    this.holidays = holidays;
  }

  public Reply buddy(Scope scope, Optional<Boolean> on) {
    return buddies.buddy(scope, on);
  }

  public Reply remindEvening(Scope scope, Optional<Boolean> on, Optional<LocalTime> at) {
    return evening.remindEvening(scope, on, at);
  }

  public Reply holiday(Scope scope, LocalDate from, LocalDate to) {
    return holidays.set(scope, from, to);
  }

  public Reply holidays(Scope scope) {
    return holidays.list(scope);
  }

  public Reply clearHoliday(Scope scope, LocalDate day) {
    return holidays.clear(scope, day);
  }

  /** After {@code leave}, in its transaction. */
  public void afterLeave(Scope scope) {
    buddies.afterLeave(scope);
  }

  /** After a snooze, in its transaction. */
  public void afterSnooze(Scope scope) {
    buddies.afterSnooze(scope);
  }
}
