package io.roadmapcoach.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A lead's nudge and weekly digest. */
@ExtendWith(PostgresExtension.class)
class LeadToolkitTest {
  private CoachFixture f;
  private Caller lead;
  private Caller ana;

  @BeforeEach
  void aLeadAndAMember() {
    f = CoachFixture.builtIn();
    lead = f.caller("lee", "UTC");
    ana = f.caller("ana", "UTC");
    f.say(lead, "start");
    f.say(ana, "start");
  }

  @Test
  void aNudgeGoesOutOnceADay() {
    assertThat(f.say(lead, "nudge @ana").plainText()).contains("Nudged ana");
    assertThat(f.say(lead, "nudge @ana").plainText()).contains("already");

    List<Delivery> sent = f.deliver();

    assertThat(sent).hasSize(1);
    assertThat(sent.getFirst().reply().plainText())
        .contains("lee (lead of #general) is cheering you on")
        .contains("Next: objective 1");
  }

  @Test
  void aNudgeIsRefusedForTheSnoozedTheSwitchedOffAndStrangers() {
    f.say(ana, "snooze 2d");
    assertThat(f.say(lead, "nudge @ana").plainText()).contains("ana is snoozed today");
    f.say(ana, "remind off");
    assertThat(f.say(lead, "nudge @ana").plainText()).contains("turned their reminders off");
    assertThat(f.say(lead, "nudge @someone-not-here").plainText()).contains("I do not know");
    Caller zed = f.in("elsewhere").caller("zed");
    f.in("elsewhere").say(zed, "start");
    assertThat(f.say(lead, "nudge @zed").plainText()).contains("zed is not in #general");

    assertThat(f.deliver()).isEmpty();
  }

  @Test
  void theWeeklyDigestNamesTheStuckAndTheMostMissedQuestion() {
    f.at("2026-03-02T12:00:00Z").takeQuiz(ana, 0);
    // a week later at the channel's quiz slot (Friday 15:00 UTC)
    List<Delivery> sent = f.tick("2026-03-13T15:00:00Z");

    Delivery digest =
        sent.stream()
            .filter(d -> d.reply().plainText().contains("Your week in #general"))
            .findFirst()
            .orElseThrow();
    assertThat(((Delivery.Direct) digest.target()).memberName()).isEqualTo("lee");
    String text = digest.reply().plainText();
    assertThat(text).contains("Stuck (7 days without progress): ").contains("ana on stage 1");
    assertThat(text).contains("Stage 1").contains("Graduated");
    assertThat(digest.reply().attachment())
        .hasValueSatisfying(a -> assertThat(a.mediaType()).isEqualTo("image/png"));
  }

  @Test
  void theDigestCarriesTheWeeksMostMissedQuestions() {
    f.at("2026-03-12T12:00:00Z").takeQuiz(ana, 0);

    List<Delivery> sent = f.tick("2026-03-13T15:00:00Z");

    String digest =
        sent.stream()
            .map(d -> d.reply().plainText())
            .filter(t -> t.contains("Your week in #general"))
            .findFirst()
            .orElseThrow();
    assertThat(digest)
        .contains("0 passed, 1 failed")
        .contains("Missed most this week")
        .contains("(1 missed)");
  }

  @Test
  void theDashboardAndTheTeamChartAnswerLeadsOnly() {
    assertThat(f.say(ana, "dashboard").plainText()).contains("Only leads of #general");
    assertThat(f.say(lead, "dashboard").plainText()).contains("The dashboard is not configured");
    assertThat(f.say(ana, "team chart").plainText()).contains("Only leads of #general");
    assertThat(f.say(lead, "team chart").attachment())
        .hasValueSatisfying(a -> assertThat(a.fileName()).isEqualTo("chart-general.png"));
  }

  @Test
  void theDigestAndTheTeamSayWhoIsNotNudgedAndWhy() {
    f.say(ana, "remind off");

    String digest =
        f.tick("2026-03-06T15:00:00Z").stream()
            .map(d -> d.reply().plainText())
            .filter(t -> t.contains("Your week in"))
            .findFirst()
            .orElseThrow();

    assertThat(digest).contains("Not nudged now: ana (reminders off).");
    assertThat(f.say(lead, "team").plainText()).contains("· reminders off");
  }

  @Test
  void aMemberAwayShowsAsAwayToTheirLead() {
    f.say(
        ana.withStatus(
            new io.roadmapcoach.core.caller.PlatformStatus(
                ":palm_tree:", "On vacation", java.util.Optional.empty())),
        "status");

    assertThat(f.say(lead, "team").plainText()).contains("ana").contains("· away");
  }

  @Test
  void digestOffStopsItForThatLead() {
    assertThat(f.say(lead, "digest off").plainText()).contains("No more weekly digests");

    List<Delivery> sent = f.tick("2026-03-06T15:00:00Z");

    assertThat(sent).noneMatch(d -> d.reply().plainText().contains("Your week in"));
  }

  // ---- issue 23

  @Test
  void aLeadCannotNudgeThemself() {
    TableSnapshot before = f.snapshot();

    String answer = f.say(lead, "nudge @lee").plainText();

    assertThat(answer)
        .startsWith("A lead's nudge is for someone else; yours come by themselves")
        .contains("/roadmap status");
    assertThat(f.snapshot()).isEqualTo(before);
    assertThat(f.deliver()).isEmpty();
  }

  @Test
  void theDigestSaysWhoIsNewAndHasNotStartedRatherThanThatEveryoneMadeProgress() {
    // the week before the digest (Friday 13 March, 15:00): two join on Monday and do nothing,
    // lee and ana make progress
    Caller ben = f.caller("ben", "UTC");
    Caller cy = f.caller("cy", "UTC");
    f.at("2026-03-09T10:00:00Z").say(ben, "start");
    f.say(cy, "start");
    f.at("2026-03-11T10:00:00Z").say(lead, "done 1");
    f.say(ana, "done 1");

    String digest = digestOf(f.tick("2026-03-13T15:00:00Z"));

    assertThat(digest)
        .contains("Stuck: nobody.")
        .contains("New, not started yet: ben, cy.")
        .doesNotContain("everyone made progress");
  }

  @Test
  void theDigestSaysEveryoneMadeProgressOnlyWhenEveryoneDid() {
    f.at("2026-03-11T10:00:00Z").say(lead, "done 1");
    f.say(ana, "done 1");

    String digest = digestOf(f.tick("2026-03-13T15:00:00Z"));

    assertThat(digest).contains("Stuck: nobody; everyone made progress in the last 7 days.");
    assertThat(digest).doesNotContain("New, not started");
  }

  private static String digestOf(List<Delivery> sent) {
    return sent.stream()
        .map(d -> d.reply().plainText())
        .filter(t -> t.contains("Your week in #general"))
        .findFirst()
        .orElseThrow();
  }
}
