package io.roadmapcoach.core.settings;

import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.action.ActionCodec;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.PlatformStatus;
import io.roadmapcoach.core.progress.NudgeSweep;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.schema.tables.records.MemberRecord;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A member's own settings: stored, confirmed, and never counted as activity. */
@ExtendWith(PostgresExtension.class)
class SettingsServiceTest {
  private final CoachFixture f = CoachFixture.builtIn();
  private final Caller ana = f.caller("ana");

  private MemberRecord row(Caller caller) {
    return f.dsl().fetchSingle(MEMBER, MEMBER.EXTERNAL_ID.eq(caller.userId()));
  }

  @Test
  void tzSetsTheMembersOwnZoneAndSaysTheTimeThere() {
    f.say(ana, "start");

    String reply = f.say(ana, "tz asia/tokyo").plainText();

    // 10:00 UTC on 2 March is 19:00 in Tokyo
    assertThat(reply)
        .startsWith("🕘 Your time zone is now Asia/Tokyo (it is 19:00 there).")
        .contains("Your nudge comes at 09:00 your time.");
    assertThat(row(ana).getTimeZone()).isEqualTo("Asia/Tokyo");
  }

  @Test
  void aChosenZoneWinsOverThePlatformsAndTheChannels() {
    Caller kai = f.caller("kai", "Pacific/Auckland");
    f.say(kai, "start");
    f.say(kai, "tz Europe/Berlin");

    assertThat(f.say(kai, "status").plainText()).contains("at 09:00 Europe/Berlin, by DM");
  }

  @Test
  void withoutAZoneOfTheirOwnAMemberFollowsTheHomeChannel() {
    f.say(f.caller("kai", "Pacific/Auckland"), "start"); // the channel takes kai's zone
    f.say(ana, "start");

    assertThat(f.say(ana, "remind at 07:30").plainText())
        .startsWith("⏰ Your daily nudge now comes at 07:30 Pacific/Auckland, Monday to Friday.")
        .contains("Not your zone? Set it with /roadmap tz Europe/Berlin.");
  }

  @Test
  void aMemberWithNoZoneAnywhereIsOnUtcAndToldSoByName() {
    f.say(ana, "start");

    assertThat(f.say(ana, "remind at 08:00").plainText())
        .startsWith("⏰ Your daily nudge now comes at 08:00 UTC, Monday to Friday.");
  }

  @Test
  void remindAtStoresTheTimeAndTurnsNudgesBackOn() {
    f.say(ana, "start");
    f.say(ana, "remind off");

    f.say(ana, "remind at 18:45");

    assertThat(row(ana).getRemindTime()).isEqualTo(LocalTime.of(18, 45));
    assertThat(row(ana).getRemindEnabled()).isTrue();
  }

  @Test
  void remindOffAndOnSwitchNudges() {
    f.say(ana, "start");

    assertThat(f.say(ana, "remind off").plainText())
        .startsWith("🔕 Daily nudges are off. /roadmap remind on turns them back on.");
    assertThat(row(ana).getRemindEnabled()).isFalse();
    assertThat(f.say(ana, "status").plainText()).contains("Reminders: off");

    assertThat(f.say(ana, "remind on").plainText())
        .startsWith("🔔 Daily nudges are on: 09:00 UTC, Monday to Friday.");
    assertThat(row(ana).getRemindEnabled()).isTrue();
  }

  @Test
  void remindOnForAMemberNudgedInThePostNamesThePostAndItsTime() {
    f.say(ana, "start");
    f.say(ana, "remind channel");
    f.say(ana, "remind off");

    assertThat(f.say(ana, "remind on").plainText())
        .startsWith("🔔 Daily nudges are on: in #general's daily post at 09:00 UTC, weekdays.")
        .contains("The next post naming you: Tue 3 Mar at 09:00 your time.")
        .doesNotContain("Monday to Friday");
  }

