package io.roadmapcoach.core.progress;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.schema.tables.records.OutboxRecord;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class NudgeSweepTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private CoachFixture coach;
  private NudgeSweep sweep;

  @BeforeEach
  void setUp() {
    coach = CoachFixture.builtIn();
    sweep = new NudgeSweep(coach.dsl(), coach.services().transactions(), 50);
  }

  /** Enrolls on Monday 2 March 2026 (so Monday itself is already an active day). */
  private Caller enrolled(String name, String zone) {
    Caller caller = coach.caller(name, zone);
    coach.at("2026-03-02T12:00:00Z").say(caller, "start");
    return caller;
  }

  private int sweepAt(String localDateTime, ZoneId zone) {
    Instant at = LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    coach.clock().set(at);
    return sweep.sweep(at);
  }

  private List<OutboxRecord> nudges(Caller caller) {
    return coach
        .dsl()
        .selectFrom(OUTBOX)
        .where(OUTBOX.MEMBER_ID.eq(coach.memberId(caller)), OUTBOX.KIND.eq("nudge"))
        .orderBy(OUTBOX.ID)
        .fetch();
  }

  @Test
  void aReminderTimeMovedToOneAlreadyPastTodayWaitsForTomorrow() {
    Caller ana = enrolled("ana", "UTC");
    coach.say(ana, "remind at 11:00");
    coach.tick("2026-03-03T10:00:00Z"); // the scheduler runs every minute

    String answer = coach.at("2026-03-03T10:00:30Z").say(ana, "remind at 09:30").plainText();
    coach.tick("2026-03-03T10:01:00Z");

    assertThat(answer).contains("Next: Wed 4 Mar at 09:30.");
    assertThat(nudges(ana)).isEmpty();
    assertThat(coach.say(ana, "status").plainText()).contains("Next nudge: Wed 4 Mar 09:30");
    coach.tick("2026-03-04T09:30:00Z");
    assertThat(nudges(ana))
        .extracting(OutboxRecord::getLocalDate)
        .containsExactly(LocalDate.of(2026, 3, 4));
  }

  @Test
  void nudgeComesAtTheMembersOwnReminderTimeInTheirOwnZone() {
    Caller ana = enrolled("ana", "America/New_York");

    assertThat(sweepAt("2026-03-03T08:59", NEW_YORK)).isZero();
    assertThat(sweepAt("2026-03-03T09:00", NEW_YORK)).isEqualTo(1);

    assertThat(nudges(ana))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.getLocalDate()).isEqualTo(LocalDate.of(2026, 3, 3));
              assertThat(row.getStatus()).isEqualTo("pending");
            });
  }

  @Test
  void aMemberAheadOfTheServerIsNudgedOnTheirOwnLocalDay() {
    Caller kiri = enrolled("kiri", "Pacific/Auckland");
    // 09:00 Wednesday in Auckland is still Tuesday evening in UTC
    Instant wednesdayMorningThere =
        LocalDateTime.parse("2026-03-04T09:00").atZone(ZoneId.of("Pacific/Auckland")).toInstant();
    assertThat(wednesdayMorningThere.toString()).startsWith("2026-03-03T20:00");

    coach.clock().set(wednesdayMorningThere);
    sweep.sweep(wednesdayMorningThere);

    assertThat(nudges(kiri))
        .singleElement()
        .extracting(OutboxRecord::getLocalDate)
        .isEqualTo(LocalDate.of(2026, 3, 4));
  }

  @Test
  void weekdayMembersAreLeftAloneAtTheWeekendAndDailyMembersAreNot() {
    Caller ana = enrolled("ana", "UTC");
    Caller bo = enrolled("bo", "UTC");
    coach.say(bo, "remind days daily");

    sweepAt("2026-03-07T09:05", ZoneId.of("UTC")); // a Saturday

    assertThat(nudges(ana)).isEmpty();
    assertThat(nudges(bo)).hasSize(1);
  }

  @Test
  void noNudgeWhileSnoozedOrAfterRemindOffAndBackAfterTheSnooze() {
    Caller ana = enrolled("ana", "UTC");
    Caller bo = enrolled("bo", "UTC");
    coach.say(ana, "snooze 2d"); // Monday and Tuesday
    coach.say(bo, "remind off");

    sweepAt("2026-03-03T09:00", ZoneId.of("UTC"));
    assertThat(nudges(ana)).isEmpty();
    assertThat(nudges(bo)).isEmpty();

    sweepAt("2026-03-04T09:00", ZoneId.of("UTC"));
    assertThat(nudges(ana)).hasSize(1);
    assertThat(nudges(bo)).isEmpty();
  }

  @Test
  void noNudgeForAMemberAlreadyActiveThatLocalDay() {
    Caller ana = enrolled("ana", "UTC");
    coach.at("2026-03-03T07:30:00Z").say(ana, "done 1");

    sweepAt("2026-03-03T09:00", ZoneId.of("UTC"));

    assertThat(nudges(ana)).isEmpty();
  }

  @Test
  void readingAndSettingsAreNotActivityAndDoNotStopTheNudge() {
    Caller ana = enrolled("ana", "UTC");
    coach.at("2026-03-03T07:30:00Z").say(ana, "status");
    coach.say(ana, "remind at 09:00");

    sweepAt("2026-03-03T09:00", ZoneId.of("UTC"));

    assertThat(nudges(ana)).hasSize(1);
  }

  @Test
  void aNudgeFoundUpToTwoHoursLateIsStillSentButNotLater() {
    Caller ana = enrolled("ana", "UTC");
    Caller bo = enrolled("bo", "UTC");
    coach.say(ana, "remind at 07:00");
    coach.say(bo, "remind at 06:59");

    // the bot was down from before 06:59 until 09:00
    sweepAt("2026-03-03T08:59", ZoneId.of("UTC"));

    assertThat(nudges(ana)).as("found 1 h 59 min late").hasSize(1);
    assertThat(nudges(bo)).as("found 2 h late").isEmpty();
  }

  @Test
  void aLateEveningNudgeFoundAfterMidnightIsStillTheDayItWasDueOn() {
    Caller ana = enrolled("ana", "Pacific/Chatham");
    coach.say(ana, "remind at 23:56");
    ZoneId chatham = ZoneId.of("Pacific/Chatham");

    // enrolling counted as activity on Tuesday there; the bot was down from 23:50 on Wednesday
    // until 00:30 on Thursday
    assertThat(sweepAt("2026-03-05T00:30", chatham)).isEqualTo(1);
    assertThat(sweepAt("2026-03-05T00:31", chatham)).isZero();

    assertThat(nudges(ana))
        .singleElement()
        .extracting(OutboxRecord::getLocalDate)
        .isEqualTo(LocalDate.of(2026, 3, 4));
  }

  @Test
  void aLateEveningNudgeFoundMoreThanTwoHoursLateAfterMidnightIsNotEnqueued() {
    Caller ana = enrolled("ana", "UTC");
    coach.say(ana, "remind at 22:00");

    sweepAt("2026-03-04T00:00", ZoneId.of("UTC"));

    assertThat(nudges(ana)).isEmpty();
  }

  @Test
  void aLateEveningNudgeIsNotEnqueuedAfterMidnightWhenTheMemberWasActiveThatDay() {
    Caller ana = enrolled("ana", "UTC");
    coach.say(ana, "remind at 23:56");
    coach.at("2026-03-03T20:00:00Z").say(ana, "done 1");

    sweepAt("2026-03-04T00:30", ZoneId.of("UTC"));

    assertThat(nudges(ana)).isEmpty();
  }

  @Test
  void sweepingAgainTheSameDayEnqueuesNothingMore() {
    Caller ana = enrolled("ana", "UTC");

    assertThat(sweepAt("2026-03-03T09:00", ZoneId.of("UTC"))).isEqualTo(1);
    assertThat(sweepAt("2026-03-03T09:01", ZoneId.of("UTC"))).isZero();
    assertThat(sweepAt("2026-03-03T10:30", ZoneId.of("UTC"))).isZero();

    assertThat(nudges(ana)).hasSize(1);
  }

  @Test
  void membersInChannelModeGetTheChannelPostInsteadOfADm() {
    Caller ana = enrolled("ana", "UTC");
    coach.say(ana, "reminders channel");

    sweepAt("2026-03-03T09:00", ZoneId.of("UTC"));

    assertThat(nudges(ana)).isEmpty();
    assertThat(coach.dsl().fetchCount(OUTBOX, OUTBOX.KIND.eq("channel_digest"))).isEqualTo(1);
    sweepAt("2026-03-03T09:30", ZoneId.of("UTC"));
    assertThat(coach.dsl().fetchCount(OUTBOX, OUTBOX.KIND.eq("channel_digest"))).isEqualTo(1);
  }

  @Test
  void membersOfAChannelThatRefusesTheBotsPostsGetTheirNudgeByDmMeanwhile() {
    Caller ana = enrolled("ana", "UTC");
    coach.say(ana, "reminders channel");
    // the platform refused a post there (Slack not_in_channel, Discord 50001)
    coach.dsl().update(CHANNEL).set(CHANNEL.DELIVERABLE, false).execute();

    sweepAt("2026-03-03T09:00", ZoneId.of("UTC"));

    assertThat(nudges(ana)).hasSize(1);
    assertThat(coach.dsl().fetchCount(OUTBOX, OUTBOX.KIND.eq("channel_digest"))).isZero();
  }

  @Test
  void springForwardDayBringsExactlyOneNudgeAtNineLocal() {
    Caller ana = enrolled("ana", "America/New_York");
    coach.say(ana, "remind days daily");

    List<Instant> created =
        sweepEveryMinuteOf(LocalDate.of(2026, 3, 8), ana); // clocks go forward at 02:00

    assertThat(created).containsExactly(Instant.parse("2026-03-08T13:00:00Z")); // 09:00 EDT
  }

  @Test
  void fallBackDayBringsExactlyOneNudgeAtNineLocal() {
    Caller ana = enrolled("ana", "America/New_York");
    coach.say(ana, "remind days daily");

    List<Instant> created =
        sweepEveryMinuteOf(LocalDate.of(2026, 11, 1), ana); // clocks go back at 02:00

    assertThat(created).containsExactly(Instant.parse("2026-11-01T14:00:00Z")); // 09:00 EST
  }

  @Test
  void aReminderInsideTheRepeatedHourOfFallBackComesOnce() {
    Caller ana = enrolled("ana", "America/New_York");
    coach.say(ana, "remind days daily");
    coach.say(ana, "remind at 01:30");

    List<Instant> created = sweepEveryMinuteOf(LocalDate.of(2026, 11, 1), ana);

    assertThat(created)
        .containsExactly(Instant.parse("2026-11-01T05:30:00Z")); // the first 01:30, EDT
  }

  @Test
  void aReminderInsideTheSkippedHourOfSpringForwardComesRightAfterIt() {
    Caller ana = enrolled("ana", "America/New_York");
    coach.say(ana, "remind days daily");
    coach.say(ana, "remind at 02:30");

    List<Instant> created = sweepEveryMinuteOf(LocalDate.of(2026, 3, 8), ana);

    assertThat(created).containsExactly(Instant.parse("2026-03-08T07:00:00Z")); // 03:00 EDT
  }

  /**
   * Sweeps each minute of a New York day, as Quartz would; returns when each nudge was enqueued.
   */
  private List<Instant> sweepEveryMinuteOf(LocalDate day, Caller who) {
    Instant from = day.atStartOfDay(NEW_YORK).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(NEW_YORK).toInstant();
    for (Instant minute = from; minute.isBefore(to); minute = minute.plus(Duration.ofMinutes(1))) {
      coach.clock().set(minute);
      sweep.sweep(minute);
    }
    return nudges(who).stream().map(r -> r.getCreatedAt().toInstant()).toList();
  }
}
