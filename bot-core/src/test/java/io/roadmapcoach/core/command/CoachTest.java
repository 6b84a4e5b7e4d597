package io.roadmapcoach.core.command;

import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.action.ActionCodec;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The coach's front door: bad input gets a short, specific answer and changes nothing. */
@ExtendWith(PostgresExtension.class)
class CoachTest {
  private final CoachFixture f = CoachFixture.builtIn();
  private final Caller ana = f.caller("ana");

  @BeforeEach
  void anaIsOnStageOne() {
    f.say(ana, "start");
  }

  /** Says {@code text} and checks that no table changed; returns the answer. */
  private String refusedWithoutChange(Caller caller, String text) {
    TableSnapshot before = f.snapshot();
    Reply reply = f.say(caller, text);
    assertThat(f.snapshot()).as("stored data after '%s'", text).isEqualTo(before);
    return reply.plainText();
  }

  @Test
  void anUnknownSubcommandCloseToOneGetsAShortAnswerWithIt() {
    String reply = refusedWithoutChange(ana, "stauts");

    assertThat(reply)
        .isEqualTo(
            "I do not know /roadmap stauts. Did you mean /roadmap status? /roadmap help lists"
                + " every command.\n");
  }

  @Test
  void anUnknownSubcommandFarFromAnyPointsToHelpWithoutTheWholeList() {
    String reply = refusedWithoutChange(ana, "dance");

    assertThat(reply)
        .isEqualTo("I do not know /roadmap dance. /roadmap help lists every command.\n")
        .doesNotContain("For leads", "Roadmap Coach:");
  }

  @Test
  void anEmptyCommandStillShowsTheWholeHelp() {
    assertThat(refusedWithoutChange(ana, ""))
        .startsWith("Roadmap Coach: the Machine Learning Engineer roadmap, 15 stages")
        .contains("/roadmap snooze off", "For leads");
  }

  @Test
  void tabsSeparateWordsLikeSpaces() {
    assertThat(f.say(ana, "/roadmap\tdone\t3").plainText())
        .startsWith("✅ Objective 3 of stage 1 done");
    assertThat(f.say(ana, "undo\u00a03").plainText()).startsWith("↩️ Objective 3 of stage 1");
  }

  @Test
  void aGluedOrMisspeltRoadmapIsAnsweredWithWhatItMostLikelyMeans() {
    assertThat(refusedWithoutChange(ana, "/roadmapstatus"))
        .isEqualTo("I do not know /roadmapstatus. Did you mean /roadmap status?\n");
    assertThat(refusedWithoutChange(ana, "/roadmp\tdone 2"))
        .isEqualTo("I do not know /roadmp done 2. Did you mean /roadmap done 2?\n");
    assertThat(refusedWithoutChange(ana, "/raodmapstauts"))
        .isEqualTo("I do not know /raodmapstauts. Did you mean /roadmap status?\n");
    assertThat(refusedWithoutChange(ana, "/leaderboard all"))
        .isEqualTo("I do not know /leaderboard all. Did you mean /roadmap leaderboard all?\n");
    assertThat(refusedWithoutChange(ana, "/weather today"))
        .isEqualTo(
            "I do not know /weather today. I only answer /roadmap commands. /roadmap help lists"
                + " every command.\n");
  }

  @Test
  void aLongBadArgumentIsEchoedCutToFortyCharacters() {
    String pasted = "x".repeat(5_000);
    String echo = "x".repeat(40) + "…";

    assertThat(refusedWithoutChange(ana, "done " + pasted))
        .startsWith(echo + " is not an objective of stage 1")
        .doesNotContain("x".repeat(41));
    assertThat(refusedWithoutChange(ana, "stage " + pasted))
        .startsWith("There is no stage " + echo + ": stages run from 1 to 15.");
    assertThat(refusedWithoutChange(ana, "tz " + pasted))
        .startsWith(echo + " is not a time zone I know.");
    assertThat(refusedWithoutChange(ana, "remind at " + pasted))
        .startsWith(echo + " is not a time;");
    assertThat(refusedWithoutChange(ana, "status @" + pasted))
        .startsWith("I do not know @" + "x".repeat(39) + "… here.");
    assertThat(refusedWithoutChange(ana, pasted))
        .isEqualTo("I do not know /roadmap " + echo + ". /roadmap help lists every command.\n");
    assertThat(refusedWithoutChange(ana, "/roadmap" + pasted))
        .startsWith("I do not know /roadmap" + "x".repeat(32) + "…. I only answer");
  }

  @Test
  void doneOutsideTheStageNamesTheValidRangeOfTheCurrentStage() {
    assertThat(refusedWithoutChange(ana, "done 9"))
        .startsWith(
            "9 is not an objective of stage 1 (Math & Statistics Fundamentals): it has objectives"
                + " 1 to 3. Try /roadmap done 2.");
    assertThat(refusedWithoutChange(ana, "done x"))
        .startsWith("x is not an objective of stage 1 (Math & Statistics Fundamentals)")
        .contains("objectives 1 to 3");
    assertThat(refusedWithoutChange(ana, "undo 0")).contains("objectives 1 to 3");
  }

  @Test
  void stageOutsideTheRoadmapSaysStagesRunFromOneToFifteen() {
    assertThat(refusedWithoutChange(ana, "stage 16"))
        .startsWith("There is no stage 16: stages run from 1 to 15.");
  }