  @Test
  void remindAtForAMemberNudgedInThePostSaysTheNudgeStaysInThePost() {
    f.say(ana, "start");
    f.say(ana, "remind channel");

    assertThat(f.say(ana, "remind at 07:15").plainText())
        .startsWith("⏰ Your own nudge time is now 07:15 UTC, Monday to Friday, for nudges by DM.")
        .contains("Your nudge comes in #general's daily post: 09:00 UTC, weekdays.")
        .contains("/roadmap remind dm makes it a DM at your time.")
        .doesNotContain("Your daily nudge now comes at");
  }

  @Test
  void remindOnWhileAwaySaysNoNudgeComesAndWhy() {
    f.say(ana, "start");
    Caller away =
        ana.withStatus(new PlatformStatus(":palm_tree:", "On vacation", Optional.empty()));

    assertThat(f.say(away, "remind on").plainText())
        .contains("No nudge comes for now, though: your status says you are away.");
  }

  @Test
  void remindDaysChoosesTheDaysThatAreNudgedAndCount() {
    f.say(ana, "start");

    assertThat(f.say(ana, "remind days daily").plainText())
        .isEqualTo(
            "📅 You will be nudged every day. Those are also the days your streak counts.\n");
    assertThat(row(ana).getRemindDays()).isEqualTo("daily");
    f.say(ana, "remind days weekdays");
    assertThat(row(ana).getRemindDays()).isEqualTo("weekdays");
  }

  @Test
  void remindViaIsTheMembersOwnChoiceOverTheChannelDefault() {
    f.say(ana, "start");

    assertThat(f.say(ana, "remind channel").plainText())
        .startsWith("📣 Your nudges come in #general's daily post");
    assertThat(row(ana).getRemindVia()).isEqualTo("channel");
    assertThat(f.say(ana, "status").plainText())
        .contains("in #general's daily post at 09:00 UTC, weekdays");
    f.say(ana, "remind dm");
    assertThat(row(ana).getRemindVia()).isEqualTo("dm");
  }

  @Test
  void snoozeCoversTodayAndTheNextDaysInTheMembersCalendar() {
    Caller kai = f.caller("kai", "Pacific/Auckland");
    f.say(kai, "start");

    // 11:30 UTC on Monday 2 March is already 00:30 on Tuesday 3 March in Auckland
    String reply = f.at("2026-03-02T11:30:00Z").say(kai, "snooze 3d").plainText();

    assertThat(reply)
        .startsWith("😴 Nudges paused through Thu 5 Mar. They resume Fri 6 Mar at 09:00.")
        .contains("Snoozed days do not break your streak.");
    assertThat(row(kai).getSnoozedFrom()).isEqualTo(LocalDate.of(2026, 3, 3));
    assertThat(row(kai).getSnoozedUntil()).isEqualTo(LocalDate.of(2026, 3, 5));
    assertThat(f.say(kai, "status").plainText()).contains("(snoozed through Thu 5 Mar)");
  }

  @Test
  void theResumeDayIsTheNextDayANudgeComesOn() {
    f.say(ana, "start");

    // Thursday 5 March: two days of snooze end on Friday, and weekday reminders skip the weekend
    String reply = f.at("2026-03-05T10:00:00Z").say(ana, "snooze 2d").plainText();

    assertThat(reply)
        .startsWith("😴 Nudges paused through Fri 6 Mar. They resume Mon 9 Mar at 09:00.");
    assertThat(f.say(ana, "status").plainText())
        .contains("(snoozed through Fri 6 Mar)", "Next nudge: Mon 9 Mar 09:00");

    f.say(ana, "remind days daily");
    assertThat(f.say(ana, "snooze 2d").plainText()).contains("They resume Sat 7 Mar at 09:00.");
  }

