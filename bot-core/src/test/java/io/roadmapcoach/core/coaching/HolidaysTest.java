package io.roadmapcoach.core.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.caller.PlatformStatus;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Holidays respected: a channel's days off set by its leads, and a member whose status says they
 * are away. On such a day no nudge comes and the streak neither grows nor breaks. The week of
 * Monday 2 March 2026, everyone in UTC, nudges at 09:00 on weekdays.
 */
@ExtendWith(PostgresExtension.class)
class HolidaysTest {
  private CoachFixture f;
  private Caller lee;
  private Caller ana;

  @BeforeEach
  void anaWithATwoDayStreakOnTuesday() {
    f = CoachFixture.builtIn();
    lee = f.caller("lee", "UTC");
    ana = f.caller("ana", "UTC");
    f.say(lee, "start");
    f.say(lee, "remind off");
    f.say(ana, "start");
    f.say(ana, "done 3"); // Monday's progress: joining is none
    f.at("2026-03-03T12:00:00Z").say(ana, "done 1");
  }

  private static Optional<String> toAna(List<Delivery> sent) {
    return sent.stream()
        .filter(d -> d.target() instanceof Delivery.Direct to && to.memberName().equals("ana"))
        .map(d -> d.reply().plainText())
        .findFirst();
  }

  private static Optional<Delivery> post(List<Delivery> sent) {
    return sent.stream().filter(d -> d.target() instanceof Delivery.ChannelPost).findFirst();
  }

  private String streakOf(Caller caller) {
    return f.say(caller, "status").plainText();
  }

  /** Wednesday and Thursday without a nudge; Friday's nudge and activity keep the streak going. */
  private void wednesdayAndThursdayOffThenFriday() {
    assertThat(toAna(f.tick("2026-03-04T09:00:00Z"))).isEmpty();
    assertThat(toAna(f.tick("2026-03-05T09:00:00Z"))).isEmpty();

    String friday = toAna(f.tick("2026-03-06T09:00:00Z")).orElseThrow();

    assertThat(friday).contains("🔥 2-day streak. A freeze covers one missed day this week.");
    f.at("2026-03-06T12:00:00Z").say(ana, "done 2");
    assertThat(streakOf(ana)).contains("3 days");
  }

  @Test
  void withoutAHolidayTwoMissedDaysBreakTheStreak() {
    f.tick("2026-03-04T09:00:00Z");
    f.tick("2026-03-05T09:00:00Z");
    f.at("2026-03-06T12:00:00Z").say(ana, "done 2");

    assertThat(streakOf(ana)).contains("1 day");
  }

  @Test
  void aChannelHolidaySkipsTheNudgesAndKeepsTheStreak() {
    String set = f.say(lee, "holiday 2026-03-04 2026-03-05").plainText();

    assertThat(set)
        .contains("#general takes time off from Wed 4 Mar 2026 to Thu 5 Mar 2026 (2 days)")
        .contains("nobody's streak breaks");
    wednesdayAndThursdayOffThenFriday();
  }

  @Test
  void aHolidaySetForTodayTakesEffectAtOnce() {
    f.at("2026-03-04T08:30:00Z").say(lee, "holiday 2026-03-04");

    assertThat(toAna(f.tick("2026-03-04T09:00:00Z"))).isEmpty();
    // on Thursday, Wednesday neither broke the streak nor spent the week's freeze
    f.at("2026-03-05T08:00:00Z");
    assertThat(streakOf(ana)).contains("2 days").contains("1 left this week");
  }

  @Test
  void aChannelHolidaySkipsTheDailyPost() {
    f.say(ana, "remind channel");
    f.say(lee, "holiday 2026-03-04");

    assertThat(post(f.tick("2026-03-04T09:00:00Z"))).isEmpty();
    assertThat(post(f.tick("2026-03-05T09:00:00Z"))).isPresent();
  }

  @Test
  void leadsListAndTakeBackHolidays() {
    f.say(lee, "holiday 2026-12-24 2026-12-26");
    f.say(lee, "holiday 2026-12-31");

    assertThat(f.say(lee, "holidays").plainText())
        .contains("Days off in #general")
        .contains("• Thu 24 Dec 2026 to Sat 26 Dec 2026\n• Thu 31 Dec 2026");
    assertThat(f.say(lee, "holiday clear 2026-12-25").plainText())
        .contains("Fri 25 Dec 2026 is a normal day in #general again");
    assertThat(f.say(lee, "holidays").plainText())
        .contains("• Thu 24 Dec 2026\n• Sat 26 Dec 2026\n• Thu 31 Dec 2026");
    assertThat(f.say(lee, "holiday clear 2026-12-28").plainText())
        .contains("Mon 28 Dec 2026 is not a day off in #general");
    assertThat(f.say(lee, "holiday 2026-12-24").plainText()).contains("already takes time off");
  }

  @Test
  void aHolidayTakenBackBringsTheNudgeBack() {
    f.say(lee, "holiday 2026-03-04");
    f.say(lee, "holiday clear 2026-03-04");

    assertThat(toAna(f.tick("2026-03-04T09:00:00Z"))).isPresent();
  }

