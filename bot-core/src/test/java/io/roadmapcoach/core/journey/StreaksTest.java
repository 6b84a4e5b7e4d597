package io.roadmapcoach.core.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.ReminderDays;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The streak rules over member-local days, without a database. */
class StreaksTest {
  // March 2026: Monday 2nd to Sunday 8th, Monday 9th to Sunday 15th
  private static final LocalDate MON = LocalDate.of(2026, 3, 2);
  private static final LocalDate TUE = MON.plusDays(1);
  private static final LocalDate WED = MON.plusDays(2);
  private static final LocalDate THU = MON.plusDays(3);
  private static final LocalDate FRI = MON.plusDays(4);
  private static final LocalDate SAT = MON.plusDays(5);
  private static final LocalDate SUN = MON.plusDays(6);
  private static final LocalDate NEXT_MON = MON.plusWeeks(1);

  private static Member member(ReminderDays days) {
    return member(days, null, null);
  }

  private static Member member(ReminderDays days, LocalDate snoozedFrom, LocalDate snoozedUntil) {
    return new Member(
        1,
        1,
        "ana",
        "ana",
        Optional.empty(),
        Optional.empty(),
        true,
        LocalTime.of(9, 0),
        days,
        Optional.empty(),
        Optional.ofNullable(snoozedFrom),
        Optional.ofNullable(snoozedUntil),
        false,
        false,
        Set.of());
  }

  private static final Member WEEKDAYS = member(ReminderDays.WEEKDAYS);
  private static final Member DAILY = member(ReminderDays.DAILY);

  /** The streak after activity on each of {@code days}, in order, from none. */
  private static StreakState active(Member member, LocalDate... days) {
    StreakState state = StreakState.NONE;
    for (LocalDate day : days) {
      state = Streaks.afterActivity(state, day, member);
    }
    return state;
  }

  @Test
  void consecutiveCountingDaysGrowTheStreak() {
    assertThat(active(WEEKDAYS, MON).days()).isEqualTo(1);
    assertThat(active(WEEKDAYS, MON, TUE, WED).days()).isEqualTo(3);
    assertThat(active(WEEKDAYS, MON, TUE, WED).freezeWeek()).isEmpty();
  }

  @Test
  void moreActivityOnTheSameDayCountsOnce() {
    assertThat(active(WEEKDAYS, MON, MON, MON).days()).isEqualTo(1);
  }

  @Test
  void aWeekendNeitherCountsNorBreaksAWeekdaysStreak() {
    StreakState state = active(WEEKDAYS, THU, FRI, NEXT_MON);

    assertThat(state.days()).isEqualTo(3);
    assertThat(state.freezeWeek()).as("no freeze spent on the weekend").isEmpty();
  }

  @Test
  void weekendActivityDoesNotCountForAWeekdaysMember() {
    assertThat(active(WEEKDAYS, FRI, SAT, SUN).days()).isEqualTo(1);
    assertThat(active(WEEKDAYS, SAT).days()).isZero();
  }

  @Test
  void weekendActivityCountsForADailyMember() {
    assertThat(active(DAILY, FRI, SAT, SUN, NEXT_MON).days()).isEqualTo(4);
  }

  @Test
  void oneMissedDayAWeekIsCoveredByTheFreeze() {
    StreakState state = active(WEEKDAYS, MON, WED);

    assertThat(state.days()).isEqualTo(2);
    assertThat(state.freezeWeek()).contains(MON);
  }

  @Test
  void aSecondMissedDayInTheSameWeekBreaksTheStreak() {
    StreakState state = active(WEEKDAYS, MON, WED, FRI);

    assertThat(state.days()).as("Thursday is the week's second miss").isEqualTo(1);
  }

  @Test
  void twoMissedDaysInARowBreakTheStreak() {
    assertThat(active(WEEKDAYS, MON, THU).days()).isEqualTo(1);
    assertThat(active(DAILY, FRI, NEXT_MON).days()).as("Saturday and Sunday").isEqualTo(1);
  }

  @Test
  void theFreezeComesBackEachCalendarWeek() {
    // Tuesday missed in the first week, Thursday in the next: one freeze each
    StreakState state =
        active(WEEKDAYS, MON, WED, THU, FRI, NEXT_MON, NEXT_MON.plusDays(1), NEXT_MON.plusDays(2));
    state = Streaks.afterActivity(state, NEXT_MON.plusDays(4), WEEKDAYS);

    assertThat(state.days()).isEqualTo(8);
    assertThat(state.freezeWeek()).contains(NEXT_MON);
  }

  @Test
  void aMissAcrossTheWeekBoundaryUsesEachWeeksOwnFreeze() {
    // daily member: Sunday missed (week 1), Monday missed (week 2): one freeze each
    StreakState state = active(DAILY, FRI, SAT, NEXT_MON.plusDays(1));

    assertThat(state.days()).isEqualTo(3);
    assertThat(state.freezeWeek()).contains(NEXT_MON);
  }

