package io.roadmapcoach.core.quiz;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.EventKind;
import io.roadmapcoach.core.journey.Points;
import io.roadmapcoach.core.journey.ProgressLedger;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.member.Scope;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Quizzes: drawing an attempt, resuming it, answering its questions, scoring it. Every press is
 * checked against the attempt's owner and state; a refused press changes nothing.
 */
public final class QuizService {
  public static final int QUESTIONS_PER_QUIZ = 5;
  public static final Duration ATTEMPT_LIFETIME = Duration.ofDays(1);

  /** The whole answer to a press on a button that is not the presser's (or not anyone's). */
  public static final String NOT_FOR_YOU = "That button isn't for you.";

  private final RoadmapLibrary library;
  private final QuizBanks banks;
  private final QuizRepository quizzes;
  private final EnrollmentRepository enrollments;
  private final ProgressLedger ledger;
  private final RandomGenerator random;

  public QuizService(
      RoadmapLibrary library,
      QuizBanks banks,
      QuizRepository quizzes,
      EnrollmentRepository enrollments,
      ProgressLedger ledger,
      RandomGenerator random) {
    this.library = library;
    this.banks = banks;
    this.quizzes = quizzes;
    this.enrollments = enrollments;
    this.ledger = ledger;
    this.random = random;
  }

  /** Passing takes 4 of 5: at least 80% right. */
  public static boolean passes(int score, int questions) {
    return score * 5 >= questions * 4;
  }

  /**
   * {@code /roadmap quiz}: resumes the open attempt on the journey's roadmap, or draws a new one on
   * the member's stage of it.
   */
  public Reply start(Scope scope, Enrollment enrollment) {
    Roadmap roadmap = library.of(enrollment.roadmapId());
    QuizBank bank = banks.of(enrollment.roadmapId());
    Optional<Attempt> open = quizzes.lockOpen(scope.member().id(), enrollment.roadmapId());
    if (open.isPresent()) {
      Attempt attempt = open.get();
      boolean stale =
          attempt.expiredAt(scope.now())
              || attempt.stage() != enrollment.stage()
              || attempt.review() != enrollment.graduated();
      if (!stale) {
        return QuizReplies.question(attempt, current(attempt), bank, roadmap, true);
      }
      quizzes.expire(attempt.id());
    }
    if (enrollment.graduated()) {
      return startReview(scope, enrollment, roadmap, bank);
    }
    List<Question> candidates = bank.stage(enrollment.stage());
    if (candidates.isEmpty()) {
      return Reply.text(
          "This roadmap has no questions for stage "
              + enrollment.stage()
              + ": there is no quiz here, and moving on needs its objectives only.");
    }
    var boxes = quizzes.boxes(enrollment, candidates.stream().map(Question::id).toList());
    List<Question> drawn = Leitner.draw(candidates, boxes, QUESTIONS_PER_QUIZ, random);
    return QuizReplies.question(
        create(scope, enrollment, enrollment.stage(), false, drawn), 1, bank, roadmap, false);
  }

  /**
   * A graduate's quiz: the questions they missed last time they met them, anywhere on the roadmap.
   */
  private Reply startReview(Scope scope, Enrollment enrollment, Roadmap roadmap, QuizBank bank) {
    List<Question> missed =
        quizzes.missed(enrollment).stream()
            .flatMap(id -> bank.question(id).stream())
            .limit(QUESTIONS_PER_QUIZ)
            .toList();
    if (missed.isEmpty()) {
      return Reply.text(
          Text.of(
              "🎓 You have graduated, and there is no question you missed last time: nothing to review."));
    }
    return QuizReplies.question(
        create(scope, enrollment, roadmap.stageCount(), true, missed), 1, bank, roadmap, false);
  }

  private Attempt create(
      Scope scope, Enrollment enrollment, int stage, boolean review, List<Question> drawn) {
    List<QuizRepository.Drawing> drawings =
        drawn.stream()
            .map(q -> new QuizRepository.Drawing(q.id(), Leitner.shuffledOptions(q, random)))
            .toList();
    return quizzes.create(
        enrollment, stage, review, scope.now(), scope.now().plus(ATTEMPT_LIFETIME), drawings);
  }

