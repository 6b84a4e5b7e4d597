package io.roadmapcoach.core.progress;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_LEAD;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.action.ActionCodec;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Span;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.Concurrently;
import io.roadmapcoach.core.testing.RoadmapFiles;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.schema.tables.records.ProgressEventRecord;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Enrolling, checking objectives off, advancing, and seeing where you are. */
@ExtendWith(PostgresExtension.class)
class ProgressServiceTest {
  private final CoachFixture f = CoachFixture.builtIn();
  private final Caller ana = f.caller("ana");

  private int objectivesDone(Caller caller) {
    return f.dsl().fetchCount(OBJECTIVE_DONE, OBJECTIVE_DONE.MEMBER_ID.eq(f.memberId(caller)));
  }

  @Test
  void startEnrollsOnStageOneInThisChannelAndWelcomes() {
    Reply reply = f.say(ana, "start");

    assertThat(reply.plainText())
        .startsWith("Welcome to the Machine Learning Engineer roadmap, ana!")
        .contains("15 stages lie ahead. You start on stage 1: Math & Statistics Fundamentals")
        .contains("1. Learn the foundations of linear algebra");
    var enrollment = f.enrollment(ana);
    assertThat(enrollment.getStage()).isEqualTo(1);
    assertThat(enrollment.getPoints()).isZero();
    assertThat(enrollment.getChannelId()).isEqualTo(f.channelId("general"));
    assertThat(f.events(ana)).extracting(ProgressEventRecord::getKind).containsExactly("enrolled");
  }

  @Test
  void theWelcomeNamesTheNudgeTimeTheMemberChoseBeforeStarting() {
    assertThat(f.say(ana, "start").plainText())
        .contains("A nudge comes each weekday at 09:00 your time");

    Caller bob = f.caller("bob");
    f.say(bob, "remind at 07:15");
    f.say(bob, "remind days daily");
    assertThat(f.say(bob, "start").plainText())
        .contains("A nudge comes every day at 07:15 your time");

    Caller cy = f.caller("cy");
    f.say(cy, "remind off");
    assertThat(f.say(cy, "start").plainText())
        .contains("Daily nudges are off (/roadmap remind on turns them on).");
  }

  @Test
  void joiningIsNoDayOfTheStreak() {
    f.say(ana, "start");

    assertThat(f.enrollment(ana).getStreakDays()).isZero();
  }

  @Test
  void doneChecksTheObjectiveOffForTenPointsAndSaysWhatIsNext() {
    f.say(ana, "start");

    Reply reply = f.say(ana, "done 2");

    assertThat(reply.plainText())
        .startsWith("✅ Objective 2 of stage 1 done (+10 points, 10 in all)")
        .contains("1/3 1 of 3 objectives of this stage")
        .contains("Next: objective 1");
    assertThat(reply.buttons())
        .extracting(Button::actionId)
        .contains(ActionCodec.encode(new Action.MarkDone(1, 1)));
    assertThat(f.enrollment(ana).getPoints()).isEqualTo(10);
    assertThat(objectivesDone(ana)).isEqualTo(1);
  }

