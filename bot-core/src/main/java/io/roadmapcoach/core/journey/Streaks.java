package io.roadmapcoach.core.journey;

import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.time.Times;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The streak rules, over the member's own local days: a day counts when it is one of their reminder
 * days, not snoozed, and not a day off (away, or a holiday of their home channel); other days
 * neither count nor break a streak. One missed counting day per calendar week (Monday to Sunday) is
 * covered by a freeze; a second breaks the streak.
 */
public final class Streaks {
  /** Past this many days of absence the walk stops: the streak is long gone. */
  private static final int LONGEST_GAP = 400;

  private Streaks() {}

  /** Whether activity on {@code day} counts towards the member's streak. */
  public static boolean counts(Member member, LocalDate day) {
    return member.remindDays().includes(day) && !member.isSnoozedOn(day) && !member.isOffOn(day);
  }

  /** The streak after activity on {@code day}. */
  public static StreakState afterActivity(StreakState state, LocalDate day, Member member) {
    if (!counts(member, day)) {
      return state;
    }
    if (state.lastCounted().isEmpty()) {
      return new StreakState(1, Optional.of(day), state.freezeWeek());
    }
    LocalDate last = state.lastCounted().get();
    if (!day.isAfter(last)) {
      return state;
    }
    Gap gap = walk(state, last, day, member);
    int days = gap.broken ? 1 : state.days() + 1;
    return new StreakState(days, Optional.of(day), gap.freezeWeek);
  }

  /** The streak as the member sees it on {@code today}. */
  public static StreakView asOf(
      StreakState state, LocalDate today, boolean activeToday, Member member) {
    if (state.lastCounted().isEmpty()) {
      return new StreakView(0, activeToday, freezeLeft(state.freezeWeek(), today), false);
    }
    LocalDate last = state.lastCounted().get();
    boolean countedToday = last.equals(today);
    Gap gap =
        today.isAfter(last) ? walk(state, last, today, member) : new Gap(false, state.freezeWeek());
    int days = gap.broken ? 0 : state.days();
    boolean freezeLeft = freezeLeft(gap.freezeWeek, today);
    boolean atRisk = days > 0 && counts(member, today) && !countedToday && !freezeLeft;
    return new StreakView(days, activeToday || countedToday, freezeLeft, atRisk);
  }

  /**
   * The streak judged through yesterday under the member's present reminder days and snooze, for
   * storing before either changes: the days already past keep the verdict of the settings that held
   * on them (a snooze replaced by a new one still covers its days). Nothing changes when the streak
   * has already been judged through yesterday.
   */
  public static StreakState judgedBefore(StreakState state, LocalDate today, Member member) {
    if (state.lastCounted().isEmpty()) {
      return state;
    }
    LocalDate last = state.lastCounted().get();
    LocalDate yesterday = today.minusDays(1);
    if (!yesterday.isAfter(last)) {
      return state;
    }
    Gap gap = walk(state, last, today, member);
    return new StreakState(gap.broken ? 0 : state.days(), Optional.of(yesterday), gap.freezeWeek);
  }

  /**
   * The streak without the credit of {@code day}: what it was judged through the day before. Used
   * when the progress that earned the day's credit is taken back and nothing else that day stands.
   * Exact, because activity on a day first judges the days before it (spending a freeze where one
   * was missed) and then adds one: taking the one away leaves that judgement, as {@link
   * #judgedBefore} would have stored it.
   */
  public static StreakState withoutCreditFor(StreakState state, LocalDate day) {
    if (!state.lastCounted().equals(Optional.of(day))) {
      return state; // the day earned nothing (not a counting day), so there is nothing to take
    }
    return new StreakState(
        Math.max(0, state.days() - 1), Optional.of(day.minusDays(1)), state.freezeWeek());
  }

  private static boolean freezeLeft(Optional<LocalDate> spentWeek, LocalDate today) {
    return spentWeek.map(week -> !week.equals(Times.weekStart(today))).orElse(true);
  }

  private record Gap(boolean broken, Optional<LocalDate> freezeWeek) {}

  /** Walks the days strictly between {@code last} and {@code until}, spending freezes. */
  private static Gap walk(StreakState state, LocalDate last, LocalDate until, Member member) {
    Optional<LocalDate> freezeWeek = state.freezeWeek();
    if (last.plusDays(LONGEST_GAP).isBefore(until)) {
      return new Gap(true, freezeWeek);
    }
    for (LocalDate day = last.plusDays(1); day.isBefore(until); day = day.plusDays(1)) {
      if (!counts(member, day)) {
        continue;
      }
      LocalDate week = Times.weekStart(day);
      if (freezeWeek.isPresent() && freezeWeek.get().equals(week)) {
        return new Gap(true, freezeWeek);
      }
      freezeWeek = Optional.of(week);
    }
    return new Gap(false, freezeWeek);
  }
}
