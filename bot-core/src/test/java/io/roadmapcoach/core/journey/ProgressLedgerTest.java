package io.roadmapcoach.core.journey;

import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.WEEKLY_POINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.progress.NudgeSweep;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.schema.tables.records.ProgressEventRecord;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Points and streaks as the ledger records them: every change is an event, and the running totals
 * (enrollment points, weekly points) equal what the events add up to.
 */
@ExtendWith(PostgresExtension.class)
class ProgressLedgerTest {
  private static final LocalDate WEEK_OF_MARCH_2 = LocalDate.of(2026, 3, 2);

  private final CoachFixture f = CoachFixture.builtIn();
  private final Caller ana = f.caller("ana");

  private Map<Long, Integer> runningPoints(long channelId) {
    return f
        .dsl()
        .select(ENROLLMENT.MEMBER_ID, JOURNEY.POINTS)
        .from(ENROLLMENT)
        .join(JOURNEY)
        .on(EnrollmentRepository.homeJourney())
        .where(ENROLLMENT.CHANNEL_ID.eq(channelId))
        .fetch()
        .stream()
        .filter(r -> r.value2() != 0)
        .collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
  }

  private Map<Long, Integer> weeklyPoints(long channelId, LocalDate week) {
    return f
        .dsl()
        .selectFrom(WEEKLY_POINTS)
        .where(WEEKLY_POINTS.CHANNEL_ID.eq(channelId), WEEKLY_POINTS.WEEK_START.eq(week))
        .fetch()
        .stream()
        .filter(r -> r.getPoints() != 0)
        .collect(Collectors.toMap(r -> r.getMemberId(), r -> r.getPoints()));
  }

  private ProgressLedger ledger() {
    return f.services().ledger();
  }

  @Test
  void everySourceOfPointsIsAnEventWithItsAmount() {
    f.say(ana, "start");
    f.say(ana, "done 1");
    f.say(ana, "done 2");
    f.say(ana, "undo 2");
    f.say(ana, "done 2");
    f.say(ana, "done 3");
    f.passQuiz(ana);
    f.say(ana, "next");

    assertThat(f.events(ana))
        .extracting(ProgressEventRecord::getKind, ProgressEventRecord::getPoints)
        .containsExactly(
            tuple("enrolled", 0),
            tuple("objective_done", 10),
            tuple("objective_done", 10),
            tuple("objective_undone", -10),
            tuple("objective_done", 10),
            tuple("objective_done", 10),
            tuple("question_right", 5),
            tuple("question_right", 5),
            tuple("question_right", 5),
            tuple("question_right", 5),
            tuple("question_right", 5),
            tuple("quiz_passed", 20),
            tuple("stage_finished", 50));
    assertThat(f.enrollment(ana).getPoints()).isEqualTo(30 + 25 + 20 + 50);
  }

  @Test
  void aWrongAnswerIsActivityWorthNothing() {
    f.say(ana, "start");
    f.say(ana, "quiz");

    f.answer(ana, false);

    assertThat(f.events(ana))
        .extracting(ProgressEventRecord::getKind, ProgressEventRecord::getPoints)
        .endsWith(tuple("question_answered", 0));
  }

  @Test
  void aLeadsSetStageIsRecordedWithTheLeadAsActorAndNoPoints() {
    f.say(ana, "start");
    Caller lee = f.admin("lee");

    f.say(lee, "set-stage @ana 6");

    ProgressEventRecord event = f.events(ana).getLast();
    assertThat(event.getKind()).isEqualTo("stage_set");
    assertThat(event.getStage()).isEqualTo(6);
    assertThat(event.getPoints()).isZero();
    assertThat(event.getActorId()).isEqualTo(f.memberId(lee));
    assertThat(event.getStreakDays()).as("not activity").isNull();
  }

  @Test
  void pointsRecomputedFromEventsEqualTheRunningTotals() {
    Caller bob = f.caller("bob");
    f.say(ana, "start");
    f.say(bob, "start");
    f.finishStage(ana);
    f.say(ana, "done 1");
    f.after(Duration.ofDays(1));
    f.say(bob, "done 3");
    f.takeQuiz(bob, 2);
    f.say(bob, "undo 3");
    f.say(ana, "undo 1");
    long general = f.channelId("general");

    Map<Long, Integer> fromEvents = ledger().pointsFromEvents(general);

    assertThat(fromEvents).isEqualTo(runningPoints(general));
    assertThat(fromEvents).containsEntry(f.memberId(ana), 125).containsEntry(f.memberId(bob), 10);
  }

