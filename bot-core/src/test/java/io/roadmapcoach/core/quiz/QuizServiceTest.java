package io.roadmapcoach.core.quiz;

import static io.roadmapcoach.db.schema.Tables.QUESTION_BOX;
import static io.roadmapcoach.db.schema.Tables.QUIZ_ATTEMPT;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.action.ActionCodec;
import io.roadmapcoach.core.action.Buttons;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.Concurrently;
import io.roadmapcoach.core.testing.RoadmapFiles;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Quizzes: drawing, answering, scoring, refusing presses that must not count, reviewing. */
@ExtendWith(PostgresExtension.class)
class QuizServiceTest {
  private final CoachFixture f = CoachFixture.builtIn();
  private final Caller ana = f.caller("ana");

  private Attempt open(Caller caller) {
    return f.openQuiz(caller).orElseThrow();
  }

  private Set<String> questionIds(Attempt attempt) {
    Set<String> ids = new HashSet<>();
    attempt.questions().forEach(q -> ids.add(q.questionId()));
    return ids;
  }

  private Map<String, Integer> boxes(Caller caller) {
    return f.dsl()
        .select(QUESTION_BOX.QUESTION_ID, QUESTION_BOX.BOX)
        .from(QUESTION_BOX)
        .where(QUESTION_BOX.MEMBER_ID.eq(f.memberId(caller)))
        .fetchMap(QUESTION_BOX.QUESTION_ID, QUESTION_BOX.BOX);
  }

  private int points(Caller caller) {
    return f.enrollment(caller).getPoints();
  }

  /** Presses {@code id} and checks that no table changed; returns the answer. */
  private String refusedWithoutChange(Caller caller, String id) {
    TableSnapshot before = f.snapshot();
    Reply reply = f.press(caller, id);
    assertThat(f.snapshot()).as("stored data after pressing %s", id).isEqualTo(before);
    return reply.plainText();
  }

  @Test
  void aQuizDrawsFiveQuestionsOfTheMembersStageWithTheirOptionsAsButtons() {
    f.say(ana, "start");

    Reply reply = f.say(ana, "quiz");

    Attempt attempt = open(ana);
    assertThat(attempt.stage()).isEqualTo(1);
    assertThat(attempt.questions()).hasSize(5);
    assertThat(questionIds(attempt)).hasSize(5);
    assertThat(attempt.questions())
        .allSatisfy(
            q ->
                assertThat(f.services().bank().question(q.questionId()).orElseThrow().stage())
                    .isEqualTo(1));
    Question first =
        f.services().bank().question(attempt.questions().get(0).questionId()).orElseThrow();
    assertThat(reply.plainText())
        .startsWith("Stage 1 quiz · question 1 of 5")
        .contains(first.text())
        .contains("4 of 5 right passes");
    assertThat(reply.buttons())
        .extracting(Button::label)
        .containsExactlyInAnyOrderElementsOf(first.options());
  }

  @Test
  void aRightFirstAnswerIsWorthFivePointsAndShowsTheNextQuestionInPlace() {
    f.say(ana, "start");
    f.say(ana, "quiz");

    Reply reply = f.answer(ana, true);

    assertThat(reply.plainText()).startsWith("✅ Right: ").contains("+5 points.");
    assertThat(reply.plainText()).contains("Stage 1 quiz · question 2 of 5");
    assertThat(reply.replacesOriginal()).isTrue();
    assertThat(points(ana)).isEqualTo(5);
  }

  @Test
  void aWrongAnswerShowsTheRightOneAndEarnsNothing() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    Question q =
        f.services().bank().question(open(ana).questions().get(0).questionId()).orElseThrow();

    Reply reply = f.answer(ana, false);