  @Test
  void doneTwiceCountsOnce() {
    f.say(ana, "start");
    f.say(ana, "done 1");

    TableSnapshot before = f.snapshot();
    Reply again = f.say(ana, "done 1");

    assertThat(again.plainText()).startsWith("Objective 1 of stage 1 is already checked off.");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void aDoubleClickOnDoneCountsOnce() throws Exception {
    f.say(ana, "start");
    String button = ActionCodec.encode(new Action.MarkDone(1, 1));

    List<Reply> replies = Concurrently.run(8, () -> f.press(ana, button));

    assertThat(f.enrollment(ana).getPoints()).isEqualTo(10);
    assertThat(objectivesDone(ana)).isEqualTo(1);
    assertThat(replies)
        .allSatisfy(r -> assertThat(r.plainText()).doesNotContain("something went wrong"));
  }

  @Test
  void startFromTwoInstancesAtOnceEnrollsOnce() throws Exception {
    List<Reply> replies = Concurrently.run(4, () -> f.say(ana, "start"));

    assertThat(f.dsl().fetchCount(ENROLLMENT)).isEqualTo(1);
    assertThat(f.events(ana)).hasSize(1);
    assertThat(replies).filteredOn(r -> r.plainText().startsWith("Welcome")).hasSize(1);
  }

  @Test
  void theMarkDoneButtonOfTheCurrentStageChecksOff() {
    f.say(ana, "start");

    Reply reply = f.press(ana, ActionCodec.encode(new Action.MarkDone(1, 3)));

    assertThat(reply.plainText()).startsWith("✅ Objective 3 of stage 1 done");
    assertThat(objectivesDone(ana)).isEqualTo(1);
  }

  @Test
  void undoReopensTheObjectiveAndTakesTheTenPointsBack() {
    f.say(ana, "start");
    f.say(ana, "done 1");
    f.say(ana, "done 2");

    Reply reply = f.say(ana, "undo 1");

    assertThat(reply.plainText())
        .startsWith("↩️ Objective 1 of stage 1 is open again (-10 points)");
    assertThat(f.enrollment(ana).getPoints()).isEqualTo(10);
    assertThat(objectivesDone(ana)).isEqualTo(1);
    assertThat(f.events(ana))
        .extracting(ProgressEventRecord::getKind, ProgressEventRecord::getPoints)
        .endsWith(tuple("objective_undone", -10));
  }

  @Test
  void undoOfAnOpenObjectiveChangesNothing() {
    f.say(ana, "start");
    TableSnapshot before = f.snapshot();

    Reply reply = f.say(ana, "undo 2");

    assertThat(reply.plainText())
        .startsWith("Objective 2 of stage 1 is not checked off, so there is nothing to undo.");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void statusShowsStageObjectivesPointsStreakAndTheNextStep() {
    f.say(ana, "start");
    f.say(ana, "done 1");

    Reply status = f.say(ana, "status");

    assertThat(status.plainText())
        .startsWith("Stage 1 of 15: Math & Statistics Fundamentals")
        .contains("✅ 1. Learn the foundations")
        .contains("⬜ 2. Understand statistics")
        .contains("1/45 1 of 45 objectives across the roadmap")
        .contains("Points: 10")
        .contains("Streak: 1 day · today done ✅")
        .contains("Stage quiz: not passed yet")
        .contains("Reminders: weekdays at 09:00")
        .contains("Next: objective 2");
    assertThat(status.buttons())
        .extracting(Button::label)
        .containsExactly("Mark objective 2 done", "Take the stage quiz");
  }

  @Test
  void statusOfAnotherMemberShowsTheirsWithoutButtons() {
    f.say(ana, "start");
    f.say(ana, "done 1");
    Caller bob = f.caller("bob");

    Reply status = f.say(bob, "status @ana");

    assertThat(status.plainText()).startsWith("ana · Stage 1 of 15").contains("Points: 10");
    assertThat(status.buttons()).isEmpty();
    assertThat(f.say(bob, "status @zed").plainText()).startsWith("I do not know @zed here.");
    f.say(f.caller("cy"), "tz UTC"); // known by a setting (reading stores nobody), not started
    assertThat(f.say(bob, "status @cy").plainText())
        .startsWith("cy has not started the roadmap yet.");
  }

  @Test
  void stagesListsEveryStageAndMarksWhereTheMemberIs() {
    f.say(ana, "start");
    f.say(f.admin("lee"), "set-stage @ana 3");

    String stages = f.say(ana, "stages").plainText();

    assertThat(stages)
        .startsWith("Machine Learning Engineer roadmap: 15 stages")
        .contains("✅ 1. Math & Statistics Fundamentals")
        .contains("👉 3. Data Wrangling & Preprocessing  ← you are here")
        .contains("⬜ 15. Continuous Learning & Professional Development")
        .contains("/roadmap stage 7 shows any stage's objectives.");
  }

  @Test
  void theStagesHintNamesAStageOfTheLoadedRoadmap(@TempDir Path dir) {
    CoachFixture tiny = CoachFixture.of(RoadmapFiles.generated(dir, 2, 2, 10));
    Caller bo = tiny.caller("bo");
    tiny.say(bo, "start");

    String stages = tiny.say(bo, "stages").plainText();

    assertThat(stages).startsWith("Tiny Test roadmap: 2 stages").contains("/roadmap stage 2 shows");
    assertThat(tiny.say(bo, "stage 2").plainText()).startsWith("Stage 2 of 2: Stage 2 Title");
  }

  @Test
  void stageShowsAnyStagesObjectivesAndTheMembersOwnWithoutANumber() {
    f.say(ana, "start");
    f.say(ana, "done 3");

    assertThat(f.say(ana, "stage").plainText())
        .startsWith("Stage 1 of 15: Math & Statistics Fundamentals")
        .contains("✅ 3. Practice applying")
        .contains("This is your stage.");
    assertThat(f.say(ana, "stage 7").plainText())
        .startsWith("Stage 7 of 15: Supervised Learning")
        .contains("⬜ 1. Understand supervised learning")
        .contains("You are on stage 1.");
  }

  @Test
  void nextNeedsEveryObjectiveAndAPassedQuizAndSaysWhichIsMissing() {
    f.say(ana, "start");
    f.say(ana, "done 2");

    assertThat(f.say(ana, "next").plainText())
        .startsWith(
            "Not yet: to leave stage 1 objectives 1, 3 still need checking off (/roadmap done 1),"
                + " and the stage quiz needs a pass (/roadmap quiz).");

    f.checkOffStage(ana);
    assertThat(f.say(ana, "next").plainText())
        .startsWith("Not yet: to leave stage 1 the stage quiz needs a pass (/roadmap quiz).");
    assertThat(f.enrollment(ana).getStage()).isEqualTo(1);
  }

  @Test
  void aPassedQuizAloneDoesNotOpenTheNextStage() {
    f.say(ana, "start");
    f.passQuiz(ana);
    f.say(ana, "done 1");

    assertThat(f.say(ana, "next").plainText())
        .startsWith("Not yet: to leave stage 1 objectives 2, 3 still need checking off")
        .doesNotContain("quiz needs a pass");
    assertThat(f.enrollment(ana).getStage()).isEqualTo(1);
  }

  @Test
  void nextWithEverythingDoneMovesOnForFiftyPoints() {
    f.say(ana, "start");
    f.checkOffStage(ana);
    f.passQuiz(ana);
    int before = f.enrollment(ana).getPoints();

    Reply reply = f.say(ana, "next");

    assertThat(reply.plainText())
        .startsWith("🎉 Stage 1 done! On to stage 2: Programming Languages & Tools")
        .contains("+50 points for finishing Math & Statistics Fundamentals.");
    assertThat(f.enrollment(ana).getStage()).isEqualTo(2);
    assertThat(f.enrollment(ana).getPoints()).isEqualTo(before + 50);
    assertThat(f.say(ana, "status").plainText())
        .contains("3/45 3 of 45 objectives across the roadmap");
  }

  @Test
  void finishingAStageAgainAfterALeadSetTheMemberBackPaysNothingTwice() {
    f.say(ana, "start");
    f.finishStage(ana);
    f.say(f.admin("lee"), "set-stage @ana 1");
    int before = f.enrollment(ana).getPoints();

    Reply again = f.say(ana, "next");

    assertThat(again.plainText()).startsWith("🎉 Stage 1 done!").doesNotContain("+50");
    assertThat(f.enrollment(ana).getPoints()).isEqualTo(before);
  }

  @Test
  void theLastStageGraduatesTheMemberAndStopsNudges(@TempDir Path dir) {
    CoachFixture tiny = CoachFixture.of(RoadmapFiles.generated(dir, 2, 2, 10));
    Caller bo = tiny.caller("bo");
    tiny.say(bo, "start");
    tiny.finishStage(bo);

    Reply last = tiny.finishStage(bo);

    assertThat(last.plainText())
        .startsWith("🎓 You have finished the Tiny Test roadmap!")
        .contains("+50 points for the last stage. All 2 stages are done.");
    assertThat(tiny.enrollment(bo).getGraduatedAt()).isNotNull();
    assertThat(tiny.enrollment(bo).getStage()).isEqualTo(2);
    assertThat(tiny.dsl().fetchValue(MEMBER.REMIND_ENABLED, MEMBER.EXTERNAL_ID.eq("bo"))).isFalse();
    assertThat(tiny.say(bo, "status").plainText())
        .startsWith("🎓 Graduated: all 2 stages done")
        .contains("/roadmap quiz reviews questions you missed");
    assertThat(tiny.say(bo, "next").plainText())
        .startsWith("🎓 You have already finished all 2 stages.");
    assertThat(tiny.say(bo, "done 1").plainText())
        .startsWith("🎓 You have finished the roadmap: there is nothing left to check off.");
  }

  @Test
  void theFirstMemberOfAChannelBecomesItsLeadAndGivesItTheirTimeZone() {
    Caller kai = f.caller("kai", "Pacific/Auckland");

    Reply welcome = f.say(kai, "start");
    f.say(ana, "start");

    assertThat(welcome.plainText())
        .contains("You are the first member in #general, so you are its lead");
    assertThat(f.dsl().fetchValue(CHANNEL.TIME_ZONE, CHANNEL.EXTERNAL_ID.eq("general")))
        .isEqualTo("Pacific/Auckland");
    assertThat(f.dsl().fetch(CHANNEL_LEAD).getValues(CHANNEL_LEAD.MEMBER_ID))
        .containsExactly(f.memberId(kai));
  }

  @Test
  void aMemberEnrollsOnceWhateverChannelTheyStartFrom() {
    f.say(ana, "start");

    Reply elsewhere = f.in("random").say(f.in("random").caller("ana"), "start");

    assertThat(elsewhere.plainText())
        .startsWith("👋 You joined #random; your progress comes with you: stage 1 of 15");
    assertThat(f.dsl().fetchCount(ENROLLMENT)).isEqualTo(1);
    assertThat(f.enrollment(ana).getChannelId()).isEqualTo(f.channelId("general"));
  }

  @Test
  void statusOnALaterDayWithoutActivityShowsTheStreakAtRisk() {
    f.say(ana, "start"); // Monday
    f.say(ana, "done 2"); // Monday's progress
    f.after(Duration.ofDays(1)).say(ana, "done 1"); // Tuesday
    f.after(Duration.ofDays(2)); // Thursday: Wednesday was missed, the week's freeze covers it

    Reply status = f.say(ana, "status");

    assertThat(fields(status)).containsEntry("Streak", "2 days · study today to keep it!");
    assertThat(fields(status)).containsEntry("Freeze", "used this week");
  }

  private static Map<String, String> fields(Reply reply) {
    Map<String, String> fields = new LinkedHashMap<>();
    reply.blocks().stream()
        .filter(Block.Fields.class::isInstance)
        .flatMap(b -> ((Block.Fields) b).fields().stream())
        .forEach(field -> fields.put(field.label(), field.value().plainText()));
    return fields;
  }

  // ---- the next nudge, resources, the move-on button

  private static List<Span.Link> links(Reply reply) {
    return reply.blocks().stream()
        .flatMap(
            block ->
                switch (block) {
                  case Block.Section section -> section.text().spans().stream();
                  case Block.Context context -> context.text().spans().stream();
                  default -> java.util.stream.Stream.<Span>empty();
                })
        .filter(Span.Link.class::isInstance)
        .map(Span.Link.class::cast)
        .toList();
  }

  @Test
  void aMemberWhoStartsInAChannelThatPostsIsToldTheirNudgeComesInThePost() {
    f.say(ana, "start");
    f.say(ana, "reminders channel");
    Caller bob = f.caller("bob");

    assertThat(f.say(bob, "start").plainText())
        .contains("Your nudge comes in #general's daily post (09:00 UTC, weekdays;")
        .doesNotContain("A nudge comes each weekday");
  }

  @Test
  void statusSaysWhenTheWeeklyQuizAndTheEveningWarningCome() {
    f.say(ana, "start");
    f.say(ana, "remind evening on");

    assertThat(f.say(ana, "status").plainText())
        .contains("Weekly quiz: Fri 6 Mar 15:00, by DM")
        .contains("Evening warning: not tonight: ");
  }

  @Test
  void statusSaysWhenTheNextNudgeComes() {
    f.say(ana, "start"); // Monday 10:00 UTC: active today, and past 09:00

    assertThat(f.say(ana, "status").plainText()).contains("Next nudge: Tue 3 Mar 09:00");
    f.say(ana, "remind off");
    assertThat(f.say(ana, "status").plainText()).doesNotContain("Next nudge");
    f.say(ana, "remind on");
    f.say(ana, "remind channel");
    assertThat(f.say(ana, "status").plainText())
        .as("the channel's post has its own time")
        .doesNotContain("Next nudge");
  }

  @Test
  void theNextNudgeKeepsTheMembersClockTimeAcrossAChangeToSummerTime() {
    Caller kai = f.caller("kai", "Europe/Berlin");
    // Friday 27 March 2026; Berlin moves its clocks forward on Sunday 29 March
    f.at("2026-03-27T09:30", "Europe/Berlin").say(kai, "start");

    assertThat(f.say(kai, "status").plainText()).contains("Next nudge: Mon 30 Mar 09:00");
    assertThat(f.at("2026-03-28T12:00", "Europe/Berlin").say(kai, "status").plainText())
        .contains("Next nudge: Mon 30 Mar 09:00");

    // 09:00 in Berlin is 07:00 UTC after the change (08:00 UTC before it)
    NudgeSweep sweep = new NudgeSweep(f.dsl(), f.services().transactions());
    assertThat(sweep.sweep(Instant.parse("2026-03-30T06:59:00Z"))).isZero();
    assertThat(sweep.sweep(Instant.parse("2026-03-30T07:00:00Z"))).isEqualTo(1);
  }

  @Test
  void stageListsEachObjectivesResourcesAsLinksWithPublisherAndCost() {
    Reply stage = f.say(ana, "stage 1");

    assertThat(stage.plainText())
        .contains(
            "⬜ 1. Learn the foundations of linear algebra, calculus and probability theory.\n"
                + "      📖 Mathematics for Machine Learning · Deisenroth, Faisal, Ong (Cambridge"
                + " University Press) · free\n"
                + "      📖 18.06 Linear Algebra (Gilbert Strang) · MIT OpenCourseWare · free");
    assertThat(links(stage))
        .contains(new Span.Link("Mathematics for Machine Learning", "https://mml-book.github.io/"))
        .hasSizeGreaterThanOrEqualTo(2 * f.roadmap().stage(1).objectiveCount())
        .allMatch(link -> link.url().startsWith("https://"));
  }

  @Test
  void aRoadmapWithoutResourcesShowsNone(@TempDir Path dir) {
    CoachFixture tiny = CoachFixture.of(RoadmapFiles.generated(dir, 2, 2, 10));
    Caller bo = tiny.caller("bo");
    tiny.say(bo, "start");

    assertThat(tiny.say(bo, "stage 1").plainText()).doesNotContain("📖");
    assertThat(tiny.say(bo, "status").plainText()).doesNotContain("📖");
  }

  @Test
  void statusAndDoneOfferTheNextObjectivesFirstResource() {
    f.say(ana, "start");

    Reply status = f.say(ana, "status");
    Reply done = f.say(ana, "done 1");

    assertThat(status.plainText())
        .contains(
            "Next: objective 1 - Learn the foundations of linear algebra, calculus and probability"
                + " theory. 📖 Start with Mathematics for Machine Learning (Deisenroth, Faisal, Ong"
                + " (Cambridge University Press), free). Then /roadmap done 1.");
    assertThat(links(status))
        .containsExactly(
            new Span.Link("Mathematics for Machine Learning", "https://mml-book.github.io/"));
    assertThat(done.plainText())
        .contains("Next: objective 2", "📖 Start with OpenIntro Statistics");
  }

  @Test
  void whenEverythingIsDoneStatusAndTheLastDoneOfferAMoveOnButtonThatAdvances() {
    f.say(ana, "start");
    f.say(ana, "done 1");
    f.say(ana, "done 2");
    f.passQuiz(ana);

    Reply lastDone = f.say(ana, "done 3");
    Reply status = f.say(ana, "status");

    assertThat(lastDone.buttons()).extracting(Button::label).containsExactly("Move on to stage 2");
    assertThat(status.buttons()).extracting(Button::label).containsExactly("Move on to stage 2");
    String moveOn = status.buttons().getFirst().actionId();
    assertThat(moveOn).isEqualTo(ActionCodec.encode(new Action.MoveOn(1)));

    assertThat(f.press(ana, moveOn).plainText())
        .startsWith("🎉 Stage 1 done! On to stage 2: Programming Languages & Tools")
        .contains("+50 points");
    assertThat(f.enrollment(ana).getStage()).isEqualTo(2);

    TableSnapshot before = f.snapshot();
    assertThat(f.press(ana, lastDone.buttons().getFirst().actionId()).plainText())
        .startsWith("That button was for stage 1; you are on stage 2 now.");
    assertThat(f.snapshot()).as("an old button moves nobody twice").isEqualTo(before);
  }

  @Test
  void passingTheQuizWithEveryObjectiveDoneOffersTheMoveOnButtonToo() {
    f.say(ana, "start");
    f.checkOffStage(ana);

    Reply result = f.passQuiz(ana);

    assertThat(result.buttons()).extracting(Button::label).containsExactly("Move on to stage 2");
  }

  @Test
  void theMoveOnButtonBeforeTheStageIsFinishedSaysWhatIsMissing() {
    f.say(ana, "start");
    f.say(ana, "done 1");
    TableSnapshot before = f.snapshot();

    assertThat(f.press(ana, ActionCodec.encode(new Action.MoveOn(1))).plainText())
        .startsWith("Not yet: to leave stage 1 objectives 2, 3 still need checking off");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void theLastStagesButtonFinishesTheRoadmap(@TempDir Path dir) {
    CoachFixture tiny = CoachFixture.of(RoadmapFiles.generated(dir, 1, 2, 10));
    Caller bo = tiny.caller("bo");
    tiny.say(bo, "start");
    tiny.checkOffStage(bo);
    tiny.passQuiz(bo);

    Button finish = tiny.say(bo, "status").buttons().getFirst();

    assertThat(finish.label()).isEqualTo("Finish the roadmap 🎓");
    assertThat(tiny.press(bo, finish.actionId()).plainText()).startsWith("🎓 You have finished");
  }

  @Test
  void namingYourselfInStatusIsYourOwnStatus() {
    f.say(ana, "start");

    Reply status = f.say(ana, "status @ana");

    assertThat(status.plainText()).startsWith("Stage 1 of 15").doesNotContain("ana ·");
    assertThat(status.buttons()).isNotEmpty();
  }

  // ---- issue 23

  @Test
  void rightAfterStartThereIsNoStreakAndTodayIsNotDone() {
    f.say(ana, "start");

    Reply status = f.say(ana, "status");

    assertThat(fields(status)).containsEntry("Streak", "0 days · not yet today");
    assertThat(status.plainText()).doesNotContain("today done");
    assertThat(f.enrollment(ana).getLastActiveDate()).isNull();
  }

  @Test
  void theFirstProgressStartsTheStreak() {
    f.say(ana, "start");

    f.say(ana, "done 1");

    assertThat(fields(f.say(ana, "status"))).containsEntry("Streak", "1 day · today done ✅");
  }

  @Test
  void aHiddenMembersPointsShowOnlyToThemselvesAndTheChannelsLeads() {
    f.say(ana, "start"); // the lead
    Caller eve = f.caller("eve");
    f.say(eve, "start");
    f.say(eve, "done 1");
    f.say(eve, "leaderboard hide");
    Caller bob = f.caller("bob");
    f.say(bob, "start");

    assertThat(fields(f.say(bob, "status @eve"))).doesNotContainKey("Points");
    assertThat(f.say(bob, "status @eve").plainText())
        .startsWith("eve · Stage 1")
        .doesNotContain("10");
    assertThat(fields(f.say(ana, "status @eve"))).containsEntry("Points", "10");
    assertThat(fields(f.say(f.admin("boss"), "status @eve"))).containsEntry("Points", "10");
    assertThat(fields(f.say(eve, "status"))).containsEntry("Points", "10");
    // shown again once she is back on the boards
    f.say(eve, "leaderboard show");
    assertThat(fields(f.say(bob, "status @eve"))).containsEntry("Points", "10");
  }
}
