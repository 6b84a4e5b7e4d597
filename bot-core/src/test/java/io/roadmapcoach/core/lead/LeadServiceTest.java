package io.roadmapcoach.core.lead;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_LEAD;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.reply.Attachment;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.Concurrently;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.schema.tables.records.ChannelRecord;
import io.roadmapcoach.db.schema.tables.records.OutboxRecord;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who leads, what only leads may do, and what leads see of their team. */
@ExtendWith(PostgresExtension.class)
class LeadServiceTest {
  private final CoachFixture f = CoachFixture.builtIn();
  private final Caller ana = f.caller("ana"); // first to start in #general: its lead
  private final Caller bob = f.caller("bob");

  private void anaLeadsAndBobFollows() {
    f.say(ana, "start");
    f.say(bob, "start");
  }

  private ChannelRecord general() {
    return f.dsl().fetchSingle(CHANNEL, CHANNEL.EXTERNAL_ID.eq("general"));
  }

  private List<Long> namedLeads() {
    return f.dsl().fetch(CHANNEL_LEAD).getValues(CHANNEL_LEAD.MEMBER_ID);
  }

  /** The team reply's member lines. */
  private static List<String> teamLines(Reply team) {
    return team.blocks().stream()
        .filter(Block.Section.class::isInstance)
        .flatMap(b -> ((Block.Section) b).text().plainText().lines())
        .toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "team",
        "team csv",
        "quiz-day mon 09:00",
        "channel-tz Asia/Tokyo",
        "reminders channel",
        "lead @bob",
        "unlead @ana",
        "set-stage @bob 3"
      })
  void aMemberWhoIsNotALeadIsToldWhoCanRunItAndNothingChanges(String command) {
    anaLeadsAndBobFollows();
    TableSnapshot before = f.snapshot();

    Reply reply = f.say(bob, command);

    String name = command.split(" ")[0];
    assertThat(reply.plainText())
        .isEqualTo(
            "Only leads of #general and workspace admins can use /roadmap "
                + name
                + ". Its lead: \"ana\". Ask one of them to run it, or to make you a lead.\n");
    assertThat(reply.attachment()).isEmpty();
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void inAChannelWithoutLeadsTheRefusalSaysTheFirstMemberToStartBecomesOne() {
    anaLeadsAndBobFollows();

    String reply = f.in("random").say(f.in("random").caller("bob"), "team").plainText();

    assertThat(reply)
        .startsWith("Only leads of #random and workspace admins can use /roadmap team.")
        .contains("#random has no named lead yet (the first member to start becomes one)");
  }

  @Test
  void theFirstMemberToEnrollInAChannelLeadsItAndTheNextDoesNot() {
    Reply first = f.say(ana, "start");
    Reply second = f.say(bob, "start");

    assertThat(first.plainText()).contains("so you are its lead");
    assertThat(second.plainText()).doesNotContain("lead");
    assertThat(namedLeads()).containsExactly(f.memberId(ana));
    assertThat(f.say(ana, "team").plainText()).startsWith("👥 #general: 2 members on the roadmap");
  }

  @Test
  void membersStartingAtOnceInANewChannelMakeOneLead() throws Exception {
    AtomicInteger next = new AtomicInteger();

    List<Reply> replies =
        Concurrently.run(6, () -> f.say(f.caller("m" + next.incrementAndGet()), "start"));

    assertThat(replies).allSatisfy(r -> assertThat(r.plainText()).startsWith("Welcome"));
    assertThat(namedLeads()).hasSize(1);
    assertThat(f.dsl().fetchCount(ENROLLMENT)).isEqualTo(6);
    assertThat(f.dsl().fetchCount(CHANNEL)).isEqualTo(1);
  }

  @Test
  void eachChannelGetsItsOwnFirstLead() {
    f.say(ana, "start");
    CoachFixture random = f.in("random");
    Caller dan = random.caller("dan");

    random.say(dan, "start");

    assertThat(random.say(dan, "team").plainText()).startsWith("👥 #random: 1 member");
    assertThat(random.say(random.caller("ana"), "team").plainText())
        .startsWith("Only leads of #random");
  }

  @Test
  void aPlatformAdminLeadsWithoutBeingNamed() {
    anaLeadsAndBobFollows();
    Caller admin = f.admin("root");

    assertThat(f.say(admin, "team").plainText()).startsWith("👥 #general: 2 members");
    assertThat(f.say(admin, "unlead @root").plainText())
        .isEqualTo(
            "You are not a named lead of #general. (Workspace admins always lead; that cannot be"
                + " taken away here.)\n");
    assertThat(namedLeads()).doesNotContain(f.memberId(admin));
  }

  @Test
  void aLeadNamesAnotherLeadAndTakesTheRoleBack() {
    anaLeadsAndBobFollows();

    assertThat(f.say(ana, "lead @bob").plainText()).isEqualTo("bob now leads #general.\n");
    assertThat(f.say(bob, "team").plainText()).startsWith("👥 #general");
    assertThat(f.say(ana, "lead @BOB").plainText()).isEqualTo("bob already leads #general.\n");

    assertThat(f.say(ana, "unlead @bob").plainText()).isEqualTo("bob no longer leads #general.\n");
    assertThat(f.say(bob, "team").plainText()).startsWith("Only leads of #general");
    assertThat(namedLeads()).containsExactly(f.memberId(ana));
  }

  @Test
  void aLeadCanNameAMemberByTheirPlatformMention() {
    f.say(ana, "start");
    Caller slackBob = f.member("U0BOB", "Bob Ray", Optional.empty(), false);
    f.say(slackBob, "start"); // a lead is a member of the channel

    assertThat(f.say(ana, "lead <@U0BOB|bob.ray>").plainText())
        .isEqualTo("Bob Ray now leads #general.\n");
  }

  @Test
  void namingAnUnknownMemberChangesNothing() {
    anaLeadsAndBobFollows();
    TableSnapshot before = f.snapshot();

    assertThat(f.say(ana, "lead @zed").plainText())
        .startsWith("I do not know @zed here. They need to have used /roadmap once");
    assertThat(f.say(ana, "set-stage @zed 2").plainText()).startsWith("I do not know @zed here.");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void setStageMovesTheMemberAndLeavesThemANotice() {
    anaLeadsAndBobFollows();

    Reply reply = f.say(ana, "set-stage @bob 3");

    assertThat(reply.plainText())
        .isEqualTo("bob is now on stage 3: Data Wrangling & Preprocessing. They will be told.\n");
    assertThat(f.enrollment(bob).getStage()).isEqualTo(3);
    OutboxRecord notice = f.dsl().fetchSingle(OUTBOX);
    assertThat(notice.getKind()).isEqualTo("notice");
    assertThat(notice.getMemberId()).isEqualTo(f.memberId(bob));
    assertThat(notice.getStatus()).isEqualTo("pending");
    assertThat(notice.getLocalDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(notice.getPayload().data())
        .contains("ana (a lead of #general) moved you to stage 3: Data Wrangling & Preprocessing.");
    assertThat(f.say(bob, "status").plainText()).startsWith("Stage 3 of 15");
  }

  @Test
  void aLeadOfOneChannelCannotSetTheStageOfAnotherChannelsMember() {
    f.say(ana, "start");
    CoachFixture random = f.in("random");
    random.say(random.caller("dan"), "start");
    TableSnapshot before = f.snapshot();

    assertThat(f.say(ana, "set-stage @dan 4").plainText())
        .isEqualTo(
            "dan is not in #general, so only the leads of a channel they are in (or a workspace"
                + " admin) can set their stage.\n");
    assertThat(f.snapshot()).isEqualTo(before);
    assertThat(f.say(f.admin("root"), "set-stage @dan 4").plainText())
        .startsWith("dan is now on stage 4");
  }

  @Test
  void setStageToTheStageTheMemberIsOnChangesNothing() {
    anaLeadsAndBobFollows();
    TableSnapshot before = f.snapshot();

    assertThat(f.say(ana, "set-stage @bob 1").plainText())
        .isEqualTo("bob is already on stage 1.\n");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void setStageOfAMemberWhoHasNotStartedSaysSoAndSendsNothing() {
    f.say(ana, "start");
    f.say(bob, "tz UTC"); // known by a setting (reading stores nobody), not started
    TableSnapshot before = f.snapshot();

    assertThat(f.say(ana, "set-stage @bob 2").plainText())
        .startsWith("bob has not started the roadmap yet");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void setStageToTheLastStageThenFinishingItGraduates() {
    anaLeadsAndBobFollows();
    f.say(ana, "set-stage @bob 15");

    Reply last = f.finishStage(bob);

    assertThat(last.plainText()).startsWith("🎓 You have finished the Machine Learning Engineer");
    assertThat(f.say(bob, "status").plainText()).startsWith("🎓 Graduated: all 15 stages done");
    assertThat(f.say(bob, "quiz").plainText())
        .startsWith("🎓 You have graduated, and there is no question you missed last time");
  }

  @Test
  void aLeadSetsTheChannelsQuizSlotZoneAndReminderMode() {
    f.say(ana, "start");

    assertThat(f.say(ana, "quiz-day wed 16:30").plainText())
        .startsWith("📝 The weekly quiz for #general now goes out on Wednesdays at 16:30 (UTC).");
    assertThat(f.say(ana, "channel-tz Asia/Tokyo").plainText())
        .startsWith("🕘 #general now runs on Asia/Tokyo");
    assertThat(f.say(ana, "reminders channel").plainText())
        .startsWith("📣 #general gets one daily post instead of a DM for each member.");

    ChannelRecord channel = general();
    assertThat(DayOfWeek.of(channel.getQuizDay())).isEqualTo(DayOfWeek.WEDNESDAY);
    assertThat(channel.getQuizTime()).isEqualTo(LocalTime.of(16, 30));
    assertThat(channel.getTimeZone()).isEqualTo("Asia/Tokyo");
    assertThat(channel.getReminderMode()).isEqualTo("channel");
  }

  @Test
  void theTeamListsTheStalestFirstAndMarksMembersStuckForAWeek() {
    f.say(ana, "start");
    f.say(bob, "start");
    Caller cy = f.caller("cy");
    f.say(cy, "start");
    f.after(Duration.ofDays(3)).say(ana, "done 1"); // Thursday
    f.after(Duration.ofDays(5)).say(cy, "done 1"); // next Tuesday: bob idle for 8 days

    List<String> lines = teamLines(f.say(ana, "team"));

    assertThat(lines)
        .containsExactly(
            "⚠️ bob · stage 1 (0/3) · last active Mon 2 Mar · streak 0 · quiz none · stuck",
            // joining is no progress: Thursday starts ana's streak, and a freeze a week covers
            // Friday and Monday
            "• ana (lead) · stage 1 (1/3) · last active Thu 5 Mar · streak 1 · quiz none",
            "• cy · stage 1 (1/3) · last active Tue 10 Mar · streak 1 · quiz none");
  }

  @Test
  void membersHiddenFromTheLeaderboardsStillShowToLeads() {
    anaLeadsAndBobFollows();
    f.say(bob, "leaderboard hide");

    assertThat(teamLines(f.say(ana, "team"))).anyMatch(line -> line.startsWith("• bob "));
  }

  @Test
  void exactlySevenDaysIdleIsNotYetStuck() {
    anaLeadsAndBobFollows();
    f.after(Duration.ofDays(7));

    assertThat(teamLines(f.say(ana, "team"))).noneMatch(line -> line.contains("stuck"));
  }

  @Test
  void theTeamShowsEachMembersLastQuizScore() {
    anaLeadsAndBobFollows();
    f.takeQuiz(bob, 3);

    assertThat(teamLines(f.say(ana, "team")))
        .anyMatch(line -> line.startsWith("• bob") && line.contains("quiz 3/5"));
  }

  @Test
  void aBigTeamShowsTwentyLinesAndCountsTheRest() {
    f.say(ana, "start");
    for (int i = 1; i <= 24; i++) {
      f.after(Duration.ofMinutes(1)).say(f.caller("m" + i), "start");
    }

    Reply team = f.say(ana, "team");

    assertThat(team.plainText()).startsWith("👥 #general: 25 members on the roadmap");
    assertThat(teamLines(team)).hasSize(20);
    assertThat(teamLines(team).getFirst()).startsWith("• ana ");
    assertThat(team.plainText()).contains("…and 5 more. Everyone, as a file: /roadmap team csv");
  }

  @Test
  void teamCsvAttachesEveryoneStalestFirstWithFieldsEscaped() {
    f.say(ana, "start");
    Caller odd = f.member("U0ODD", "Lima, \"Sam\"", Optional.empty(), false);
    f.after(Duration.ofMinutes(1)).say(odd, "start");
    Caller formula = f.member("U0EQ", "=HYPERLINK(1)", Optional.empty(), false);
    f.after(Duration.ofMinutes(1)).say(formula, "start");
    f.after(Duration.ofMinutes(1)).say(ana, "done 1");

    Reply reply = f.say(ana, "team csv");

    assertThat(reply.plainText())
        .startsWith("The progress of everyone in #general, stalest first.");
    Attachment csv = reply.attachment().orElseThrow();
    assertThat(csv.fileName()).isEqualTo("team-general.csv");
    assertThat(csv.mediaType()).isEqualTo("text/csv");
    assertThat(csv.content().lines().toList())
        .containsExactly(
            "member,stage,stage_title,objectives_done,objectives_in_stage,points,streak_days,"
                + "last_active,last_quiz,stuck",
            // joining is no progress: no streak for those who only started (issue 23)
            "\"Lima, \"\"Sam\"\"\",1,Math & Statistics Fundamentals,0,3,0,0,"
                + "2026-03-02T10:01:00Z,,false",
            "'=HYPERLINK(1),1,Math & Statistics Fundamentals,0,3,0,0,2026-03-02T10:02:00Z,,false",
            "ana,1,Math & Statistics Fundamentals,1,3,10,1,2026-03-02T10:03:00Z,,false");
  }

  @Test
  void teamOfAnEmptyChannelSaysNobodyStarted() {
    Caller admin = f.in("quiet").admin("root");

    assertThat(f.in("quiet").say(admin, "team").plainText())
        .isEqualTo("Nobody in #quiet has started the roadmap yet.\n");
  }

  // ---- the caller is "you"; others are named

  @Test
  void aLeadNamingThemselfIsAnsweredAsYou() {
    f.say(ana, "start");

    assertThat(f.say(ana, "lead @ana").plainText()).isEqualTo("You already lead #general.\n");
    assertThat(f.say(ana, "set-stage @ana 3").plainText())
        .isEqualTo("You are now on stage 3: Data Wrangling & Preprocessing.\n");
    assertThat(f.say(ana, "set-stage @ana 3").plainText())
        .isEqualTo("You are already on stage 3.\n");
  }

  @Test
  void aLeadMovingThemselfIsNotSentANoticeAboutIt() {
    f.say(ana, "start");

    f.say(ana, "set-stage @ana 2");

    assertThat(f.dsl().fetchCount(io.roadmapcoach.db.schema.Tables.OUTBOX)).isZero();
  }

  @Test
  void aLeadCalledYouNeverReadsAsTheCaller() {
    Caller you = f.caller("you"); // the console's default member
    f.say(you, "start");
    f.say(bob, "start");

    assertThat(f.say(you, "lead @you").plainText()).isEqualTo("You already lead #general.\n");
    assertThat(f.say(bob, "team").plainText())
        .isEqualTo(
            "Only leads of #general and workspace admins can use /roadmap team. Its lead: \"you\"."
                + " Ask one of them to run it, or to make you a lead.\n");
    assertThat(f.after(Duration.ofMinutes(1)).say(you, "lead @bob").plainText())
        .isEqualTo("bob now leads #general.\n");
    assertThat(f.say(f.caller("cy"), "team").plainText()).contains("Its leads: \"you\", \"bob\".");
  }

  // ---- issue 23

  @Test
  void aLeadMustBeAMemberOfTheChannelAndNamingSomeoneOutsideItChangesNothing() {
    f.say(ana, "start");
    CoachFixture random = f.in("random");
    Caller chen = random.caller("chen");
    random.say(chen, "start");
    TableSnapshot before = f.snapshot();

    String refusal = f.say(ana, "lead @chen").plainText();

    assertThat(refusal)
        .startsWith("chen is not in #general, and a lead must be one of its members.")
        .contains("/roadmap start here, then /roadmap lead @chen again.");
    assertThat(f.snapshot()).isEqualTo(before);
    // and so chen cannot move anyone in #general
    assertThat(f.say(f.caller("chen"), "set-stage @ana 3").plainText())
        .startsWith("Only leads of #general");
  }

  @Test
  void anAdminOutsideTheChannelCannotNameThemselfItsLead() {
    f.say(ana, "start");
    CoachFixture random = f.in("random");
    random.say(random.caller("boss"), "start");
    TableSnapshot before = f.snapshot();

    assertThat(f.say(f.admin("boss"), "lead @boss").plainText())
        .startsWith("You are not in #general, so you cannot lead it: join it with /roadmap start");
    assertThat(f.snapshot().rows().get("channel_lead"))
        .isEqualTo(before.rows().get("channel_lead"));
  }

  @Test
  void theTeamShowsNoStreakForSomeoneWhoOnlyJoined() {
    anaLeadsAndBobFollows();
    f.say(ana, "done 1");

    List<String> lines = teamLines(f.say(ana, "team"));

    assertThat(lines)
        .anySatisfy(line -> assertThat(line).startsWith("• bob ").contains("· streak 0 ·"));
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).startsWith("• ana ").contains("· streak 1 ·"));
  }

  @Test
  void settingTheChannelsRemindersToWhatTheyAreSaysSoAndChangesNothing() {
    anaLeadsAndBobFollows();
    TableSnapshot before = f.snapshot();

    assertThat(f.say(ana, "reminders dm").plainText())
        .isEqualTo("#general sends its members' nudges by direct message already.\n");
    assertThat(f.snapshot()).isEqualTo(before);
  }
}
