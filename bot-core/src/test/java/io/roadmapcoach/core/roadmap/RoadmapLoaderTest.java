package io.roadmapcoach.core.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roadmapcoach.core.testing.RoadmapFiles;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoadmapLoaderTest {
  @TempDir Path dir;

  private final RoadmapLoader loader = new RoadmapLoader();

  /** Loads {@code yaml} as a ROADMAP_FILE and expects it refused; the message names the file. */
  private AbstractThrowableAssert<?, ? extends Throwable> refused(String yaml) {
    Path file = RoadmapFiles.write(dir, "roadmap.yaml", yaml);
    return assertThatThrownBy(() -> loader.load(RoadmapSource.file(file)))
        .isInstanceOf(RoadmapFileException.class)
        .hasMessageStartingWith(file.toString());
  }

  private static String stage(String title, String... objectives) {
    StringBuilder yaml =
        new StringBuilder("  - title: " + title + "\n    summary: About " + title + ".\n");
    yaml.append("    objectives:\n");
    for (String objective : objectives) {
      yaml.append("      - ").append(objective).append('\n');
    }
    return yaml.toString();
  }

  private static final String HEAD = "id: tiny\ntitle: Tiny\nquiz_bank: quiz-bank.yaml\nstages:\n";

  @Test
  void theBuiltInRoadmapHasFifteenStagesStartingWithMathematics() {
    Roadmap roadmap = loader.load(RoadmapSource.builtIn());

    assertThat(roadmap.title()).isEqualTo("Machine Learning Engineer");
    assertThat(roadmap.stageCount()).isEqualTo(15);
    Stage first = roadmap.stage(1);
    assertThat(first.title()).isEqualTo("Math & Statistics Fundamentals");
    assertThat(first.objectiveCount()).isEqualTo(3);
    assertThat(first.objective(1)).startsWith("Learn the foundations of linear algebra");
    assertThat(roadmap.stage(15).title())
        .isEqualTo("Continuous Learning & Professional Development");
  }

  @Test
  void theConclusionOfTheRoadmapTextIsNotAStage() {
    Roadmap roadmap = loader.load(RoadmapSource.builtIn());

    assertThat(roadmap.stages()).extracting(Stage::title).noneMatch(t -> t.contains("Conclusion"));
    assertThat(roadmap.stages()).allMatch(s -> s.objectiveCount() >= 1);
  }

  @Test
  void anotherRoadmapFileLoadsWithItsOwnStagesAndObjectives() {
    Path file =
        RoadmapFiles.write(
            dir, "roadmap.yaml", HEAD + stage("Basics", "Read", "Write") + stage("More", "Ship"));

    Roadmap roadmap = loader.load(RoadmapSource.file(file));

    assertThat(roadmap.id()).isEqualTo("tiny");
    assertThat(roadmap.quizBankFile()).isEqualTo("quiz-bank.yaml");
    assertThat(roadmap.stages()).extracting(Stage::title).containsExactly("Basics", "More");
    assertThat(roadmap.stage(1).objectives()).containsExactly("Read", "Write");
    assertThat(roadmap.totalObjectives()).isEqualTo(3);
  }

  @Test
  void aStageWithoutTitleIsNamedByItsPosition() {
    refused(HEAD + stage("Basics", "Read") + "  - summary: No title here.\n    objectives: [Go]\n")
        .hasMessageContaining("stages[2].title")
        .hasMessageContaining("the stage needs a title");
  }

  @Test
  void aRoadmapWithoutTitleIsRefused() {
    refused("id: tiny\nquiz_bank: quiz-bank.yaml\nstages:\n" + stage("Basics", "Read"))
        .hasMessageContaining(", title: the roadmap needs a title");
  }

  @Test
  void aStageWithoutObjectivesIsNamedByPositionAndTitle() {
    refused(HEAD + stage("Basics", "Read") + "  - title: Empty\n    summary: Nothing.\n")
        .hasMessageContaining("stages[2] (\"Empty\").objectives")
        .hasMessageContaining("the stage needs at least one objective");
    refused(HEAD + "  - title: Empty\n    summary: Nothing.\n    objectives: []\n")
        .hasMessageContaining("stages[1] (\"Empty\").objectives");
  }

  @Test
  void aRoadmapWithoutStagesIsRefused() {
    refused("id: tiny\ntitle: Tiny\nquiz_bank: quiz-bank.yaml\n")
        .hasMessageContaining("stages: the roadmap has no stages");
  }

  @Test
  void anUnknownKeyIsNamedWithItsPlaceAndLine() {
    refused(
            HEAD
                + "  - title: Basics\n    summary: About.\n    objectives: [Read]\n"
                + "    objectivs: [Typo]\n")
        .hasMessageContaining("objectivs")
        .hasMessageContaining("stages[1]")
        .hasMessageContaining("line 8");
  }

  @Test
  void badYamlSyntaxIsReportedWithItsLineNumber() {
    // line 6: a second colon in a plain value is not YAML
    refused(HEAD + "  - title: Basics\n    summary: About: this\n    objectives: [Read]\n")
        .hasMessageContaining("line 6")
        .hasMessageContaining("mapping values are not allowed here");
  }

  @Test
  void aDuplicateStageTitleIsRefused() {
    refused(HEAD + stage("Basics", "Read") + stage("basics", "Again"))
        .hasMessageContaining("stages[2] (\"basics\")")
        .hasMessageContaining("another stage has the same title");
  }

  @Test
  void anEmptyObjectiveIsNamedByItsNumber() {
    refused(HEAD + "  - title: Basics\n    summary: About.\n    objectives: [Read, '  ']\n")
        .hasMessageContaining("stages[1] (\"Basics\").objectives[2]: the objective is empty");
  }

  @Test
  void anEmptyFileIsRefusedAsEmpty() {
    refused("").hasMessageEndingWith("roadmap.yaml: the file is empty");
    refused("# only a comment\n").hasMessageEndingWith("roadmap.yaml: the file is empty");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nowhere.yaml");
    assertThatThrownBy(() -> loader.load(RoadmapSource.file(missing)))
        .isInstanceOf(RoadmapFileException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("cannot be read");
  }
}
