package io.roadmapcoach.core.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.roadmap.Ids;
import io.roadmapcoach.core.roadmap.Objective;
import io.roadmapcoach.core.roadmap.Resource;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.Stage;
import io.roadmapcoach.core.testing.RoadmapFiles;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built-in roadmap's revision 2 (docs/roadmap-format.md): stable ids at unchanged positions,
 * and the links and questions the review fixed stay fixed.
 */
class BuiltInRevisionTest {
  private final Roadmap roadmap = RoadmapFiles.builtIn().roadmap();
  private final QuizBank bank = RoadmapFiles.builtIn().bank();

  private Stream<Resource> resources() {
    return roadmap.stages().stream()
        .flatMap(s -> s.objectives().stream())
        .flatMap(o -> o.resources().stream());
  }

  private Stream<String> bankText() {
    return roadmap.stages().stream()
        .flatMap(s -> bank.stage(s.number()).stream())
        .flatMap(q -> Stream.concat(Stream.of(q.text(), q.explanation()), q.options().stream()));
  }

  @Test
  void everyStageAndObjectiveHasItsOwnIdAtTheSamePositionAsBefore() {
    assertThat(roadmap.stages())
        .extracting(Stage::id)
        .containsExactly(
            "math",
            "programming",
            "wrangling",
            "eda",
            "algorithms",
            "evaluation",
            "supervised",
            "unsupervised",
            "deep-learning",
            "nlp",
            "deployment",
            "cloud",
            "version-control",
            "experimentation",
            "learning");
    // revision 1's positions: the data kept by position maps onto these ids
    assertThat(roadmap.stage(4).title()).isEqualTo("Exploratory Data Analysis (EDA)");
    assertThat(roadmap.stage(12).title()).isEqualTo("Cloud Computing & Services");
    for (Stage stage : roadmap.stages()) {
      assertThat(stage.objectives())
          .extracting(Objective::id)
          .allSatisfy(
              id -> {
                assertThat(Ids.valid(id)).as(id).isTrue();
                assertThat(id).as("given, not derived").startsWith(stage.id() + "-");
              })
          .doesNotHaveDuplicates();
    }
    assertThat(roadmap.stage(1).objectives())
        .extracting(Objective::id)
        .containsExactly("math-foundations", "math-statistics", "math-practice");
  }

  @Test
  void vertexAiIsNamedGeminiEnterpriseAgentPlatformWithItsNewLinks() {
    Stage cloud = roadmap.stageById("cloud").orElseThrow();

    assertThat(cloud.objective(2))
        .contains("Gemini Enterprise Agent Platform (GCP, formerly Vertex AI)")
        .doesNotContain("now Vertex AI");
    List<Resource> platform =
        resources().filter(r -> r.title().contains("formerly Vertex AI")).toList();
    assertThat(platform)
        .extracting(r -> r.url().toString())
        .containsExactly(
            "https://docs.cloud.google.com/gemini-enterprise-agent-platform/overview",
            "https://docs.cloud.google.com/gemini-enterprise-agent-platform/machine-learning/general/deployment");
    assertThat(bankText().filter(t -> t.contains("Vertex AI")))
        .allSatisfy(
            t -> assertThat(t).containsAnyOf("formerly Vertex AI", "renamed it Gemini Enterprise"));
  }

  @Test
  void movedAndRenamedResourcesPointAtTheirNewAddresses() {
    assertThat(resources().map(r -> r.url().toString()))
        .noneMatch(url -> url.startsWith("https://cloud.google.com/vertex-ai"))
        .noneMatch(url -> url.startsWith("https://cloud.google.com/docs"))
        .noneMatch(url -> url.startsWith("https://cloud.google.com/architecture"))
        .noneMatch(url -> url.contains("projects.iq.harvard.edu"))
        .contains(
            "https://stat110.hsites.harvard.edu/",
            "https://allendowney.github.io/ThinkStats/",
            "https://docs.cloud.google.com/docs/overview",
            "https://docs.cloud.google.com/architecture/mlops-continuous-delivery-and-automation-pipelines-in-machine-learning");
    assertThat(resources().filter(r -> r.url().toString().contains("ThinkStats")))
        .singleElement()
        .satisfies(r -> assertThat(r.publisher()).isEqualTo("Allen B. Downey"));
    assertThat(roadmap.stageById("learning").orElseThrow().resources(3))
        .anySatisfy(r -> assertThat(r.title()).contains("MLA-C02").contains("MLA-C01 retired"));
  }

  @Test
  void theCloudPracticeObjectivesSayThatRunningThemCostsMoney() {
    assertThat(roadmap.stageById("cloud").orElseThrow().objective(3)).contains("costs money");
    assertThat(roadmap.stageById("deployment").orElseThrow().objective(3)).contains("cost money");
  }

  @Test
  void theLooselyWordedQuestionsSayWhatIsTrue() {
    assertThat(bank.question("wrangle-drop-rows-when-safe").orElseThrow().correctText())
        .contains("missing completely at random");
    assertThat(bank.question("sup-support-vectors-define").orElseThrow().correctText())
        .contains("violating");
    assertThat(bank.question("prog-sklearn-fit-transform").orElseThrow().explanation())
        .contains("not every transformer")
        .contains("TargetEncoder");
    assertThat(bank.question("deploy-latency-p99").orElseThrow().explanation())
        .contains("99% of requests come in under")
        .doesNotContain("worst 1%");
  }

  @Test
  void retaggedQuestionsExamineTheObjectiveTheyAreAbout() {
    assertThat(bank.question("repro-gpu-nondeterminism").orElseThrow().objective())
        .isEqualTo(OptionalInt.of(1));
    assertThat(bank.question("learn-open-reviews").orElseThrow().objective())
        .isEqualTo(OptionalInt.of(1));
    assertThat(bank.question("nlp-stopwords-negation").orElseThrow().objective())
        .isEqualTo(OptionalInt.of(1));
  }
}
