package io.roadmapcoach.core.journey;

import static io.roadmapcoach.core.journey.RoadmapLibrary.DEPLOYMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.roadmap.Objective;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Enrollments and checked-off objectives on the real schema. */
@ExtendWith(PostgresExtension.class)
class EnrollmentRepositoryTest {
  private static final Instant NOW = CoachFixture.MONDAY_MORNING;

  private final CoachFixture f = CoachFixture.builtIn();
  private final EnrollmentRepository enrollments = f.services().enrollments();
  private long ana;
  private long general;

  /** Ana's journey on the deployment's roadmap, as it now stands. */
  private Enrollment journey() {
    return enrollments.find(ana, DEPLOYMENT).orElseThrow();
  }

  /** An objective at position {@code n} of stage {@code stage}, with an id of its own. */
  private static Objective objective(int stage, int n) {
    return new Objective(n, "s" + stage + "-o" + n, "objective " + n, List.of());
  }

  @BeforeEach
  void anaIsKnownInGeneral() {
    f.say(f.caller("ana"), "tz UTC"); // known by a setting: reading stores nobody
    ana = f.memberId(f.caller("ana"));
    general = f.channelId("general");
  }

  @Test
  void aMemberEnrollsOnceOnStageOne() {
    assertThat(enrollments.insert(ana, general, DEPLOYMENT, NOW)).isTrue();
    assertThat(enrollments.insert(ana, general, DEPLOYMENT, NOW)).isFalse();

    Enrollment e = enrollments.find(ana).orElseThrow();
    assertThat(e.stage()).isEqualTo(1);
    assertThat(e.points()).isZero();
    assertThat(e.graduated()).isFalse();
    assertThat(e.streak()).isEqualTo(StreakState.NONE);
    assertThat(enrollments.lock(ana)).contains(e);
  }

  @Test
  void anObjectiveIsCheckedOffOnceAndTakenBackOnce() {
    enrollments.insert(ana, general, DEPLOYMENT, NOW);

    assertThat(enrollments.markDone(journey(), 1, objective(1, 2), NOW)).isTrue();
    assertThat(enrollments.markDone(journey(), 1, objective(1, 2), NOW)).isFalse();
    assertThat(enrollments.objectivesDone(ana, DEPLOYMENT, 1)).containsExactly(2);
    assertThat(enrollments.unmark(journey(), 1, 2)).isTrue();
    assertThat(enrollments.unmark(journey(), 1, 2)).isFalse();
    assertThat(enrollments.objectivesDone(ana, DEPLOYMENT, 1)).isEmpty();
  }

  @Test
  void objectivesOfEarlierStagesAreCountedApart() {
    enrollments.insert(ana, general, DEPLOYMENT, NOW);
    enrollments.markDone(journey(), 1, objective(1, 1), NOW);
    enrollments.markDone(journey(), 1, objective(1, 3), NOW);
    enrollments.markDone(journey(), 2, objective(2, 1), NOW);
    enrollments.setStage(journey(), 3, Optional.empty());

    assertThat(enrollments.objectivesDoneBefore(journey(), 3)).isEqualTo(3);
    assertThat(enrollments.objectivesDoneBefore(journey(), 2)).isEqualTo(2);
    assertThat(enrollments.objectivesDone(ana, DEPLOYMENT, 1)).containsExactly(1, 3);
    assertThat(enrollments.find(ana).orElseThrow().stage()).isEqualTo(3);
  }

  @Test
  void aStatusReadsInOneQueryWhatItsThreeQueriesRead() {
    var quizzes = f.services().quizzes();
    assertThat(enrollments.statusFacts(ana, DEPLOYMENT)).isEmpty();

    enrollments.insert(ana, general, DEPLOYMENT, NOW);
    var fresh = enrollments.statusFacts(ana, DEPLOYMENT).orElseThrow();
    assertThat(fresh.enrollment()).isEqualTo(enrollments.find(ana).orElseThrow());
    assertThat(fresh.checked()).isEqualTo(enrollments.checked(ana, DEPLOYMENT, 1));
    assertThat(fresh.checked().inStage()).isEmpty();
    assertThat(fresh.quizPassed()).isFalse();

    enrollments.markDone(journey(), 1, objective(1, 1), NOW);
    enrollments.markDone(journey(), 1, objective(1, 3), NOW);
    enrollments.markDone(journey(), 2, objective(2, 2), NOW);
    enrollments.markDone(journey(), 2, objective(2, 4), NOW);
    enrollments.markDone(journey(), 3, objective(3, 1), NOW);
    enrollments.setStage(journey(), 2, Optional.empty());
    // a passed review of stage 2 does not count, a failed attempt neither; stage 1 passed
    var review = quizzes.create(journey(), 2, true, NOW, NOW.plusSeconds(60), List.of());
    quizzes.finish(review.id(), 5, true, NOW);
    var failed = quizzes.create(journey(), 2, false, NOW, NOW.plusSeconds(60), List.of());
    quizzes.finish(failed.id(), 1, false, NOW);
    var passed = quizzes.create(journey(), 1, false, NOW, NOW.plusSeconds(60), List.of());
    quizzes.finish(passed.id(), 5, true, NOW);

    var onTwo = enrollments.statusFacts(ana, DEPLOYMENT).orElseThrow();
    assertThat(onTwo.enrollment()).isEqualTo(enrollments.find(ana).orElseThrow());
    assertThat(onTwo.checked()).isEqualTo(enrollments.checked(ana, DEPLOYMENT, 2));
    assertThat(onTwo.checked().inStage()).containsExactly(2, 4);
    assertThat(onTwo.checked().before()).isEqualTo(2);
    assertThat(onTwo.quizPassed()).isEqualTo(quizzes.hasPassed(ana, DEPLOYMENT, 2)).isFalse();

    enrollments.setStage(journey(), 1, Optional.empty());
    var onOne = enrollments.statusFacts(ana, DEPLOYMENT).orElseThrow();
    assertThat(onOne.checked()).isEqualTo(enrollments.checked(ana, DEPLOYMENT, 1));
    assertThat(onOne.checked().before()).isZero();
    assertThat(onOne.quizPassed()).isEqualTo(quizzes.hasPassed(ana, DEPLOYMENT, 1)).isTrue();
  }

  @Test
  void aFinishedStageIsRememberedFromItsEvent() {
    Caller caller = f.caller("ana");
    f.say(caller, "start");
    assertThat(enrollments.finishedBefore(journey(), 1)).isFalse();

    f.finishStage(caller);

    assertThat(enrollments.finishedBefore(journey(), 1)).isTrue();
    assertThat(enrollments.finishedBefore(journey(), 2)).isFalse();
    assertThat(enrollments.membersOf(general)).containsExactly(ana);
  }

  @Test
  void membersPastTheEndOfAShorterRoadmapHaveGraduated() {
    CoachFixture coach = CoachFixture.builtIn();
    Caller ana = coach.caller("ana");
    coach.say(ana, "start");
    coach.dsl().update(JOURNEY).set(JOURNEY.STAGE, 9).execute();

    int moved = new EnrollmentRepository(coach.dsl()).graduatePast(DEPLOYMENT, 2, coach.now());

    assertThat(moved).isEqualTo(1);
    assertThat(coach.enrollment(ana).getStage()).isEqualTo(2);
    assertThat(coach.enrollment(ana).getGraduatedAt()).isNotNull();
  }
}