  @Test
  void onlyLeadsSetHolidaysAndBadDatesChangeNothing() {
    TableSnapshot before = f.snapshot();

    assertThat(f.say(ana, "holiday 2026-03-04").plainText())
        .startsWith("Only leads of #general and workspace admins can use /roadmap holiday.");
    // reading the days off is everyone's (issue 23); changing them stays the leads'
    assertThat(f.say(ana, "holidays").plainText()).startsWith("No days off ahead in #general.");
    assertThat(f.say(lee, "holiday 2026-02-30").plainText()).startsWith("2026-02-30 is not a date");
    assertThat(f.say(lee, "holiday 2026-03-20 2026-03-10").plainText()).contains("runs backwards");
    assertThat(f.say(lee, "holiday 2026-03-10 2026-04-20").plainText()).contains("at most 31 days");
    assertThat(f.say(lee, "holiday 2026-03-01").plainText())
        .startsWith("2026-03-01 has passed in #general")
        .contains("/roadmap holiday 2026-03-04");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  // ---- away on the platform

  private boolean status(String emoji, String text, Optional<Instant> expires) {
    return f.core()
        .workspaces()
        .memberStatus(Platform.CONSOLE, CoachFixture.WORKSPACE, "ana", emoji, text, expires);
  }

  @Test
  void aMemberAwayByTheirStatusGetsNoNudgeAndKeepsTheStreak() {
    f.at("2026-03-03T18:00:00Z");
    assertThat(status(":palm_tree:", "", Optional.empty())).isTrue();
    assertThat(toAna(f.tick("2026-03-04T09:00:00Z"))).isEmpty();
    assertThat(toAna(f.tick("2026-03-05T09:00:00Z"))).isEmpty();

    f.at("2026-03-06T08:00:00Z");
    assertThat(status("", "", Optional.empty())).isTrue();

    String friday = toAna(f.tick("2026-03-06T09:00:00Z")).orElseThrow();
    assertThat(friday).contains("🔥 2-day streak. A freeze covers one missed day this week.");
    f.at("2026-03-06T12:00:00Z").say(ana, "done 2");
    assertThat(streakOf(ana)).contains("3 days");
  }

  @Test
  void aStatusWhileAwaySaysTheNextNudgeComesOnceTheAwayStatusEnds() {
    f.at("2026-03-03T18:00:00Z");
    status("", "Out of office", Optional.of(Instant.parse("2026-03-05T10:00:00Z")));

    assertThat(streakOf(ana)).contains("Next nudge: Fri 6 Mar 09:00");
    assertThat(toAna(f.tick("2026-03-05T09:00:00Z"))).isEmpty();
    assertThat(toAna(f.tick("2026-03-06T09:00:00Z"))).isPresent();
  }

  @Test
  void anAwayStatusSentWithTheCommandCountsForItsOwnAnswer() {
    Caller away =
        ana.withStatus(new PlatformStatus(":palm_tree:", "On vacation", Optional.empty()));

    assertThat(f.at("2026-03-03T18:00:00Z").say(away, "status").plainText())
        .contains("Next nudge: none: your status says you are away");
  }

  @Test
  void anAwayStatusEndsWhenItSaysItExpires() {
    f.at("2026-03-03T18:00:00Z");
    status("", "Out of office", Optional.of(Instant.parse("2026-03-05T00:00:00Z")));

    assertThat(toAna(f.tick("2026-03-04T09:00:00Z"))).isEmpty();
    assertThat(toAna(f.tick("2026-03-05T09:00:00Z"))).isPresent();
  }

  @Test
  void statusWordsThatMeanAwayAndOnesThatDoNot() {
    f.at("2026-03-03T18:00:00Z");
    status("", "In a meeting", Optional.empty());
    assertThat(toAna(f.tick("2026-03-04T09:00:00Z"))).isPresent();

    status(":calendar:", "OOO till Friday", Optional.empty());
    assertThat(toAna(f.tick("2026-03-05T09:00:00Z"))).isEmpty();
  }

  @Test
  void theStatusOfSomeoneTheCoachDoesNotKnowIsNotKept() {
    TableSnapshot before = f.snapshot();

    boolean kept =
        f.core()
            .workspaces()
            .memberStatus(
                Platform.CONSOLE,
                CoachFixture.WORKSPACE,
                "stranger",
                ":palm_tree:",
                "",
                Optional.empty());

    assertThat(kept).isFalse();
    assertThat(f.snapshot()).isEqualTo(before);
  }

  // ---- issue 23

  @Test
  void membersReadTheDaysOffAndOnlyLeadsChangeThem() {
    f.say(lee, "holiday 2026-03-04 2026-03-05");
    TableSnapshot before = f.snapshot();

    String list = f.say(ana, "holidays").plainText();

    assertThat(list)
        .startsWith("🏖️ Days off in #general")
        .contains("Wed 4 Mar 2026 to Thu 5 Mar 2026");
    assertThat(f.say(ana, "holiday clear 2026-03-04").plainText())
        .startsWith("Only leads of #general");
    assertThat(f.say(ana, "holiday 2026-03-10").plainText()).startsWith("Only leads of #general");
    assertThat(f.snapshot()).isEqualTo(before);
  }
}
