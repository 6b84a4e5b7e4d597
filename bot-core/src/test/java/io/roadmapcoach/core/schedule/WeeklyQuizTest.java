package io.roadmapcoach.core.schedule;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.command.Caller;
import io.roadmapcoach.core.member.Channel;
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

  @Test
  void theDefaultSlotIsFridayAtThreeInTheChannelsZone() {
    Instant slot = WeeklyQuiz.slotOfWeek(general(), coach.now());

    assertThat(slot.atZone(general().zoneOrUtc()))
        .isEqualTo(ZonedDateTime.parse("2026-03-06T15:00+01:00[Europe/Berlin]"));
  }

  @Test
  void aFiringOnTimeInvitesEveryMemberOnceEvenIfItFiresTwice() {
    Instant slot = WeeklyQuiz.slotOfWeek(general(), coach.now());

    assertThat(weeklyQuiz.fire(general().id(), slot, slot.plusSeconds(2))).isEqualTo(2);
    assertThat(weeklyQuiz.fire(general().id(), slot, slot.plusSeconds(30))).isZero();

    assertThat(quizRows("quiz")).isEqualTo(2);
  }

  @Test
  void aFiringFoundUpToSixHoursLateIsSentAndLaterWaitsForNextWeek() {
    Instant slot = WeeklyQuiz.slotOfWeek(general(), coach.now());

    assertThat(weeklyQuiz.fire(general().id(), slot, slot.plus(Duration.ofHours(6)).plusSeconds(1)))
        .isZero();
    assertThat(weeklyQuiz.fire(general().id(), slot, slot.plus(Duration.ofHours(5)))).isEqualTo(2);
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
    assertThat(weeklyQuiz.fireDueBetween(slot.minusSeconds(60), slot)).isEqualTo(2);
    assertThat(weeklyQuiz.fireDueBetween(slot, slot.plusSeconds(60))).isZero();
  }

  @Test
  void quartzKeepsOneTriggerPerChannelInItsZoneAndMovesItWhenALeadDoes() {
    quartz = quartz();
    quartz.start();
    assertThat(quartz.cronOf(general().id())).containsExactly("0 0 15 ? * FRI", "Europe/Berlin");

    coach.say(ana, "quiz-day mon 08:30");
    quartz.channelChanged(general().id());
    assertThat(quartz.cronOf(general().id())).containsExactly("0 30 8 ? * MON", "Europe/Berlin");

    coach.say(ana, "channel-tz America/New_York");
    quartz.channelChanged(general().id());
    assertThat(quartz.cronOf(general().id())).containsExactly("0 30 8 ? * MON", "America/New_York");
    assertThat(
            quartz
                .nextQuiz(general().id())
                .orElseThrow()
                .atZone(java.time.ZoneId.of("America/New_York"))
                .toLocalTime())
        .hasToString("08:30");
  }

  @Test
  void triggersSurviveARestart() {
    quartz = quartz();
    quartz.start();
    coach.say(ana, "quiz-day wed 10:00");
    quartz.channelChanged(general().id());
    quartz.close();

    quartz = quartz();
    assertThat(quartz.cronOf(general().id())).containsExactly("0 0 10 ? * WED", "Europe/Berlin");
  }

  private QuartzScheduling quartz() {
    NudgeSweep sweep = new NudgeSweep(coach.dsl(), coach.services().transactions());
    return new QuartzScheduling(
        TestDatabase.dataSource(), coach.dsl(), sweep, weeklyQuiz, () -> {}, coach.clock());
  }
}
