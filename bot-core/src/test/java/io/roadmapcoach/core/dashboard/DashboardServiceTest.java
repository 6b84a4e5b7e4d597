package io.roadmapcoach.core.dashboard;

import static io.roadmapcoach.db.schema.Tables.DASHBOARD_LINK;
import static io.roadmapcoach.db.schema.Tables.DASHBOARD_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.dashboard.DashboardService.LinkState;
import io.roadmapcoach.core.dashboard.DashboardService.SignIn;
import io.roadmapcoach.core.dashboard.DashboardService.Viewer;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Visibility;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in links, sessions and what a lead's dashboard counts. */
@ExtendWith(PostgresExtension.class)
class DashboardServiceTest {
  private static final String BASE = "https://coach.example.org";

  private final CoachFixture f = CoachFixture.builtIn();
  private final DashboardFixture d = new DashboardFixture(f, DashboardAddress.fixed(BASE + "/"));
  private final DashboardService dashboard = d.service();
  private final Caller ana = f.caller("ana"); // first in #general: its lead
  private final Caller bob = f.caller("bob");

  private SignIn signIn(Caller lead) {
    return dashboard.signIn(DashboardFixture.tokenIn(d.link(lead))).signIn().orElseThrow();
  }

  private Viewer viewer(SignIn signIn) {
    return dashboard.viewer(signIn.sessionId()).orElseThrow();
  }