    assertThat(reply.plainText())
        .startsWith("❌ Not quite. You chose \"")
        .contains("the answer is " + q.correctText() + ". " + q.explanation());
    assertThat(points(ana)).isZero();
  }

  @Test
  void fourOfFivePassesForTwentyPointsOnTopOfTheRightAnswers() {
    f.say(ana, "start");

    Reply result = f.takeQuiz(ana, 4);

    assertThat(result.plainText())
        .contains("🎉 Passed: 4 of 5 on Math & Statistics Fundamentals")
        .contains("+20 points for passing.")
        .contains("Worth revisiting:");
    assertThat(points(ana)).isEqualTo(4 * 5 + 20);
    assertThat(f.say(ana, "status").plainText()).contains("Stage quiz: passed ✅");
  }

  @Test
  void threeOfFiveFailsAndSaysTheMissedQuestionsComeBackFirst() {
    f.say(ana, "start");

    Reply result = f.takeQuiz(ana, 3);

    assertThat(result.plainText())
        .contains("Not this time: 3 of 5 on Math & Statistics Fundamentals")
        .contains("You need 4 of 5 to pass.");
    assertThat(points(ana)).isEqualTo(3 * 5);
    assertThat(f.dsl().fetchValue(QUIZ_ATTEMPT.PASSED)).isFalse();
  }

  @Test
  void passingTheSameStageAgainEarnsNoSecondTwentyAndSeenQuestionsNoSecondFive() {
    f.say(ana, "start");
    f.passQuiz(ana); // 5 new questions right: 25 + 20
    f.passQuiz(ana); // 5 more new questions right: 25, no second pass bonus
    assertThat(points(ana)).isEqualTo(45 + 25);

    int stageSize = f.services().bank().stage(1).size();
    int stillNew = Math.min(5, stageSize - 10);
    f.passQuiz(ana); // only the questions not met in the first 10 earn 5 each

    assertThat(points(ana)).isEqualTo(45 + 25 + 5 * stillNew);
  }

  @Test
  void passingWithEveryObjectiveDoneSaysNextMovesOn() {
    f.say(ana, "start");
    f.checkOffStage(ana);

    assertThat(f.passQuiz(ana).plainText())
        .contains("Every objective is done too, so /roadmap next moves you on.");
  }

  @Test
  void afterAFailedQuizTheNextOneAsksEveryMissedQuestionAgain() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    List<String> failed = questionOrder(open(ana));
    f.takeQuiz(ana, 0); // all 5 missed

    f.say(ana, "quiz");

    assertThat(questionOrder(open(ana))).containsExactlyInAnyOrderElementsOf(failed);
  }

  @Test
  void theQuestionsMissedComeFirstThenOnesNeverSeen() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    List<String> first = questionOrder(open(ana));
    Reply failed = f.takeQuiz(ana, 3); // 3 right (box 2), the last 2 missed (box 1)
    assertThat(failed.plainText()).contains("the questions you missed come back first");

    f.say(ana, "quiz");

    List<String> second = questionOrder(open(ana));
    assertThat(second.subList(0, 2))
        .as("the missed questions open the next quiz")
        .containsExactlyInAnyOrderElementsOf(first.subList(3, 5));
    assertThat(second.subList(2, 5))
        .as("then questions never seen, not the ones answered right")
        .doesNotContainAnyElementsOf(first);
    Map<String, Integer> boxes = boxes(ana);
    assertThat(second.subList(2, 5)).allSatisfy(id -> assertThat(boxes).doesNotContainKey(id));
  }

  private List<String> questionOrder(Attempt attempt) {
    return attempt.questions().stream().map(Attempt.Drawn::questionId).toList();
  }

  @Test
  void rightAnswersPromoteAQuestionAndAWrongOneSendsItBackToTheFirstBox() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    String questionId = open(ana).questions().get(0).questionId();
    f.answer(ana, true);
    assertThat(boxes(ana)).containsEntry(questionId, 2);

    f.takeQuiz(ana, 0); // finishes the first quiz with misses: the rest go to box 1

    assertThat(boxes(ana)).containsEntry(questionId, 2);
    assertThat(boxes(ana).values()).containsOnly(1, 2);
    assertThat(f.services().quizzes().missed(f.journey(ana))).hasSize(4);
  }

  @Test
  void aSecondPressOnAnAnsweredQuestionChangesNothing() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    String right = f.answerId(ana, true);
    f.press(ana, right);

    assertThat(refusedWithoutChange(ana, right))
        .isEqualTo(
            "You already answered question 1; answers count once. Carry on with /roadmap quiz.\n");
  }

  @Test
  void anotherAnswerToAnAnsweredQuestionChangesNothing() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    String wrong = f.answerId(ana, false);
    f.press(ana, f.answerId(ana, true));

    assertThat(refusedWithoutChange(ana, wrong)).startsWith("You already answered question 1");
  }

  @Test
  void twoPressesOfTheSameAnswerAtOnceCountOnce() throws Exception {
    f.say(ana, "start");
    f.say(ana, "quiz");
    String right = f.answerId(ana, true);

    List<Reply> replies = Concurrently.run(8, () -> f.press(ana, right));

    assertThat(points(ana)).isEqualTo(5);
    assertThat(f.dsl().fetchValue(QUESTION_BOX.TIMES_ANSWERED)).isEqualTo(1);
    assertThat(replies)
        .filteredOn(r -> r.plainText().startsWith("✅ Right"))
        .as("one press counted")
        .hasSize(1);
    assertThat(replies)
        .allSatisfy(r -> assertThat(r.plainText()).doesNotContain("something went wrong"));
  }

  @Test
  void aPressOnAnExpiredQuizChangesNoAnswerPointsOrBoxes() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    f.answer(ana, true);
    String next = f.answerId(ana, true);
    var answersBefore = f.snapshot().rows().get("quiz_question");
    int pointsBefore = points(ana);
    var boxesBefore = boxes(ana);

    f.after(Duration.ofDays(1).plusMinutes(1));
    Reply reply = f.press(ana, next);

    assertThat(reply.plainText())
        .startsWith("That quiz expired (a quiz stays open for a day). Start a fresh one with");
    assertThat(f.snapshot().rows().get("quiz_question")).isEqualTo(answersBefore);
    assertThat(points(ana)).isEqualTo(pointsBefore);
    assertThat(boxes(ana)).isEqualTo(boxesBefore);
    assertThat(f.dsl().fetchValue(QUIZ_ATTEMPT.STATUS)).isEqualTo("expired");
  }

  @Test
  void aPressOnAFinishedQuizChangesNothing() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    String first = f.answerId(ana, true);
    Attempt attempt = open(ana);
    f.takeQuiz(ana, 5);
    String anyAnswerOfIt = ActionCodec.encode(new Action.Answer(attempt.key(), 5, 0));

    assertThat(refusedWithoutChange(ana, first))
        .startsWith("That quiz is already finished. Another round: /roadmap quiz");
    assertThat(refusedWithoutChange(ana, anyAnswerOfIt))
        .startsWith("That quiz is already finished.");
  }

  @Test
  void aPressOnSomeoneElsesQuizChangesNothingAndSaysNeitherWhoseNorWhetherItExists() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    Caller bob = f.caller("bob");
    f.say(bob, "start");
    String anasButton = f.answerId(ana, true);

    assertThat(refusedWithoutChange(bob, anasButton))
        .isEqualToIgnoringNewLines("That button isn't for you.");
    Caller eve = f.caller("eve");
    f.say(eve, "tz UTC"); // known to the coach (a setting), never enrolled
    assertThat(refusedWithoutChange(eve, f.answerId(ana, false)))
        .isEqualToIgnoringNewLines("That button isn't for you.");
    // a key nobody has gets the very same answer: a press cannot tell which keys exist
    String nobodys = ActionCodec.encode(new Action.Answer(UUID.randomUUID(), 1, 0));
    assertThat(refusedWithoutChange(bob, nobodys))
        .isEqualToIgnoringNewLines("That button isn't for you.");
    assertThat(refusedWithoutChange(ana, nobodys))
        .isEqualToIgnoringNewLines("That button isn't for you.");
  }

  @Test
  void aPressFromAnotherWorkspaceOrPlatformWithTheSameUserIdIsNotForThem() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    String anasButton = f.answerId(ana, true);
    Caller sameIdElsewhere =
        new Caller(
            Platform.DISCORD,
            "another-guild",
            "Another guild",
            Origin.channel("general", "general"),
            ana.userId(),
            ana.userName(),
            false,
            Optional.empty(),
            Optional.empty());
    f.say(sameIdElsewhere, "start");
    f.say(sameIdElsewhere, "quiz");

    assertThat(refusedWithoutChange(sameIdElsewhere, anasButton))
        .isEqualToIgnoringNewLines("That button isn't for you.");
    assertThat(f.press(ana, anasButton).plainText()).doesNotContain("isn't for you");
  }

  @Test
  void quizButtonsNameTheAttemptByARandomKeyNotItsSequentialId() {
    f.say(ana, "start");
    Reply quiz = f.say(ana, "quiz");
    Attempt attempt = open(ana);

    List<String> ids = quiz.buttons().stream().map(Button::actionId).toList();
    assertThat(ids).isNotEmpty();
    String key = attempt.key().toString().replace("-", "");
    assertThat(ids).allSatisfy(id -> assertThat(id).startsWith("rc:a:" + key + ":1:"));
    // a sequential id, as buttons carried before, is no button of ours any more
    assertThat(f.press(ana, "rc:a:" + attempt.id() + ":1:0").plainText())
        .startsWith("That button is not one I can use");
  }

  @Test
  void pressesThatDoNotFitTheQuizChangeNothing() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    UUID id = open(ana).key();

    assertThat(refusedWithoutChange(ana, ActionCodec.encode(new Action.Answer(id, 2, 0))))
        .startsWith("Answer question 1 first.");
    assertThat(refusedWithoutChange(ana, ActionCodec.encode(new Action.Answer(id, 6, 0))))
        .startsWith("That question is not part of this quiz.");
    assertThat(refusedWithoutChange(ana, ActionCodec.encode(new Action.Answer(id, 1, 7))))
        .startsWith("That is not one of this question's options.");
    assertThat(
            refusedWithoutChange(
                ana, ActionCodec.encode(new Action.Answer(UUID.randomUUID(), 1, 0))))
        .isEqualToIgnoringNewLines("That button isn't for you.");
  }

  @Test
  void quizWhileOneIsOpenResumesItAtTheFirstUnansweredQuestion() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    long id = open(ana).id();
    f.answer(ana, true);
    f.answer(ana, false);

    Reply resumed = f.after(Duration.ofHours(5)).say(ana, "quiz");

    assertThat(resumed.plainText())
        .startsWith("Picking up your open quiz where you left it.")
        .contains("question 3 of 5");
    assertThat(open(ana).id()).isEqualTo(id);
    assertThat(f.dsl().fetchCount(QUIZ_ATTEMPT)).isEqualTo(1);
  }

  @Test
  void quizTwiceAtOnceOpensOneAttempt() throws Exception {
    f.say(ana, "start");

    List<Reply> replies = Concurrently.run(4, () -> f.say(ana, "quiz"));

    assertThat(f.dsl().fetchCount(QUIZ_ATTEMPT)).isEqualTo(1);
    assertThat(replies)
        .allSatisfy(r -> assertThat(r.plainText()).contains("Stage 1 quiz · question 1 of 5"));
  }

  @Test
  void quizAfterADayExpiresTheOpenOneAndStartsAFreshQuiz() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    long stale = open(ana).id();
    f.answer(ana, true);

    Reply fresh = f.after(Duration.ofDays(1)).say(ana, "quiz");

    assertThat(fresh.plainText()).startsWith("Stage 1 quiz · question 1 of 5");
    assertThat(open(ana).id()).isNotEqualTo(stale);
    assertThat(f.dsl().fetchValue(QUIZ_ATTEMPT.STATUS, QUIZ_ATTEMPT.ID.eq(stale)))
        .isEqualTo("expired");
  }

  @Test
  void theStartButtonStartsAQuizLikeTheCommand() {
    f.say(ana, "start");

    Reply reply = f.press(ana, Buttons.startQuiz("Take the stage quiz").actionId());

    assertThat(reply.plainText()).startsWith("Stage 1 quiz · question 1 of 5");
  }

  @Test
  void passingNeedsFourInFive() {
    assertThat(QuizService.passes(4, 5)).isTrue();
    assertThat(QuizService.passes(5, 5)).isTrue();
    assertThat(QuizService.passes(3, 5)).isFalse();
    assertThat(QuizService.passes(0, 5)).isFalse();
  }

  @Test
  void aGraduateReviewsTheQuestionsTheyMissedForNoPoints(@TempDir Path dir) {
    CoachFixture tiny = CoachFixture.of(RoadmapFiles.generated(dir, 2, 2, 10));
    Caller bo = tiny.caller("bo");
    tiny.say(bo, "start");
    tiny.checkOffStage(bo);
    tiny.takeQuiz(bo, 4); // one stage-1 question missed
    tiny.say(bo, "next");
    tiny.checkOffStage(bo);
    tiny.takeQuiz(bo, 4); // one stage-2 question missed
    tiny.say(bo, "next");
    assertThat(tiny.say(bo, "status").plainText()).startsWith("🎓 Graduated");
    int points = tiny.enrollment(bo).getPoints();

    Reply review = tiny.say(bo, "quiz");

    assertThat(review.plainText())
        .startsWith("Review · question 1 of 2")
        .contains("Questions you missed before, from across the roadmap.");
    Attempt attempt = tiny.openQuiz(bo).orElseThrow();
    assertThat(attempt.review()).isTrue();
    assertThat(attempt.questions())
        .extracting(q -> q.questionId().substring(0, 3))
        .containsExactlyInAnyOrder("s1-", "s2-");
    Reply done = tiny.takeQuiz(bo, 2);
    assertThat(done.plainText()).contains("Review done: 2 of 2 right");
    assertThat(tiny.enrollment(bo).getPoints()).isEqualTo(points);
    assertThat(tiny.say(bo, "quiz").plainText())
        .startsWith("🎓 You have graduated, and there is no question you missed last time");
  }

  @Test
  void quizzesFollowTheMemberToTheStageALeadSet() {
    f.say(ana, "start");
    f.say(ana, "quiz");
    long before = open(ana).id();

    f.say(f.admin("lee"), "set-stage @ana 5");
    Reply reply = f.say(ana, "quiz");

    assertThat(reply.plainText()).startsWith("Stage 5 quiz · question 1 of 5");
    assertThat(open(ana).id()).isNotEqualTo(before);
    assertThat(open(ana).questions())
        .allSatisfy(
            q ->
                assertThat(f.services().bank().question(q.questionId()).orElseThrow().stage())
                    .isEqualTo(5));
    assertThat(f.dsl().fetchValue(QUIZ_ATTEMPT.STATUS, QUIZ_ATTEMPT.ID.eq(before)))
        .isEqualTo("expired");
  }
}
