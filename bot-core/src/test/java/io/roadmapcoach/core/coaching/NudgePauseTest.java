package io.roadmapcoach.core.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.dashboard.ChannelReport;
import io.roadmapcoach.core.dashboard.DashboardAddress;
import io.roadmapcoach.core.dashboard.DashboardFixture;
import io.roadmapcoach.core.dashboard.DashboardService;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pause for the quiet: five direct-message nudges in a row with no activity after them, and the
 * sixth is a goodbye for now; nudges then stop until activity or {@code remind on}. Ana is nudged
 * every day at 09:00 UTC from Tuesday 3 March 2026.
 */
@ExtendWith(PostgresExtension.class)
class NudgePauseTest {
  private static final String GOODBYE =
      "💤 I'll stop nudging you for now; /roadmap remind on brings me back.";
  private static final LocalDate TUESDAY = LocalDate.parse("2026-03-03");

  private CoachFixture f;
  private Caller lee;
  private Caller ana;

  @BeforeEach
  void anaIsNudgedDaily() {
    f = CoachFixture.builtIn();
    lee = f.caller("lee", "UTC");
    ana = f.caller("ana", "UTC");
    f.say(lee, "start");
    f.say(ana, "start");
    f.say(ana, "remind days daily");
    f.say(lee, "remind off");
  }

  /** What ana got at 09:00 on each day from {@code first}, one entry a day ("" for nothing). */
  private List<String> mornings(LocalDate first, int days) {
    List<String> got = new ArrayList<>();
    for (int i = 0; i < days; i++) {
      List<Delivery> sent = f.tick(first.plusDays(i) + "T09:00:00Z");
      got.add(
          sent.stream()
              .filter(
                  d -> d.target() instanceof Delivery.Direct to && to.memberName().equals("ana"))
              .map(d -> d.reply().plainText())
              .findFirst()
              .orElse(""));
    }
    return got;
  }

  private static boolean isNudge(String text) {
    return text.contains("Next: objective 1");
  }

  @Test
  void afterExactlyFiveUnansweredNudgesTheSixthIsAGoodbyeAndThenNothing() {
    List<String> got = mornings(TUESDAY, 8);

    assertThat(got.subList(0, 5)).allMatch(NudgePauseTest::isNudge);
    assertThat(got.get(5)).startsWith(GOODBYE).doesNotContain("Next: objective");
    assertThat(got.subList(6, 8)).containsOnly("");
  }

  @Test
  void nudgesComposedTogetherAreCountedEachForItsOwnMember() {
    Caller bo = f.caller("bo", "UTC");
    f.say(bo, "start");
    f.say(bo, "remind days daily");
    mornings(TUESDAY, 3);
    f.say(bo, "done 1"); // bo answers his third nudge; ana answers none

    mornings(TUESDAY.plusDays(3), 2);
    List<Delivery> sixth = f.tick(TUESDAY.plusDays(5) + "T09:00:00Z");

    assertThat(sixth)
        .extracting(d -> ((Delivery.Direct) d.target()).memberName() + ": " + d.reply().plainText())
        .anyMatch(t -> t.startsWith("ana: " + GOODBYE))
        .anyMatch(t -> t.startsWith("bo: ") && t.contains("Next: objective 2"))
        .hasSize(2);
  }

  @Test
  void aPausedMemberShowsAsPausedToLeadsInTeamAndOnTheDashboard() {
    mornings(TUESDAY, 6);

    assertThat(f.say(lee, "team").plainText()).contains("ana · stage 1").contains("nudges paused");
    DashboardFixture d =
        new DashboardFixture(f, DashboardAddress.fixed("https://coach.example.org/"));
    DashboardService dashboard = d.service();
    var signIn = dashboard.signIn(DashboardFixture.tokenIn(d.link(lee))).signIn().orElseThrow();
    ChannelReport report =
        dashboard
            .report(dashboard.viewer(signIn.sessionId()).orElseThrow(), f.channelId("general"))
            .orElseThrow();
    assertThat(report.members())
        .filteredOn(m -> m.name().equals("ana"))
        .extracting(ChannelReport.MemberLine::reminders)
        .containsExactly(ChannelReport.Reminders.PAUSED);
    assertThat(ChannelReport.Reminders.PAUSED.label()).isEqualTo("paused");
  }

  @Test
  void aPausedMembersStatusPromisesNoNudgeAndSaysWhy() {
    mornings(TUESDAY, 6);

    String status = f.at("2026-03-08T12:00:00Z").say(ana, "status").plainText();

    assertThat(status)
        .contains("Next nudge: none: paused after five nudges in a row went unanswered")
        .doesNotContain("Next nudge: Mon");
    assertThat(mornings(LocalDate.parse("2026-03-09"), 1)).containsOnly("");
  }

  @Test
  void theStatusBeforeTheSixthSaysItIsTheLastBeforeAPause() {
    mornings(TUESDAY, 5);

    assertThat(f.at("2026-03-07T12:00:00Z").say(ana, "status").plainText())
        .contains("Next nudge: Sun 8 Mar 09:00, the last before a pause");
    assertThat(mornings(LocalDate.parse("2026-03-08"), 1).getFirst()).startsWith(GOODBYE);
  }

  @Test
  void remindOnEndsThePauseAndNudgesComeAgain() {
    mornings(TUESDAY, 7);

    f.at("2026-03-09T12:00:00Z").say(ana, "remind on");

    List<String> got = mornings(LocalDate.parse("2026-03-10"), 6);
    assertThat(got.subList(0, 5)).allMatch(NudgePauseTest::isNudge);
    assertThat(got.get(5)).startsWith(GOODBYE);
    assertThat(f.say(lee, "team").plainText()).contains("nudges paused");
  }

  @Test
  void anyActivityEndsThePause() {
    mornings(TUESDAY, 7);

    f.at("2026-03-09T12:00:00Z").say(ana, "done 1");

    List<String> got = mornings(LocalDate.parse("2026-03-10"), 2);
    assertThat(got).allMatch(text -> text.contains("Next: objective 2"));
    assertThat(f.say(lee, "team").plainText()).doesNotContain("paused");
  }

  @Test
  void aNudgeAnsweredStartsTheCountAgain() {
    mornings(TUESDAY, 4);
    f.at("2026-03-06T12:00:00Z").say(ana, "done 1");

    List<String> got = mornings(LocalDate.parse("2026-03-07"), 6);

    assertThat(got.subList(0, 5)).allMatch(text -> text.contains("Next: objective 2"));
    assertThat(got.get(5)).startsWith(GOODBYE);
  }

  @Test
  void aLeadsNudgeIsNotCounted() {
    mornings(TUESDAY, 3);
    f.at("2026-03-05T12:00:00Z").say(lee, "nudge @ana");
    f.deliver();

    List<String> got = mornings(LocalDate.parse("2026-03-06"), 3);

    assertThat(got.subList(0, 2)).allMatch(NudgePauseTest::isNudge);
    assertThat(got.get(2)).startsWith(GOODBYE);
  }
}