  /** A pressed answer button. */
  public Reply answer(Scope scope, Action.Answer press) {
    Optional<Attempt> found = quizzes.lockOwn(press.attemptKey(), scope.member().id());
    if (found.isEmpty()) {
      // whose it is, or whether it exists at all, is not the presser's business
      return Reply.text(NOT_FOR_YOU);
    }
    Attempt attempt = found.get();
    if (attempt.status() == Attempt.Status.FINISHED) {
      return refusal("That quiz is already finished. Another round: ", "/roadmap quiz");
    }
    if (attempt.status() == Attempt.Status.EXPIRED || attempt.expiredAt(scope.now())) {
      quizzes.expire(attempt.id());
      return refusal(
          "That quiz expired (a quiz stays open for a day). Start a fresh one with ",
          "/roadmap quiz");
    }
    Optional<Attempt.Drawn> drawn =
        attempt.questions().stream().filter(q -> q.position() == press.position()).findFirst();
    if (drawn.isEmpty()) {
      return refusal("That question is not part of this quiz. Carry on with ", "/roadmap quiz");
    }
    if (drawn.get().answered()) {
      return refusal(
          "You already answered question "
              + press.position()
              + "; answers count once. Carry on with ",
          "/roadmap quiz");
    }
    if (drawn.get().position() != current(attempt)) {
      return refusal(
          "Answer question " + current(attempt) + " first. It is here: ", "/roadmap quiz");
    }
    // the button carries its quiz, and the quiz its roadmap
    QuizBank bank = banks.of(attempt.roadmapId());
    Question question = bank.question(drawn.get().questionId()).orElseThrow();
    if (!drawn.get().optionOrder().contains(press.option())) {
      return refusal(
          "That is not one of this question's options. See it again with ", "/roadmap quiz");
    }
    return record(scope, attempt, drawn.get(), question, press.option());
  }

  private Reply record(
      Scope scope, Attempt attempt, Attempt.Drawn drawn, Question question, int option) {
    boolean correct = question.isCorrect(option);
    if (!quizzes.answer(attempt.id(), drawn.position(), option, correct, scope.now())) {
      return refusal("You already answered that question. Carry on with ", "/roadmap quiz");
    }
    OptionalInt boxBefore =
        quizzes.moveBox(
            scope.member().id(), attempt.roadmapId(), question.id(), correct, scope.now());
    boolean firstAnswer = boxBefore.isEmpty();
    Enrollment enrollment =
        enrollments.lock(scope.member().id(), attempt.roadmapId()).orElseThrow();
    int points = correct && firstAnswer && !attempt.review() ? Points.QUESTION_RIGHT_FIRST_TIME : 0;
    enrollment =
        ledger.record(
            new ProgressLedger.Change(
                enrollment,
                scope.member(),
                scope.home(),
                points > 0 ? EventKind.QUESTION_RIGHT : EventKind.QUESTION_ANSWERED,
                attempt.stage(),
                Optional.empty(),
                points,
                Optional.empty(),
                scope.now()));
    Attempt after = quizzes.lock(attempt.id()).orElseThrow();
    QuizBank bank = banks.of(attempt.roadmapId());
    Text verdict = QuizReplies.verdict(question, option, points);
    if (after.firstUnanswered().isPresent()) {
      return QuizReplies.afterAnswer(
          verdict, after, current(after), bank, library.of(attempt.roadmapId()));
    }
    return finish(scope, after, enrollment, verdict, bank);
  }

  private Reply finish(
      Scope scope, Attempt attempt, Enrollment enrollment, Text verdict, QuizBank bank) {
    Roadmap roadmap = library.of(attempt.roadmapId());
    int score = attempt.score();
    int count = attempt.questions().size();
    boolean passed = !attempt.review() && passes(score, count);
    boolean firstPass = passed && !quizzes.hasPassed(enrollment, attempt.stage());
    quizzes.finish(attempt.id(), score, passed, scope.now());
    if (firstPass) {
      ledger.record(
          new ProgressLedger.Change(
              enrollment,
              scope.member(),
              scope.home(),
              EventKind.QUIZ_PASSED,
              attempt.stage(),
              Optional.empty(),
              Points.QUIZ_PASSED,
              Optional.empty(),
              scope.now()));
    }
    Stage stage = roadmap.stage(attempt.stage());
    Set<Integer> done =
        enrollments.objectivesDone(scope.member().id(), attempt.roadmapId(), stage.number());
    List<Question> missed = new ArrayList<>();
    for (Attempt.Drawn q : attempt.questions()) {
      if (!q.correct().orElse(false)) {
        missed.add(bank.question(q.questionId()).orElseThrow());
      }
    }
    return QuizReplies.result(
        verdict,
        attempt,
        stage,
        score,
        count,
        passed,
        firstPass,
        missed,
        done.size() == stage.objectiveCount(),
        roadmap.stageCount());
  }

  private static int current(Attempt attempt) {
    return attempt
        .firstUnanswered()
        .map(Attempt.Drawn::position)
        .orElse(attempt.questions().size());
  }

  private static Reply refusal(String message, String command) {
    return Reply.text(Text.of(message).code(command).plain("."));
  }
}
