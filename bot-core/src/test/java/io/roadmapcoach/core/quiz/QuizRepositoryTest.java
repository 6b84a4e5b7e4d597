package io.roadmapcoach.core.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Attempts, answers and Leitner boxes on the real schema and its constraints. */
@ExtendWith(PostgresExtension.class)
class QuizRepositoryTest {
  private static final Instant NOW = CoachFixture.MONDAY_MORNING;
  private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

  private final CoachFixture f = CoachFixture.builtIn();
  private final QuizRepository quizzes = f.services().quizzes();
  private long ana;

  @BeforeEach
  void anaIsKnown() {
    f.say(f.caller("ana"), "tz UTC"); // known by a setting: reading stores nobody
    ana = f.memberId(f.caller("ana"));
  }

  /** Ana's journey on the deployment's roadmap, started here when she has none. */
  private Enrollment journey() {
    var enrollments = new EnrollmentRepository(f.dsl());
    enrollments.insert(ana, f.channelId("general"), RoadmapLibrary.DEPLOYMENT, NOW);
    return enrollments.find(ana, RoadmapLibrary.DEPLOYMENT).orElseThrow();
  }

  private Attempt create() {
    return quizzes.create(
        journey(),
        1,
        false,
        NOW,
        TOMORROW,
        List.of(
            new QuizRepository.Drawing("q1", List.of(2, 0, 1)),
            new QuizRepository.Drawing("q2", List.of(0, 1, 2))));
  }

  @Test
  void anAttemptKeepsItsQuestionsInOrderWithTheirShownOptionOrder() {
    Attempt attempt = create();

    assertThat(attempt.status()).isEqualTo(Attempt.Status.OPEN);
    assertThat(attempt.questions())
        .extracting(Attempt.Drawn::position, Attempt.Drawn::questionId)
        .containsExactly(tuple(1, "q1"), tuple(2, "q2"));
    assertThat(attempt.questions().getFirst().optionOrder()).containsExactly(2, 0, 1);
    assertThat(quizzes.lockOpen(ana, RoadmapLibrary.DEPLOYMENT))
        .get()
        .extracting(Attempt::id)
        .isEqualTo(attempt.id());
  }

  @Test
  void aMemberHasAtMostOneOpenAttempt() {
    create();

    assertThatThrownBy(this::create).isInstanceOf(DataAccessException.class);
  }

  @Test
  void aQuestionIsAnsweredOnce() {
    Attempt attempt = create();

    assertThat(quizzes.answer(attempt.id(), 1, 2, false, NOW)).isTrue();
    assertThat(quizzes.answer(attempt.id(), 1, 0, true, NOW)).isFalse();

    Attempt.Drawn first = quizzes.lock(attempt.id()).orElseThrow().questions().getFirst();
    assertThat(first.chosen()).contains(2);
    assertThat(first.correct()).contains(false);
  }

  @Test
  void finishingRecordsScoreAndPassForThatStageOnly() {
    Attempt attempt = create();

    quizzes.finish(attempt.id(), 2, true, NOW);

    assertThat(quizzes.hasPassed(ana, RoadmapLibrary.DEPLOYMENT, 1)).isTrue();
    assertThat(quizzes.hasPassed(ana, RoadmapLibrary.DEPLOYMENT, 2)).isFalse();
    assertThat(quizzes.lockOpen(ana, RoadmapLibrary.DEPLOYMENT)).isEmpty();
    assertThat(quizzes.lastScore(ana)).contains("2/2");
  }

  @Test
  void expiringClosesOnlyAnOpenAttempt() {
    Attempt attempt = create();
    quizzes.finish(attempt.id(), 1, false, NOW);

    quizzes.expire(attempt.id());

    assertThat(quizzes.lock(attempt.id()).orElseThrow().status())
        .isEqualTo(Attempt.Status.FINISHED);
    assertThat(attempt.expiredAt(TOMORROW)).isTrue();
    assertThat(attempt.expiredAt(TOMORROW.minusSeconds(1))).isFalse();
  }

  @Test
  void boxesMoveUpWhenRightAndBackToOneWhenWrong() {
    assertThat(quizzes.moveBox(ana, RoadmapLibrary.DEPLOYMENT, "q1", true, NOW)).isEmpty();
    assertThat(quizzes.moveBox(ana, RoadmapLibrary.DEPLOYMENT, "q1", true, NOW))
        .isEqualTo(OptionalInt.of(2));
    assertThat(quizzes.boxes(journey(), List.of("q1", "q2"))).containsExactly(Map.entry("q1", 3));

    assertThat(quizzes.moveBox(ana, RoadmapLibrary.DEPLOYMENT, "q1", false, NOW))
        .isEqualTo(OptionalInt.of(3));

    assertThat(quizzes.boxes(journey(), List.of("q1"))).containsEntry("q1", 1);
    assertThat(quizzes.missed(journey())).containsExactly("q1");
  }

  @Test
  void aQuestionAnsweredRightEveryTimeIsNeverMissed() {
    quizzes.moveBox(ana, RoadmapLibrary.DEPLOYMENT, "q1", true, NOW);

    assertThat(quizzes.missed(journey())).isEmpty();
  }
}
