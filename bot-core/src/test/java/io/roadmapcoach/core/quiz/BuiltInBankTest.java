package io.roadmapcoach.core.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import io.roadmapcoach.core.testing.RoadmapFiles;
import org.junit.jupiter.api.Test;

/**
 * The built-in bank is big enough that a weekly quiz does not repeat itself soon, and examines
 * every objective of its stage.
 */
class BuiltInBankTest {
  private final Roadmap roadmap = RoadmapFiles.builtIn().roadmap();
  private final QuizBank bank = RoadmapFiles.builtIn().bank();

  @Test
  void everyStageHasAtLeastTwentyQuestions() {
    for (Stage stage : roadmap.stages()) {
      assertThat(bank.stage(stage.number()))
          .as("stage %d (%s)", stage.number(), stage.title())
          .hasSizeGreaterThanOrEqualTo(20);
    }
    assertThat(bank.size()).isGreaterThanOrEqualTo(300);
  }

  @Test
  void everyObjectiveIsExaminedByAtLeastTwoQuestions() {
    for (Stage stage : roadmap.stages()) {
      for (int n = 1; n <= stage.objectiveCount(); n++) {
        assertThat(bank.examining(stage.number(), n))
            .as("stage %d objective %d: %s", stage.number(), n, stage.objective(n))
            .hasSizeGreaterThanOrEqualTo(2);
      }
    }
  }
}