  @Test
  void aLeadGetsALinkOnlyTheyCanSeeThatAsksNotToBePreviewed() throws Exception {
    f.say(ana, "start");

    Reply reply = d.link(ana);

    assertThat(reply.visibility()).isEqualTo(Visibility.CALLER);
    assertThat(reply.linkPreviews()).isFalse();
    assertThat(DashboardFixture.linkIn(reply).toString()).startsWith(BASE + "/dashboard/link/");
    assertThat(reply.plainText()).contains("works once, within 15 minutes");
    String token = DashboardFixture.tokenIn(reply);
    assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 256 random bits
    // only the token's SHA-256 is kept
    byte[] stored = f.dsl().fetchSingle(DASHBOARD_LINK).getTokenHash();
    assertThat(stored)
        .isEqualTo(
            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    assertThat(f.snapshot().toString()).doesNotContain(token);
  }

  @Test
  void twoLinksAreNeverTheSame() {
    f.say(ana, "start");

    assertThat(DashboardFixture.tokenIn(d.link(ana)))
        .isNotEqualTo(DashboardFixture.tokenIn(d.link(ana)));
  }

  @Test
  void aMemberWhoIsNotALeadGetsNoLinkAndNothingIsStored() {
    f.say(ana, "start");
    f.say(bob, "start");
    TableSnapshot before = f.snapshot();

    Reply reply = d.link(bob);

    assertThat(reply.plainText())
        .startsWith("Only leads of #general can use /roadmap dashboard")
        .doesNotContain("http");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void aWorkspaceAdminGetsALinkInAnyChannel() {
    f.say(ana, "start");
    Caller boss = f.admin("boss");

    assertThat(d.link(boss).plainText()).contains("open the dashboard");
  }

  @Test
  void withoutAPublicAddressTheLeadIsToldTheDashboardIsNotConfigured() {
    DashboardFixture unconfigured = new DashboardFixture(f, DashboardAddress.none());
    f.say(ana, "start");

    Reply reply = unconfigured.link(ana);

    assertThat(reply.plainText()).contains("not configured").contains("PUBLIC_URL");
    assertThat(f.dsl().fetchCount(DASHBOARD_LINK)).isZero();
  }

  @Test
  void lookingAtALinkDoesNotSpendItButSigningInDoesOnce() {
    f.say(ana, "start");
    String token = DashboardFixture.tokenIn(d.link(ana));

    assertThat(dashboard.linkState(token)).isEqualTo(LinkState.VALID);
    assertThat(dashboard.linkState(token)).isEqualTo(LinkState.VALID);
    var first = dashboard.signIn(token);
    var second = dashboard.signIn(token);

    assertThat(first.signIn()).isPresent();
    assertThat(first.signIn().get().channelId()).isEqualTo(f.channelId("general"));
    assertThat(second.signIn()).isEmpty();
    assertThat(second.state()).isEqualTo(LinkState.USED);
    assertThat(dashboard.linkState(token)).isEqualTo(LinkState.USED);
    assertThat(f.dsl().fetchCount(DASHBOARD_SESSION)).isOne();
  }

  @Test
  void aLinkWorksForFifteenMinutes() {
    f.say(ana, "start");
    String late = DashboardFixture.tokenIn(d.link(ana));
    String inTime = DashboardFixture.tokenIn(d.link(ana));

    f.after(Duration.ofMinutes(14).plusSeconds(59));
    assertThat(dashboard.signIn(inTime).signIn()).isPresent();
    f.after(Duration.ofSeconds(1));

    assertThat(dashboard.linkState(late)).isEqualTo(LinkState.EXPIRED);
    assertThat(dashboard.signIn(late).state()).isEqualTo(LinkState.EXPIRED);
    assertThat(f.dsl().fetchCount(DASHBOARD_SESSION)).isOne();
  }

  @Test
  void aMadeUpTokenIsUnknown() {
    assertThat(dashboard.linkState("x".repeat(43))).isEqualTo(LinkState.UNKNOWN);
    assertThat(dashboard.linkState("../../etc/passwd")).isEqualTo(LinkState.UNKNOWN);
    assertThat(dashboard.signIn("").signIn()).isEmpty();
  }

  @Test
  void aSessionLastsTwelveHours() {
    f.say(ana, "start");
    SignIn signIn = signIn(ana);

    f.after(Duration.ofHours(12).minusSeconds(1));
    assertThat(dashboard.viewer(signIn.sessionId())).isPresent();
    f.after(Duration.ofSeconds(1));

    assertThat(dashboard.viewer(signIn.sessionId())).isEmpty();
    assertThat(dashboard.viewer("not-a-session")).isEmpty();
  }

  /** Ana leads #general and Bea #design (each the first there); Ana's session. */
  private Viewer anaLeadsGeneralAndBeaDesign() {
    f.say(ana, "start");
    Caller bea = f.in("design").caller("bea");
    f.say(bea, "start");
    return viewer(signIn(ana));
  }

  @Test
  void aSessionReachesOnlyTheChannelsItsLeadLeads() {
    Viewer anas = anaLeadsGeneralAndBeaDesign();

    assertThat(dashboard.channels(anas)).extracting(c -> c.name()).containsExactly("general");
    assertThat(dashboard.report(anas, f.channelId("general"))).isPresent();
    assertThat(dashboard.report(anas, f.channelId("design"))).isEmpty();
    assertThat(dashboard.csv(anas, f.channelId("design"))).isEmpty();
    assertThat(dashboard.report(anas, 987654)).isEmpty();
  }

  @Test
  void aSessionSpeaksToTheCoachAsItsLeadInTheChannelsTheyLeadOnly() {
    Viewer anas = anaLeadsGeneralAndBeaDesign();
    TableSnapshot before = f.snapshot();

    Caller asAna = dashboard.callerIn(anas, f.channelId("general")).orElseThrow();

    assertThat(asAna).isEqualTo(ana); // as chat last told the coach, so resolving changes nothing
    assertThat(f.say(asAna, "roadmap").plainText()).contains("#general follows");
    assertThat(f.snapshot()).isEqualTo(before);
    assertThat(dashboard.callerIn(anas, f.channelId("design"))).isEmpty();
    assertThat(dashboard.callerIn(anas, 987654)).isEmpty();
  }

  @Test
  void theReportNamesTheRoadmapsIdVersionAndWhoChoseIt() {
    f.say(ana, "start");
    Viewer anas = viewer(signIn(ana));

    ChannelReport.Followed followed =
        dashboard.report(anas, f.channelId("general")).orElseThrow().followed();

    assertThat(followed.deployment()).isTrue();
    assertThat(followed.version()).isEqualTo(1);
    assertThat(followed.key()).isNotBlank();
    assertThat(followed.chosenBy()).isEmpty();
    assertThat(followed.chosenOn()).isEmpty();
  }

  @Test
  void aLeadWhoIsUnledLosesTheChannelAtOnce() {
    f.say(ana, "start");
    f.say(bob, "start");
    f.say(ana, "lead @bob");
    Viewer bobs = viewer(signIn(bob));
    assertThat(dashboard.report(bobs, f.channelId("general"))).isPresent();

    f.say(ana, "unlead @bob");

    assertThat(dashboard.report(bobs, f.channelId("general"))).isEmpty();
  }

  @Test
  void anAdminSessionReachesEveryChannelOfTheWorkspace() {
    f.say(ana, "start");
    f.say(f.in("design").caller("bea"), "start");
    Viewer boss = viewer(signIn(f.admin("boss")));

    assertThat(dashboard.channels(boss))
        .extracting(c -> c.name())
        .containsExactly("design", "general");
  }

  @Test
  void aSessionOpenedOnAdminRightsLosesEveryChannelWhenThePlatformTakesThemAway() {
    f.say(ana, "start");
    f.say(f.in("design").caller("bea"), "start");
    Viewer boss = viewer(signIn(f.admin("boss")));
    assertThat(dashboard.channels(boss)).hasSize(2);

    // the platform reports the same person without admin rights on their next command
    f.say(f.member("boss", "boss", java.util.Optional.empty(), false), "status");

    assertThat(dashboard.channels(boss)).isEmpty();
    assertThat(dashboard.report(boss, f.channelId("general"))).isEmpty();
    assertThat(dashboard.csv(boss, f.channelId("design"))).isEmpty();
  }

  @Test
  void anAdminWhoIsAlsoANamedLeadKeepsTheirOwnChannelWhenAdminRightsGo() {
    Caller boss = f.admin("boss");
    f.say(boss, "start"); // the first in #general: its named lead
    f.say(f.in("design").caller("bea"), "start");
    Viewer session = viewer(signIn(boss));
    assertThat(dashboard.channels(session)).hasSize(2);

    f.say(f.member("boss", "boss", java.util.Optional.empty(), false), "status");

    assertThat(dashboard.channels(session)).extracting(c -> c.name()).containsExactly("general");
  }

  @Test
  void aSessionOnAdminRightsAloneLastsAnHourANamedLeadsTwelve() {
    f.say(ana, "start");
    SignIn boss = signIn(f.admin("boss"));
    SignIn anas = signIn(ana);

    assertThat(boss.lifetime()).isEqualTo(Duration.ofHours(1));
    assertThat(anas.lifetime()).isEqualTo(Duration.ofHours(12));
    assertThat(d.link(f.admin("boss")).plainText()).contains("for an hour");
    assertThat(d.link(ana).plainText()).contains("for 12 hours");
    f.after(Duration.ofHours(1).minusSeconds(1));
    assertThat(dashboard.viewer(boss.sessionId())).isPresent();
    f.after(Duration.ofSeconds(1));

    assertThat(dashboard.viewer(boss.sessionId())).isEmpty();
    assertThat(dashboard.viewer(anas.sessionId())).isPresent();
  }

  @Test
  void signingInWithANewLinkEndsTheLeadsOlderSessionsOnly() {
    f.say(ana, "start");
    Caller bea = f.in("design").caller("bea");
    f.say(bea, "start");
    SignIn first = signIn(ana);
    SignIn beas = signIn(bea);

    SignIn second = signIn(ana);

    assertThat(dashboard.viewer(first.sessionId())).isEmpty();
    assertThat(dashboard.viewer(second.sessionId())).isPresent();
    assertThat(dashboard.viewer(beas.sessionId())).isPresent();
  }

  @Test
  void signingOutEndsThatSessionAndAMadeUpOneChangesNothing() {
    f.say(ana, "start");
    SignIn signIn = signIn(ana);
    TableSnapshot before = f.snapshot();

    assertThat(dashboard.signOut("C".repeat(43))).isFalse();
    assertThat(dashboard.signOut("not a session")).isFalse();
    assertThat(f.snapshot()).isEqualTo(before);

    assertThat(dashboard.signOut(signIn.sessionId())).isTrue();
    assertThat(dashboard.viewer(signIn.sessionId())).isEmpty();
    assertThat(f.dsl().fetchCount(DASHBOARD_SESSION)).isZero();
  }

  @Test
  void aWorkspaceThatRemovedTheAppHasNoSessions() {
    f.say(ana, "start");
    SignIn signIn = signIn(ana);

    new io.roadmapcoach.core.member.Workspaces(
            f.dsl(),
            f.services().transactions(),
            f.clock(),
            new io.roadmapcoach.core.delivery.OutboxRepository(f.dsl())::dropPendingOf)
        .removed(ana.platform(), ana.workspaceId());

    assertThat(dashboard.viewer(signIn.sessionId())).isEmpty();
  }

  @Test
  void forgetMeEndsTheMembersSessions() {
    f.say(ana, "start");
    f.say(bob, "start");
    f.say(ana, "lead @bob");
    SignIn signIn = signIn(ana);

    f.press(ana, f.say(ana, "forget-me").buttons().getFirst().actionId());

    assertThat(dashboard.viewer(signIn.sessionId())).isEmpty();
    assertThat(f.dsl().fetchCount(DASHBOARD_SESSION)).isZero();
  }

  @Test
  void theReportCountsTheFunnelTheWeeksTheMembersAndTheQuizzes() {
    // week of Monday 2 March: bob starts and is never seen again
    f.say(bob, "start");
    // the next week: ana finishes stage 1 after failing a quiz once; carl and dan start
    f.at("2026-03-10T09:00:00Z");
    f.say(ana, "start");
    f.checkOffStage(ana);
    f.takeQuiz(ana, 2);
    f.passQuiz(ana);
    f.say(ana, "next");
    Caller carl = f.caller("carl");
    Caller dan = f.caller("dan");
    f.say(carl, "start");
    f.say(carl, "done 1");
    f.say(carl, "remind off");
    f.say(dan, "start");
    f.say(dan, "snooze 3d");
    f.at("2026-03-10T12:00:00Z");
    f.say(f.admin("boss"), "status"); // an admin reads; not on the roadmap
    Viewer boss = viewer(signIn(f.admin("boss")));

    ChannelReport report = dashboard.report(boss, f.channelId("general")).orElseThrow();

    assertThat(report.funnel().onStage().subList(0, 3)).containsExactly(3, 1, 0);
    assertThat(report.funnel().graduated()).isZero();
    assertThat(report.funnel().onStage()).hasSize(f.roadmap().stageCount());
    List<ChannelReport.Week> weeks = report.weeks();
    assertThat(weeks).hasSize(12);
    assertThat(weeks.getLast().monday()).isEqualTo(LocalDate.parse("2026-03-09"));
    // joining is no activity (issue 23): bob's week has nobody active, dan's start counts nothing
    assertThat(weeks.get(10))
        .isEqualTo(new ChannelReport.Week(LocalDate.parse("2026-03-02"), 0, 0));
    int stageOne = f.roadmap().stage(1).objectiveCount();
    assertThat(weeks.get(11))
        .isEqualTo(new ChannelReport.Week(LocalDate.parse("2026-03-09"), stageOne + 1, 2));
    assertThat(weeks.subList(0, 10))
        .allMatch(w -> w.objectivesDone() == 0 && w.activeMembers() == 0);

    assertThat(report.members())
        .extracting(
            m -> m.name(),
            m -> m.stage(),
            m -> m.objectivesDone(),
            m -> m.stuck(),
            m -> m.reminders())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("ana", 2, 0, false, ChannelReport.Reminders.ON),
            org.assertj.core.groups.Tuple.tuple("bob", 1, 0, true, ChannelReport.Reminders.ON),
            org.assertj.core.groups.Tuple.tuple("carl", 1, 1, false, ChannelReport.Reminders.OFF),
            org.assertj.core.groups.Tuple.tuple(
                "dan", 1, 0, false, ChannelReport.Reminders.SNOOZED));
    ChannelReport.MemberLine anaLine =
        report.members().stream().filter(m -> m.name().equals("ana")).findFirst().orElseThrow();
    assertThat(anaLine.points()).isPositive();
    assertThat(anaLine.streakDays()).isEqualTo(1);

    assertThat(report.passRates())
        .containsExactly(new ChannelReport.PassRate(1, f.roadmap().stage(1).title(), 2, 1));
    assertThat(report.passRates().getFirst().percent()).isEqualTo(50);
    assertThat(report.mostMissed()).hasSize(3);
    assertThat(report.mostMissed())
        .allSatisfy(
            m -> {
              assertThat(m.misses()).isEqualTo(1);
              assertThat(m.question().stage()).isEqualTo(1);
              assertThat(m.question().explanation()).isNotBlank();
            });
  }

  @Test
  void theCsvIsTheTeamCsv() {
    f.say(ana, "start");
    f.say(bob, "start");
    Viewer anas = viewer(signIn(ana));

    var fromDashboard = dashboard.csv(anas, f.channelId("general")).orElseThrow();
    var fromChat = f.say(ana, "team csv").attachment().orElseThrow();

    assertThat(fromDashboard).isEqualTo(fromChat);
  }

  // ---- issue 23: history is history

  /** The week of Monday 2 March as the 12-week chart shows it on Tuesday 10 March. */
  private ChannelReport.Week weekOfMarchTwo(Viewer lead) {
    List<ChannelReport.Week> weeks =
        dashboard.report(lead, f.channelId("general")).orElseThrow().weeks();
    return weeks.stream()
        .filter(w -> w.monday().equals(LocalDate.parse("2026-03-02")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void pastWeeksCountWhatStoodAtTheEndOfEachDay() {
    f.say(ana, "start");
    f.say(bob, "start");
    f.say(ana, "done 1");
    f.say(bob, "done 1");
    f.say(bob, "undo 1"); // taken back the same day: it never stood at a day's end
    f.at("2026-03-03T10:00:00Z").say(ana, "done 2");
    f.at("2026-03-04T10:00:00Z").say(ana, "undo 1"); // taken back a day later: Monday keeps it

    f.at("2026-03-10T09:00:00Z");
    ChannelReport.Week week = weekOfMarchTwo(viewer(signIn(ana)));

    assertThat(week).isEqualTo(new ChannelReport.Week(LocalDate.parse("2026-03-02"), 2, 1));
  }

  @Test
  void pastWeeksStayAsTheyWereWhenMembersLeaveOrEraseTheirData() {
    Caller cy = f.caller("cy");
    f.say(ana, "start");
    f.say(bob, "start");
    f.say(cy, "start");
    f.say(ana, "done 1");
    f.say(bob, "done 1");
    f.say(bob, "done 2");
    f.at("2026-03-04T10:00:00Z").say(cy, "done 1");
    f.say(cy, "done 2");
    f.say(cy, "done 3");
    f.at("2026-03-10T09:00:00Z");
    Viewer lead = viewer(signIn(ana));
    ChannelReport.Week before = weekOfMarchTwo(lead);
    assertThat(before).isEqualTo(new ChannelReport.Week(LocalDate.parse("2026-03-02"), 6, 3));

    f.say(bob, "leave");
    Reply asked = f.say(cy, "forget-me");
    f.press(cy, asked.buttons().getFirst().actionId());

    assertThat(weekOfMarchTwo(lead)).isEqualTo(before);
    // counted without names: nothing of cy's id is left in the history
    assertThat(f.dsl().fetch("select member_id from channel_day").getValues(0, Long.class))
        .allMatch(id -> id == f.memberId(ana) || id == f.memberId(bob) || id < 0);
  }
}