  @Test
  void snoozeOffBeforeTheReminderTimeBringsTodaysNudgeBack() {
    f.say(ana, "start");
    f.at("2026-03-03T07:00:00Z").say(ana, "snooze 3d"); // Tuesday to Thursday

    String reply = f.at("2026-03-03T08:00:00Z").say(ana, "snooze off").plainText();

    assertThat(reply).isEqualTo("⏰ Snooze ended. Nudges resume today at 09:00.\n");
    assertThat(row(ana).getSnoozedUntil()).isNull();
    assertThat(f.say(ana, "status").plainText())
        .contains("Reminders: weekdays at 09:00 UTC, by DM\n", "Next nudge: Tue 3 Mar 09:00");
    NudgeSweep sweep = new NudgeSweep(f.dsl(), f.services().transactions());
    f.at("2026-03-03T09:00:00Z");
    assertThat(sweep.sweep(f.now())).as("today's nudge is enqueued").isEqualTo(1);
  }

  @Test
  void snoozeOffAfterTheReminderTimeOrAfterActivityResumesOnTheNextReminderDay() {
    f.say(ana, "start"); // Monday, active today
    f.say(ana, "snooze 5d");

    assertThat(f.say(ana, "snooze off").plainText())
        .isEqualTo("⏰ Snooze ended. Nudges resume Tue 3 Mar at 09:00.\n");

    f.at("2026-03-06T12:00:00Z").say(ana, "snooze 1d"); // Friday, past 09:00
    assertThat(f.say(ana, "snooze off").plainText())
        .isEqualTo("⏰ Snooze ended. Nudges resume Mon 9 Mar at 09:00.\n");
  }

  @Test
  void snoozeOffWithoutASnoozeChangesNothingAndSaysWhenTheNextNudgeComes() {
    f.say(ana, "start");
    f.at("2026-03-02T10:00:00Z").say(ana, "snooze 1d");
    f.at("2026-03-04T08:00:00Z"); // the snooze ended on Monday
    TableSnapshot before = f.snapshot();

    assertThat(f.say(ana, "snooze off").plainText())
        .isEqualTo(
            "You are not snoozed, so there is nothing to end. Your next nudge: today at 09:00.\n");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void remindOnKeepsASnoozeAndSaysHowToEndIt() {
    f.say(ana, "start");
    f.say(ana, "snooze 3d");
    f.say(ana, "remind off");

    assertThat(f.say(ana, "remind on").plainText())
        .contains("You are snoozed through Wed 4 Mar; /roadmap snooze off ends it.");
  }

  @Test
  void theSnoozeButtonSnoozesLikeTheCommand() {
    f.say(ana, "start");

    f.press(ana, ActionCodec.encode(new Action.Snooze(2)));

    assertThat(row(ana).getSnoozedUntil()).isEqualTo(LocalDate.of(2026, 3, 3));
  }

  @Test
  void leaderboardHideAndShowAreStored() {
    f.say(ana, "start");

    assertThat(f.say(ana, "leaderboard hide").plainText())
        .startsWith("🙈 You are off the leaderboards.");
    assertThat(row(ana).getHiddenFromLeaderboard()).isTrue();
    assertThat(f.say(ana, "leaderboard show").plainText())
        .startsWith("🏆 You are back on the leaderboards.");
    assertThat(row(ana).getHiddenFromLeaderboard()).isFalse();
  }

  @Test
  void settingsAreNotActivity() {
    f.say(ana, "start");
    f.after(Duration.ofDays(1));
    CoachFixture.HomeJourney before = f.enrollment(ana);

    for (String setting :
        new String[] {
          "tz Europe/Berlin",
          "remind at 08:00",
          "remind days daily",
          "remind dm",
          "snooze 2d",
          "leaderboard hide",
          "status",
          "stages",
          "leaderboard"
        }) {
      f.say(ana, setting);
    }

    CoachFixture.HomeJourney after = f.enrollment(ana);
    assertThat(after.getLastActivityAt()).isEqualTo(before.getLastActivityAt());
    assertThat(after.getLastActiveDate()).isEqualTo(before.getLastActiveDate());
    assertThat(after.getStreakDays()).isEqualTo(before.getStreakDays());
    assertThat(f.events(ana)).hasSize(1);
  }
}
