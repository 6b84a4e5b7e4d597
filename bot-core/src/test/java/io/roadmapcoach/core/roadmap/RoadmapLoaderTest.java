package io.roadmapcoach.core.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roadmapcoach.core.testing.RoadmapFiles;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
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
    assertThat(roadmap.stage(1).objectives())
        .extracting(Objective::text)
        .containsExactly("Read", "Write");
    assertThat(roadmap.stage(1).resources(1)).isEmpty();
    assertThat(roadmap.totalObjectives()).isEqualTo(3);
  }

  @Test
  void everyBuiltInObjectiveHasTwoOrThreeResourcesWithHttpsLinks() {
    Roadmap roadmap = loader.load(RoadmapSource.builtIn());

    for (Stage stage : roadmap.stages()) {
      for (Objective objective : stage.objectives()) {
        String which = "stage " + stage.number() + " objective " + objective.number();
        assertThat(objective.resources()).as(which).hasSizeBetween(2, 3);
        assertThat(objective.resources())
            .as(which)
            .allSatisfy(
                r -> {
                  assertThat(r.url().getScheme()).isEqualTo("https");
                  assertThat(r.title()).isNotBlank();
                  assertThat(r.publisher()).isNotBlank();
                })
            .extracting(Resource::url)
            .doesNotHaveDuplicates();
      }
    }
  }

  @Test
  void theBuiltInObjectivesKeepTheSeedRoadmapsExamples() {
    Roadmap roadmap = loader.load(RoadmapSource.builtIn());

    assertThat(roadmap.stage(2).objective(1)).contains("such as Python or R");
    assertThat(roadmap.stage(2).objective(2))
        .isEqualTo(
            "Understand data manipulation and analysis libraries like Pandas, NumPy and SciPy.");
    assertThat(roadmap.stage(7).objective(2)).contains("gradient boosting machines (GBM)");
    assertThat(roadmap.stage(14).objective(2)).contains("MLflow, Neptune or TensorBoard");
  }

  @Test
  void aBuiltInResourceCarriesItsTitlePublisherLinkAndWhetherItIsFree() {
    Stage versionControl = loader.load(RoadmapSource.builtIn()).stage(13);

    assertThat(versionControl.resources(1).getFirst())
        .isEqualTo(
            new Resource(
                "Pro Git (2nd edition)",
                "git-scm.com",
                URI.create("https://git-scm.com/book/en/v2"),
                true));
  }

  @Test
  void objectivesMayBePlainTextOrCarryTheirResources() {
    Path file =
        RoadmapFiles.write(
            dir,
            "roadmap.yaml",
            HEAD
                + "  - title: Basics\n    summary: About.\n    objectives:\n"
                + "      - Read\n"
                + "      - text: Write\n"
                + RESOURCES
                + "      - text: Ship\n");

    Stage basics = loader.load(RoadmapSource.file(file)).stage(1);

    assertThat(basics.objectives())
        .extracting(Objective::text)
        .containsExactly("Read", "Write", "Ship");
    assertThat(basics.objective(2)).isEqualTo("Write");
    assertThat(basics.resources(1)).isEmpty();
    assertThat(basics.resources(3)).isEmpty();
    assertThat(basics.resources(2))
        .containsExactly(
            new Resource("The Guide", "Guide Press", URI.create("https://example.org/guide"), true),
            new Resource(
                "The Course", "Course Co", URI.create("https://example.org/course"), false));
  }

  private static final String RESOURCES =
      "        resources:\n"
          + "          - title: The Guide\n"
          + "            by: Guide Press\n"
          + "            url: https://example.org/guide\n"
          + "            free: true\n"
          + "          - title: The Course\n"
          + "            by: Course Co\n"
          + "            url: https://example.org/course\n"
          + "            free: false\n";

  /** A one-stage roadmap whose objective 2 has {@link #RESOURCES}, its second one edited. */
  private AbstractThrowableAssert<?, ? extends Throwable> refusedWithSecondResource(
      UnaryOperator<String> edit) {
    String course = RESOURCES.substring(RESOURCES.indexOf("          - title: The Course"));
    String resources = RESOURCES.replace(course, edit.apply(course));
    return refused(
        HEAD
            + "  - title: Basics\n    summary: About.\n    objectives:\n"
            + "      - Read\n"
            + "      - text: Write\n"
            + resources);
  }

  private static final String SECOND_RESOURCE = "stages[1] (\"Basics\").objectives[2].resources[2]";

  @Test
  void aResourceWithoutTitleIsNamedByItsPlace() {
    refusedWithSecondResource(r -> r.replace("- title: The Course\n            by:", "- by:"))
        .hasMessageContaining(SECOND_RESOURCE + ".title: the resource needs a title");
  }

  @Test
  void aResourceWithoutPublisherIsNamedByItsPlaceAndTitle() {
    refusedWithSecondResource(r -> r.replace("            by: Course Co\n", ""))
        .hasMessageContaining(SECOND_RESOURCE + " (\"The Course\").by")
        .hasMessageContaining("say who publishes the resource");
  }

  @Test
  void aResourceWithAnHttpLinkIsRefused() {
    refusedWithSecondResource(
            r -> r.replace("https://example.org/course", "http://example.org/course"))
        .hasMessageContaining(SECOND_RESOURCE + " (\"The Course\").url")
        .hasMessageContaining(
            "the link must be a full https:// address, not http://example.org/course");
  }

  @Test
  void aResourceWithAnAddressThatIsNoLinkIsRefused() {
    refusedWithSecondResource(r -> r.replace("https://example.org/course", "example.org/course"))
        .hasMessageContaining("the link must be a full https:// address, not example.org/course");
    refusedWithSecondResource(r -> r.replace("https://example.org/course", "https:///course"))
        .hasMessageContaining("the link must be a full https:// address");
    refusedWithSecondResource(
            r -> r.replace("https://example.org/course", "https://example.org/a course"))
        .hasMessageContaining(SECOND_RESOURCE + " (\"The Course\").url: not a valid link");
    refusedWithSecondResource(r -> r.replace("            url: https://example.org/course\n", ""))
        .hasMessageContaining("the resource needs a link (url: https://...)");
  }

  @Test
  void aResourceThatDoesNotSayWhetherItIsFreeIsRefused() {
    refusedWithSecondResource(r -> r.replace("            free: false\n", ""))
        .hasMessageContaining(SECOND_RESOURCE + " (\"The Course\").free")
        .hasMessageContaining("free: true or free: false");
  }

  @Test
  void aMisspeltResourceKeyIsNamed() {
    refusedWithSecondResource(r -> r.replace("url:", "link:"))
        .hasMessageContaining("link")
        .hasMessageContaining("resources[2]");
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