  @Test
  void weekPointsRecomputedFromEventsEqualTheWeeklyTotalsOfEachWeek() {
    Caller bob = f.caller("bob");
    f.say(ana, "start");
    f.say(bob, "start");
    f.say(ana, "done 1");
    f.say(bob, "done 1");
    f.after(Duration.ofDays(7)); // the next week
    f.say(ana, "done 2");
    f.say(ana, "undo 1");
    f.passQuiz(bob);
    Channel general = f.channel("general");

    for (LocalDate week : new LocalDate[] {WEEK_OF_MARCH_2, WEEK_OF_MARCH_2.plusWeeks(1)}) {
      assertThat(ledger().weekPointsFromEvents(general, week))
          .as("week of %s", week)
          .isEqualTo(weeklyPoints(general.id(), week));
    }
    assertThat(weeklyPoints(general.id(), WEEK_OF_MARCH_2))
        .containsEntry(f.memberId(ana), 10)
        .containsEntry(f.memberId(bob), 10);
    assertThat(weeklyPoints(general.id(), WEEK_OF_MARCH_2.plusWeeks(1)))
        .doesNotContainKey(f.memberId(ana))
        .containsEntry(f.memberId(bob), 45);
  }

  @Test
  void theLeaderboardWeekRunsMondayToSundayInTheChannelsTimeZone() {
    Caller lee = f.caller("lee", "America/Los_Angeles");
    f.say(lee, "start"); // the channel takes Los Angeles time
    // Sunday 8 March, 23:30 in Los Angeles: already Monday 9 March in UTC
    f.at("2026-03-08T23:30", "America/Los_Angeles").say(lee, "done 1");
    // Monday 9 March, 00:30 in Los Angeles
    f.after(Duration.ofHours(1)).say(lee, "done 2");
    Channel general = f.channel("general");

    assertThat(weeklyPoints(general.id(), WEEK_OF_MARCH_2)).containsEntry(f.memberId(lee), 10);
    assertThat(weeklyPoints(general.id(), WEEK_OF_MARCH_2.plusWeeks(1)))
        .containsEntry(f.memberId(lee), 10);
    assertThat(ledger().weekPointsFromEvents(general, WEEK_OF_MARCH_2))
        .containsEntry(f.memberId(lee), 10);
  }

  @Test
  void pointsEarnedFromAnotherChannelCountForTheHomeChannel() {
    f.say(ana, "start");
    CoachFixture random = f.in("random");

    random.say(random.caller("ana"), "done 1");

    assertThat(weeklyPoints(f.channelId("general"), WEEK_OF_MARCH_2))
        .containsEntry(f.memberId(ana), 10);
    assertThat(weeklyPoints(f.channelId("random"), WEEK_OF_MARCH_2)).isEmpty();
    assertThat(f.events(ana).getLast().getChannelId()).isEqualTo(f.channelId("general"));
  }