  @Test
  void anUnknownTimeZoneIsRefusedAndTheMembersZoneIsKept() {
    assertThat(refusedWithoutChange(ana, "tz Mars/Olympus"))
        .startsWith("Mars/Olympus is not a time zone I know.");
    assertThat(f.dsl().fetchValue(MEMBER.TIME_ZONE, MEMBER.EXTERNAL_ID.eq("ana"))).isNull();
  }

  @Test
  void anImpossibleReminderTimeNamesTheRightForm() {
    assertThat(refusedWithoutChange(ana, "remind at 25:00"))
        .startsWith("25:00 is not a time; try /roadmap remind at 09:30");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "snooze 0d",
        "snooze 45d",
        "leaderboard monthly",
        "remind days sometimes",
        "quiz now",
        "next please",
        "set-stage @ana 99",
        "lead ana",
        "status ana bob"
      })
  void everyOtherBadInputIsAnsweredAndChangesNothing(String text) {
    assertThat(refusedWithoutChange(ana, text)).isNotBlank().doesNotContain("Exception");
  }

  @ParameterizedTest
  @ValueSource(strings = {"status", "done 1", "undo 1", "next", "quiz", "stage"})
  void aCommandBeforeStartTellsTheMemberToStart(String text) {
    Caller bob = f.caller("bob");
    f.say(bob, "stages"); // bob is known, but not enrolled

    String reply = refusedWithoutChange(bob, text);

    if (text.equals("stage")) {
      assertThat(reply).contains("Start with /roadmap start.");
    } else {
      assertThat(reply)
          .isEqualTo(
              "You have not started the roadmap yet. Type /roadmap start to begin with stage 1:"
                  + " Math & Statistics Fundamentals.\n");
    }
  }

  @Test
  void startingTwiceSaysWhichStageTheMemberIsAlreadyOn() {
    f.say(ana, "done 1");

    assertThat(refusedWithoutChange(ana, "start"))
        .startsWith(
            "You are already in #general, on stage 1 of 15: Math & Statistics Fundamentals.");
    assertThat(f.dsl().fetchCount(ENROLLMENT)).isEqualTo(1);
  }

  @Test
  void startingTwiceLaterNamesTheLaterStage() {
    Caller lead = f.admin("lee");
    f.say(lead, "set-stage @ana 4");

    assertThat(refusedWithoutChange(ana, "start"))
        .startsWith("You are already in #general, on stage 4 of 15: Exploratory Data Analysis");
  }

  @Test
  void aForgedOrStaleButtonIdIsRefusedPolitelyAndChangesNothing() {
    TableSnapshot before = f.snapshot();

    Reply reply = f.press(ana, "rc:d:1:x");

    assertThat(reply.plainText())
        .startsWith("That button is not one I can use (it may be from an old message).");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void aMarkDoneButtonFromAnEarlierStageChangesNothing() {
    f.say(f.admin("lee"), "set-stage @ana 2");

    TableSnapshot before = f.snapshot();
    Reply reply = f.press(ana, ActionCodec.encode(new Action.MarkDone(1, 2)));

    assertThat(reply.plainText())
        .startsWith("That button was for stage 1; you are on stage 2 now.");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void helpListsMemberAndLeadCommandsAndChangesNothing() {
    TableSnapshot before = f.snapshot();

    String help = f.say(ana, "help").plainText();

    assertThat(help).contains("/roadmap start", "/roadmap team [csv]", "For leads");
    assertThat(f.say(ana, "").plainText()).isEqualTo(help);
    assertThat(f.snapshot()).isEqualTo(before);
  }

  // ---- issue 23: reading stores nothing about someone who never started

  @ParameterizedTest
  @ValueSource(
      strings = {
        "status",
        "status @ana",
        "stages",
        "stage 3",
        "stage",
        "settings",
        "leaderboard",
        "leaderboard all",
        "holidays",
        "help",
        "quiz-day",
        "team",
        "done 1",
        "quiz",
        "next",
        "leave",
        "export",
        "buddy"
      })
  void aCommandThatOnlyReadsStoresNothingAboutSomeoneWhoNeverStarted(String text) {
    Caller newbie = f.caller("newbie");

    String reply = refusedWithoutChange(newbie, text);

    assertThat(reply).isNotBlank();
    assertThat(f.dsl().fetchCount(MEMBER, MEMBER.EXTERNAL_ID.eq("newbie"))).isZero();
  }

  @Test
  void aWorkspaceAdminReadingTheTeamIsAnsweredAndNotKept() {
    Caller boss = f.admin("boss");

    String reply = refusedWithoutChange(boss, "team");

    assertThat(reply).startsWith("👥 #general: 1 member on the roadmap");
  }

  @Test
  void aSettingOfTheirOwnKeepsSomeoneWhoNeverStarted() {
    Caller newbie = f.caller("newbie");

    f.say(newbie, "tz Europe/Berlin");

    assertThat(f.dsl().fetchOne(MEMBER, MEMBER.EXTERNAL_ID.eq("newbie")).getTimeZone())
        .isEqualTo("Europe/Berlin");
  }

  @Test
  void startingKeepsThemOfCourse() {
    Caller newbie = f.caller("newbie");

    f.say(newbie, "start");

    assertThat(f.dsl().fetchCount(ENROLLMENT)).isEqualTo(2);
  }
}
