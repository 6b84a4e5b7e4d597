package io.roadmapcoach.core.quiz;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.observe.Observer;
import io.roadmapcoach.core.schedule.QuartzScheduling;
import io.roadmapcoach.core.schedule.Routines;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.db.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class WeeklyQuizTest {
  private CoachFixture coach;
  private WeeklyQuiz weeklyQuiz;
  private Caller ana;
  private Caller bo;
  private QuartzScheduling quartz;

  @BeforeEach
  void aChannelOfTwo() {
    coach = CoachFixture.builtIn();
    weeklyQuiz = new WeeklyQuiz(coach.dsl(), coach.services().transactions());
    ana = coach.caller("ana", "Europe/Berlin");
    bo = coach.caller("bo", "Europe/Berlin");
    coach.say(ana, "start"); // ana leads #general, which takes her zone
    coach.say(bo, "start");
  }

  @AfterEach
  void stopQuartz() {
    if (quartz != null) {
      quartz.close();
    }
  }

  private Channel general() {
    return coach.channel(CoachFixture.GENERAL);
  }

  private int quizRows(String kind) {
    return coach.dsl().fetchCount(OUTBOX, OUTBOX.KIND.eq(kind));
  }

  private static final String SLOT = "2026-03-06T14:00:00Z"; // Friday 15:00 in Berlin

  private long invitationsTo(
      java.util.List<io.roadmapcoach.core.delivery.Delivery> sent, String who) {
    return sent.stream()
        .filter(
            d ->
                d.target() instanceof io.roadmapcoach.core.delivery.Delivery.Direct to
                    && to.memberName().equals(who)
                    && d.reply().plainText().startsWith("📝 Your weekly quiz is ready"))
        .count();
  }

  private Caller awayUntil(Caller who, java.util.Optional<Instant> until) {
    return who.withStatus(
        new io.roadmapcoach.core.caller.PlatformStatus(":palm_tree:", "On vacation", until));
  }

  @Test
  void anAwayMemberIsInvitedWithTheirFirstReminderAfterComingBackNotAtTheSlot() {
    coach
        .at("2026-03-05T12:00:00Z")
        .say(awayUntil(bo, java.util.Optional.of(Instant.parse("2026-03-07T12:00:00Z"))), "status");

    var atTheSlot = coach.tick(SLOT);

    assertThat(invitationsTo(atTheSlot, "ana")).isEqualTo(1);
    assertThat(invitationsTo(atTheSlot, "bo")).isZero();
    assertThat(coach.at("2026-03-06T18:00:00Z").say(bo, "status").plainText())
        .contains(
            "Weekly quiz: Mon 9 Mar 09:00, by DM with your reminder (held back while you were away)");
    assertThat(invitationsTo(coach.tick("2026-03-09T08:00:00Z"), "bo")).isEqualTo(1);
    assertThat(invitationsTo(coach.tick("2026-03-10T08:00:00Z"), "bo")).as("once").isZero();
  }

  @Test
  void aMemberAwayWithNoEndIsToldSoAndInvitedOnceBack() {
    Caller away = awayUntil(bo, java.util.Optional.empty());
    assertThat(coach.at("2026-03-05T12:00:00Z").say(away, "status").plainText())
        .contains("Weekly quiz: none: your status says you are away");

    assertThat(invitationsTo(coach.tick(SLOT), "bo")).isZero();
    Caller back =
        bo.withStatus(
            new io.roadmapcoach.core.caller.PlatformStatus("", "", java.util.Optional.empty()));
    coach.at("2026-03-07T10:00:00Z").say(back, "status");

    assertThat(invitationsTo(coach.tick("2026-03-09T08:00:00Z"), "bo")).isEqualTo(1);
  }

  @Test
  void aHolidayAtTheSlotHoldsTheInvitationsUntilTheNextReminder() {
    coach.say(ana, "holiday 2026-03-06");

    var atTheSlot = coach.tick(SLOT);

    assertThat(invitationsTo(atTheSlot, "ana") + invitationsTo(atTheSlot, "bo")).isZero();
    var monday = coach.tick("2026-03-09T08:00:00Z");
    assertThat(invitationsTo(monday, "ana")).isEqualTo(1);
    assertThat(invitationsTo(monday, "bo")).isEqualTo(1);
  }

  @Test
  void aHeldInvitationNotCaughtUpBeforeTheNextSlotComesAtTheNextSlot() {
    coach
        .at("2026-03-05T12:00:00Z")
        .say(awayUntil(bo, java.util.Optional.of(Instant.parse("2026-03-13T13:00:00Z"))), "status");

    assertThat(invitationsTo(coach.tick(SLOT), "bo")).isZero();
    assertThat(invitationsTo(coach.tick("2026-03-13T08:00:00Z"), "bo")).as("still away").isZero();
    assertThat(invitationsTo(coach.tick("2026-03-13T14:00:00Z"), "bo")).isEqualTo(1);
  }

  @Test
  void theDefaultSlotIsFridayAtThreeInTheChannelsZone() {
    Instant slot = WeeklyQuiz.slotOfWeek(general(), coach.now());

    assertThat(slot.atZone(general().zoneOrUtc()))
        .isEqualTo(ZonedDateTime.parse("2026-03-06T15:00+01:00[Europe/Berlin]"));
  }

  @Test
  void aFiringOnTimeInvitesEveryMemberOnceEvenIfItFiresTwice() {
    Instant slot = WeeklyQuiz.slotOfWeek(general(), coach.now());

    // two invitations, and the weekly digest of ana, who leads
    assertThat(weeklyQuiz.fire(general().id(), slot, slot.plusSeconds(2))).isEqualTo(3);
    assertThat(weeklyQuiz.fire(general().id(), slot, slot.plusSeconds(30))).isZero();

    assertThat(quizRows("quiz")).isEqualTo(2);
  }

  @Test
  void aFiringFoundUpToSixHoursLateIsSentAndLaterWaitsForNextWeek() {
    Instant slot = WeeklyQuiz.slotOfWeek(general(), coach.now());

    assertThat(weeklyQuiz.fire(general().id(), slot, slot.plus(Duration.ofHours(6)).plusSeconds(1)))
        .isZero();
    assertThat(weeklyQuiz.fire(general().id(), slot, slot.plus(Duration.ofHours(5)))).isEqualTo(3);
  }

  @Test
  void aChannelInChannelModeGetsOneCallOutInsteadOfDms() {
    coach.say(ana, "reminders channel");
    coach.say(bo, "remind dm");
    Instant slot = WeeklyQuiz.slotOfWeek(general(), coach.now());

    weeklyQuiz.fire(general().id(), slot, slot);

    assertThat(quizRows("channel_quiz")).isEqualTo(1);
    assertThat(
            coach
                .dsl()
                .fetchCount(
                    OUTBOX, OUTBOX.KIND.eq("quiz").and(OUTBOX.MEMBER_ID.eq(coach.memberId(bo)))))
        .isEqualTo(1);
    assertThat(quizRows("quiz")).isEqualTo(1);
  }

  @Test
  void theConsoleClockFiresASlotOnlyWhenItPassesIt() {
    Instant slot = WeeklyQuiz.slotOfWeek(general(), coach.now());

    assertThat(weeklyQuiz.fireDueBetween(slot.minusSeconds(120), slot.minusSeconds(60))).isZero();
    assertThat(weeklyQuiz.fireDueBetween(slot.minusSeconds(60), slot)).isEqualTo(3);
    assertThat(weeklyQuiz.fireDueBetween(slot, slot.plusSeconds(60))).isZero();
  }

  @Test
  void aLeadsNewSlotTakesEffectWithNothingToReschedule() {
    coach.say(ana, "quiz-day mon 08:30");
    Instant slot = WeeklyQuiz.slotOfWeek(general(), coach.now().plus(Duration.ofDays(7)));
    Routines routines = coach.core().routines();

    routines.runAll(slot.minusSeconds(60));
    assertThat(quizRows("quiz")).isZero();
    routines.runAll(slot);

    assertThat(quizRows("quiz")).isEqualTo(2);
  }

  @Test
  void aSlotMissedWhileTheBotWasDownIsSentWhenItReturnsWithinSixHours() {
    Instant slot = WeeklyQuiz.slotOfWeek(general(), coach.now());
    Routines routines = coach.core().routines();
    routines.run("weekly-quiz", slot.minus(Duration.ofMinutes(10)));

    routines.run("weekly-quiz", slot.plus(Duration.ofHours(3)));

    assertThat(quizRows("quiz")).isEqualTo(2);
  }

  @Test
  void aSlotMissedByMoreThanSixHoursWaitsForNextWeek() {
    Instant slot = WeeklyQuiz.slotOfWeek(general(), coach.now());
    Routines routines = coach.core().routines();
    routines.run("weekly-quiz", slot.minus(Duration.ofMinutes(10)));

    routines.run("weekly-quiz", slot.plus(Duration.ofHours(7)));

    assertThat(quizRows("quiz")).isZero();
  }

  @Test
  void quartzGivesEveryRoutineItsOwnTriggerAcrossRestarts() {
    quartz =
        new QuartzScheduling(
            TestDatabase.dataSource(), coach.core().routines(), coach.clock(), Observer.NONE);
    quartz.start();
    quartz.close();

    quartz =
        new QuartzScheduling(
            TestDatabase.dataSource(), coach.core().routines(), coach.clock(), Observer.NONE);
    assertThat(quartz.triggeredRoutines())
        .containsExactlyInAnyOrder(
            "nudge-sweep",
            "weekly-quiz",
            "housekeeping",
            "holiday-days",
            "buddy-pairing",
            "evening-warning",
            "retention");
  }
}