  @Test
  void snoozedDaysNeitherCountNorBreakTheStreak() {
    Member snoozing = member(ReminderDays.WEEKDAYS, TUE, THU);

    StreakState state = active(snoozing, MON, FRI);

    assertThat(state.days()).isEqualTo(2);
    assertThat(state.freezeWeek()).as("no freeze spent on snoozed days").isEmpty();
    assertThat(Streaks.counts(snoozing, WED)).isFalse();
    assertThat(active(snoozing, MON, WED).days()).as("activity while snoozed").isEqualTo(1);
  }

  @Test
  void daysJudgedBeforeASnoozeEndsKeepTheSnoozesVerdictAfterwards() {
    Member snoozing = member(ReminderDays.WEEKDAYS, TUE, WED);
    StreakState judged = Streaks.judgedBefore(active(snoozing, MON), THU, snoozing);
    // the snooze is replaced on Thursday by one for Thursday alone
    Member snoozingAgain = member(ReminderDays.WEEKDAYS, THU, THU);

    StreakState friday = Streaks.afterActivity(judged, FRI, snoozingAgain);

    assertThat(friday.days()).isEqualTo(2);
    assertThat(friday.freezeWeek()).as("no freeze spent on snoozed days").isEmpty();
  }

  @Test
  void judgingMissedDaysSpendsTheFreezeAndThenBreaksTheStreak() {
    StreakState monday = active(WEEKDAYS, MON);

    StreakState oneMissed = Streaks.judgedBefore(monday, WED, WEEKDAYS);
    StreakState twoMissed = Streaks.judgedBefore(monday, THU, WEEKDAYS);

    assertThat(oneMissed.days()).isEqualTo(1);
    assertThat(oneMissed.freezeWeek()).contains(MON);
    assertThat(twoMissed.days()).isZero();
    assertThat(Streaks.afterActivity(twoMissed, THU, WEEKDAYS).days()).isEqualTo(1);
    assertThat(Streaks.judgedBefore(monday, TUE, WEEKDAYS))
        .as("nothing to judge")
        .isEqualTo(monday);
  }

  @Test
  void aGapOfMoreThanAYearIsABreakWithoutWalkingIt() {
    assertThat(active(DAILY, MON, MON.plusDays(500)).days()).isEqualTo(1);
  }

  @Test
  void asOfTodayAStreakWithActivityTodayIsDone() {
    StreakView view = Streaks.asOf(active(WEEKDAYS, MON, TUE), TUE, true, WEEKDAYS);

    assertThat(view).isEqualTo(new StreakView(2, true, true, false));
  }

  @Test
  void asOfTheNextDayTheStreakStandsAndIsNotYetAtRiskWhileTheFreezeIsLeft() {
    StreakView view = Streaks.asOf(active(WEEKDAYS, MON, TUE), WED, false, WEEKDAYS);

    assertThat(view).isEqualTo(new StreakView(2, false, true, false));
  }

  @Test
  void asOfADayAfterAMissWithTheFreezeSpentTheStreakIsAtRisk() {
    StreakView view = Streaks.asOf(active(WEEKDAYS, MON, TUE), THU, false, WEEKDAYS);

    assertThat(view).isEqualTo(new StreakView(2, false, false, true));
  }

  @Test
  void asOfTwoMissesLaterTheStreakIsGone() {
    StreakView view = Streaks.asOf(active(WEEKDAYS, MON, TUE), FRI, false, WEEKDAYS);

    assertThat(view.days()).isZero();
    assertThat(view.atRisk()).isFalse();
  }

  @Test
  void asOfAWeekendDayNothingIsAtRiskForAWeekdaysMember() {
    StreakView view = Streaks.asOf(active(WEEKDAYS, THU, FRI), SUN, false, WEEKDAYS);

    assertThat(view).isEqualTo(new StreakView(2, false, true, false));
  }

  @Test
  void withoutAnyCountedDayThereIsNoStreak() {
    assertThat(Streaks.asOf(StreakState.NONE, MON, false, WEEKDAYS))
        .isEqualTo(new StreakView(0, false, true, false));
  }

  @Test
  void withoutTheDaysCreditTheStreakIsWhatItWasJudgedThroughTheDayBefore() {
    StreakState monToWed = active(WEEKDAYS, MON, TUE, WED);

    StreakState taken = Streaks.withoutCreditFor(monToWed, WED);

    assertThat(taken.days()).isEqualTo(2);
    assertThat(taken.lastCounted()).contains(TUE);
    assertThat(Streaks.asOf(taken, WED, false, WEEKDAYS).days()).isEqualTo(2);
    assertThat(Streaks.afterActivity(taken, WED, WEEKDAYS)).isEqualTo(monToWed);
  }

  @Test
  void withoutTheCreditOfADayAfterAFrozenGapTheFreezeStaysSpent() {
    StreakState afterGap = active(WEEKDAYS, MON, WED); // Tuesday missed, frozen

    StreakState taken = Streaks.withoutCreditFor(afterGap, WED);

    assertThat(taken).isEqualTo(Streaks.judgedBefore(active(WEEKDAYS, MON), WED, WEEKDAYS));
    assertThat(taken.freezeWeek()).contains(MON);
  }

  @Test
  void aDayThatEarnedNoCreditHasNoneToTakeBack() {
    StreakState friday = active(WEEKDAYS, MON, FRI);

    assertThat(Streaks.withoutCreditFor(friday, SAT)).isEqualTo(friday);
  }
}