  @Test
  void theStreakCountsTheMembersOwnDaysAheadOfTheServer() {
    // Auckland is 13 hours ahead of UTC in March
    Caller kai = f.caller("kai", "Pacific/Auckland");
    f.at("2026-03-02T10:00:00Z").say(kai, "start"); // Monday 23:00 in Auckland
    f.say(kai, "done 2"); // progress on Monday (joining is none)
    f.at("2026-03-02T11:30:00Z").say(kai, "done 1"); // Tuesday 00:30 in Auckland, same UTC day

    assertThat(f.enrollment(kai).getStreakDays()).isEqualTo(2);
    assertThat(f.events(kai))
        .extracting(ProgressEventRecord::getLocalDate)
        .containsExactly(
            LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3));
  }

  @Test
  void theStreakCountsTheMembersOwnDaysBehindTheServer() {
    // Los Angeles is 8 hours behind UTC before 8 March
    Caller lou = f.caller("lou", "America/Los_Angeles");
    f.at("2026-03-02T20:00:00Z").say(lou, "start"); // Monday 12:00 in Los Angeles
    f.at("2026-03-03T03:00:00Z").say(lou, "done 1"); // still Monday, 19:00, though UTC says Tuesday

    assertThat(f.enrollment(lou).getStreakDays()).isEqualTo(1);
    assertThat(f.enrollment(lou).getLastActiveDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(f.say(lou, "status").plainText()).contains("Streak: 1 day · today done ✅");

    f.at("2026-03-03T20:00:00Z").say(lou, "done 2"); // Tuesday in Los Angeles
    assertThat(f.enrollment(lou).getStreakDays()).isEqualTo(2);
  }

  @Test
  void aWeekdaysMembersStreakSurvivesTheWeekendWithItsFreezeIntact() {
    f.at("2026-03-06T10:00:00Z").say(ana, "start"); // Friday
    f.say(ana, "done 2"); // progress on Friday (joining is none)

    f.at("2026-03-09T10:00:00Z").say(ana, "done 1"); // Monday

    assertThat(f.enrollment(ana).getStreakDays()).isEqualTo(2);
    assertThat(f.say(ana, "status").plainText())
        .contains("Streak: 2 days · today done ✅")
        .contains("Freeze: 1 left this week");
  }

  @Test
  void aSnoozedDayDoesNotBreakTheStreak() {
    f.say(ana, "start"); // Monday
    f.say(ana, "done 2");
    f.after(Duration.ofDays(1)).say(ana, "snooze 2d"); // Tuesday and Wednesday

    f.after(Duration.ofDays(2)).say(ana, "done 1"); // Thursday

    assertThat(f.enrollment(ana).getStreakDays()).isEqualTo(2);
    assertThat(f.enrollment(ana).getFreezeWeek()).isNull();
  }

  @Test
  void aSnoozeReplacedByAnotherStillCoversItsDays() {
    f.say(ana, "start"); // Monday
    f.say(ana, "done 2");
    f.after(Duration.ofDays(1)).say(ana, "snooze 2d"); // Tuesday and Wednesday
    f.after(Duration.ofDays(2)).say(ana, "snooze 1d"); // Thursday, in place of the first

    f.after(Duration.ofDays(1)).say(ana, "done 1"); // Friday

    assertThat(f.enrollment(ana).getStreakDays()).isEqualTo(2);
    assertThat(f.say(ana, "status").plainText()).contains("Freeze: 1 left this week");
  }

  @Test
  void switchingToDailyRemindersDoesNotCountThePastWeekendAsMissed() {
    f.at("2026-03-06T10:00:00Z").say(ana, "start"); // Friday, a weekdays member
    f.say(ana, "done 2");
    f.at("2026-03-09T08:00:00Z").say(ana, "remind days daily"); // Monday

    f.after(Duration.ofHours(1)).say(ana, "done 1");

    assertThat(f.enrollment(ana).getStreakDays()).isEqualTo(2);
    assertThat(f.say(ana, "status").plainText()).contains("Freeze: 1 left this week");
  }

  @Test
  void oneMissedDayIsFrozenAndASecondInTheWeekStartsOver() {
    f.say(ana, "start"); // Monday
    f.say(ana, "done 3");
    f.after(Duration.ofDays(2)).say(ana, "done 1"); // Wednesday: Tuesday frozen
    assertThat(f.enrollment(ana).getStreakDays()).isEqualTo(2);
    assertThat(f.enrollment(ana).getFreezeWeek()).isEqualTo(WEEK_OF_MARCH_2);

    f.after(Duration.ofDays(2)).say(ana, "done 2"); // Friday: Thursday missed too

    assertThat(f.enrollment(ana).getStreakDays()).isEqualTo(1);
    assertThat(f.say(ana, "status").plainText()).contains("Streak: 1 day");
  }

  @Test
  void undoIsNotActivityAndLeavesTheStreakAlone() {
    f.say(ana, "start");
    f.say(ana, "done 1");
    var before = f.enrollment(ana);

    f.after(Duration.ofDays(1)).say(ana, "undo 1");

    assertThat(f.enrollment(ana).getLastActiveDate()).isEqualTo(before.getLastActiveDate());
    assertThat(f.enrollment(ana).getStreakDays()).isEqualTo(before.getStreakDays());
  }

  // ---- streak credit stands on progress

  @Test
  void doneThenUndoWithNothingElseThatDayLeavesTheDayWithoutCreditAndTheNudgeComes() {
    f.say(ana, "start"); // Monday 10:00 UTC: joining is no progress (issue 23)
    f.at("2026-03-03T07:00:00Z").say(ana, "done 1"); // Tuesday
    assertThat(f.enrollment(ana).getStreakDays()).isEqualTo(1);

    f.after(Duration.ofMinutes(5)).say(ana, "undo 1");

    var enrollment = f.enrollment(ana);
    assertThat(enrollment.getStreakDays()).isZero();
    assertThat(enrollment.getLastActiveDate()).isNull();
    assertThat(enrollment.getLastActivityAt().toInstant())
        .isEqualTo(java.time.Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(enrollment.getPoints()).isZero();
    assertThat(f.say(ana, "status").plainText()).contains("Streak: 0 days · not yet today");
    // the ledger keeps both events; the take-back carries the streak it left
    assertThat(f.events(ana))
        .extracting(
            ProgressEventRecord::getKind,
            ProgressEventRecord::getPoints,
            ProgressEventRecord::getStreakDays)
        .containsExactly(
            tuple("enrolled", 0, null),
            tuple("objective_done", 10, 1),
            tuple("objective_undone", -10, 0));
    assertThat(ledger().pointsFromEvents(f.channelId("general"))).containsEntry(f.memberId(ana), 0);
    // not "already active today": the sweep nudges her at 09:00
    NudgeSweep sweep = new NudgeSweep(f.dsl(), f.services().transactions());
    assertThat(sweep.sweep(java.time.Instant.parse("2026-03-03T09:00:00Z"))).isEqualTo(1);
  }

  @Test
  void doingItAgainTheSameDayEarnsTheCreditBack() {
    f.say(ana, "start");
    f.say(ana, "done 2"); // Monday's progress
    f.at("2026-03-03T07:00:00Z").say(ana, "done 1");
    f.say(ana, "undo 1");

    f.say(ana, "done 1");

    assertThat(f.enrollment(ana).getStreakDays()).isEqualTo(2);
    assertThat(f.enrollment(ana).getLastActiveDate()).isEqualTo(LocalDate.of(2026, 3, 3));
    assertThat(f.say(ana, "status").plainText()).contains("Streak: 2 days · today done ✅");
  }

  @Test
  void otherProgressThatDayKeepsTheCredit() {
    f.say(ana, "start");
    f.say(ana, "done 3"); // Monday's progress
    f.at("2026-03-03T07:00:00Z").say(ana, "done 1");
    f.say(ana, "done 2");

    f.say(ana, "undo 1");

    assertThat(f.enrollment(ana).getStreakDays()).isEqualTo(2);
    assertThat(f.enrollment(ana).getLastActiveDate()).isEqualTo(LocalDate.of(2026, 3, 3));
    assertThat(f.events(ana).getLast().getStreakDays()).isNull();
  }

  @Test
  void joiningIsNoCreditWhenTheDaysObjectiveIsTakenBack() {
    f.say(ana, "start");
    f.say(ana, "done 1");

    f.say(ana, "undo 1");

    assertThat(f.enrollment(ana).getStreakDays()).isZero();
    assertThat(f.enrollment(ana).getLastActiveDate()).isNull();
    assertThat(f.say(ana, "status").plainText()).contains("Streak: 0 days · not yet today");
  }

  @Test
  void takingBackAnEarlierDaysObjectiveLeavesTodaysCreditAlone() {
    f.say(ana, "start");
    f.say(ana, "done 3"); // Monday's progress
    f.at("2026-03-03T07:00:00Z").say(ana, "done 1"); // Tuesday
    f.at("2026-03-04T07:00:00Z").say(ana, "done 2"); // Wednesday

    f.say(ana, "undo 1");

    assertThat(f.enrollment(ana).getStreakDays()).isEqualTo(3);
    assertThat(f.enrollment(ana).getLastActiveDate()).isEqualTo(LocalDate.of(2026, 3, 4));
  }

  @Test
  void aDayWhoseOnlyProgressWasTakenBackIsNotTheLastActiveDayLater() {
    f.say(ana, "start"); // Monday
    f.say(ana, "done 3"); // Monday's progress
    f.at("2026-03-03T07:00:00Z").say(ana, "done 1"); // Tuesday, taken back the same day
    f.say(ana, "undo 1");
    f.at("2026-03-04T07:00:00Z").say(ana, "done 2"); // Wednesday, taken back too

    f.say(ana, "undo 2");

    assertThat(f.enrollment(ana).getLastActiveDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(f.say(ana, "status").plainText()).contains("Streak: 1 day");
  }
}
