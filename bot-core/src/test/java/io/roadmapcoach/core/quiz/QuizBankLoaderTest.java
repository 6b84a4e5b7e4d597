package io.roadmapcoach.core.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapFileException;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.testing.RoadmapFiles;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuizBankLoaderTest {
  @TempDir Path dir;

  private final QuizBankLoader loader = new QuizBankLoader();

  /** A two-stage roadmap whose bank has 10 generated questions per stage, s1-q3 edited. */
  private AbstractThrowableAssert<?, ? extends Throwable> refusedWithQuestion3(
      UnaryOperator<String> edit) {
    StringBuilder bank = new StringBuilder("stages:\n");
    for (int s = 1; s <= 2; s++) {
      bank.append("  - stage: ").append(s).append("\n    questions:\n");
      for (int q = 1; q <= 10; q++) {
        String question = RoadmapFiles.question(s, q);
        bank.append(s == 1 && q == 3 ? edit.apply(question) : question);
      }
    }
    return refused(bank.toString());
  }

  private AbstractThrowableAssert<?, ? extends Throwable> refused(String bankYaml) {
    Path bank = RoadmapFiles.write(dir, "quiz-bank.yaml", bankYaml);
    Path file = RoadmapFiles.write(dir, "roadmap.yaml", RoadmapFiles.roadmapYaml(2, 3));
    RoadmapSource source = RoadmapSource.file(file);
    Roadmap roadmap = new RoadmapLoader().load(source);
    return assertThatThrownBy(() -> loader.load(source, roadmap))
        .isInstanceOf(RoadmapFileException.class)
        .hasMessageStartingWith(bank.toString());
  }

  @Test
  void theBuiltInBankHasAtLeastTenQuestionsForEachOfTheFifteenStages() {
    Roadmap roadmap = new RoadmapLoader().load(RoadmapSource.builtIn());
    QuizBank bank = loader.load(RoadmapSource.builtIn(), roadmap);

    for (int stage = 1; stage <= 15; stage++) {
      assertThat(bank.stage(stage)).as("stage %d", stage).hasSizeGreaterThanOrEqualTo(10);
      int n = stage;
      assertThat(bank.stage(stage)).allMatch(q -> q.stage() == n);
    }
    assertThat(bank.stage(16)).isEmpty();
    assertThat(bank.question("math-bayes-rare-disease"))
        .get()
        .satisfies(q -> assertThat(q.correctText()).isEqualTo("About 9%"));
  }

  @Test
  void everyBuiltInQuestionHasThreeOrFourOptionsAndAnExplanation() {
    Roadmap roadmap = new RoadmapLoader().load(RoadmapSource.builtIn());
    QuizBank bank = loader.load(RoadmapSource.builtIn(), roadmap);

    for (int stage = 1; stage <= 15; stage++) {
      for (Question q : bank.stage(stage)) {
        assertThat(q.options()).as(q.id()).hasSizeBetween(3, 4).doesNotHaveDuplicates();
        assertThat(q.explanation()).as(q.id()).isNotBlank();
      }
    }
  }

  @Test
  void aGeneratedBankLoadsWithTheCorrectOptionMarked() {
    var loaded = RoadmapFiles.generated(dir, 2, 3, 10);

    assertThat(loaded.bank().size()).isEqualTo(20);
    Question q = loaded.bank().question("s2-q7").orElseThrow();
    assertThat(q.stage()).isEqualTo(2);
    assertThat(q.correctText()).isEqualTo("Right 2.7");
    assertThat(q.isCorrect(1)).isTrue();
    assertThat(q.isCorrect(0)).isFalse();
  }

  @Test
  void aStageWithFewerThanTenQuestionsIsNamedWithItsCount() {
    String bank =
        RoadmapFiles.bankYaml(2, 10)
            .replace(RoadmapFiles.question(2, 10), "")
            .replace(RoadmapFiles.question(2, 9), "");

    refused(bank)
        .hasMessageContaining("stage 2 (\"Stage 2 Title\")")
        .hasMessageContaining("has 8 questions; every stage needs at least 10");
  }

  @Test
  void aStageMissingFromTheBankIsNamed() {
    refused(RoadmapFiles.bankYaml(1, 10))
        .hasMessageContaining("stage 2 (\"Stage 2 Title\"): has 0 questions");
  }

  @Test
  void aQuestionWithNoCorrectOptionIsNamed() {
    refusedWithQuestion3(q -> q.replace("            correct: true\n", ""))
        .hasMessageContaining("stage 1, question \"s1-q3\"")
        .hasMessageContaining("has no correct option");
  }

  @Test
  void aQuestionWithTwoCorrectOptionsIsNamed() {
    refusedWithQuestion3(
            q -> q.replace("Wrong A 1.3\"\n", "Wrong A 1.3\"\n            correct: true\n"))
        .hasMessageContaining("stage 1, question \"s1-q3\"")
        .hasMessageContaining("has more than one correct option");
  }

  @Test
  void aQuestionWithFewerThanThreeOptionsIsNamed() {
    refusedWithQuestion3(q -> q.replace("          - text: \"Wrong B 1.3\"\n", ""))
        .hasMessageContaining("stage 1, question \"s1-q3\"")
        .hasMessageContaining("needs 3 or 4 options, has 2");
  }

  @Test
  void aDuplicateQuestionIdIsNamed() {
    refusedWithQuestion3(q -> q.replace("id: s1-q3", "id: s1-q2"))
        .hasMessageContaining("stage 1, question \"s1-q2\"")
        .hasMessageContaining("another question has this id");
  }

  @Test
  void aQuestionWithoutExplanationIsNamed() {
    refusedWithQuestion3(q -> q.replaceAll("        explanation: .*\n", ""))
        .hasMessageContaining("stage 1, question \"s1-q3\"")
        .hasMessageContaining("needs a one-line explanation");
  }

  @Test
  void aQuestionMayNameTheObjectiveItExamines() {
    String bank =
        RoadmapFiles.bankYaml(2, 10)
            .replace("id: s2-q7\n", "id: s2-q7\n        objective: 3\n")
            .replace("id: s2-q8\n", "id: s2-q8\n        objective: 3\n");
    RoadmapFiles.write(dir, "quiz-bank.yaml", bank);
    RoadmapSource source =
        RoadmapSource.file(RoadmapFiles.write(dir, "roadmap.yaml", RoadmapFiles.roadmapYaml(2, 3)));
    QuizBank loaded = loader.load(source, new RoadmapLoader().load(source));

    assertThat(loaded.question("s2-q7").orElseThrow().objective()).isEqualTo(OptionalInt.of(3));
    assertThat(loaded.question("s2-q6").orElseThrow().objective()).isEmpty();
    assertThat(loaded.examining(2, 3)).extracting(Question::id).containsExactly("s2-q7", "s2-q8");
    assertThat(loaded.examining(1, 3)).isEmpty();
  }

  @Test
  void anObjectiveTheStageDoesNotHaveIsNamed() {
    refusedWithQuestion3(q -> q.replace("id: s1-q3\n", "id: s1-q3\n        objective: 4\n"))
        .hasMessageContaining("stage 1, question \"s1-q3\"")
        .hasMessageContaining("objective 4 is not one of the stage's objectives (1 to 3)");
    refusedWithQuestion3(q -> q.replace("id: s1-q3\n", "id: s1-q3\n        objective: 0\n"))
        .hasMessageContaining("objective 0 is not one of the stage's objectives (1 to 3)");
  }

  @Test
  void anObjectiveThatIsNotANumberIsNamedWithItsLine() {
    refusedWithQuestion3(q -> q.replace("id: s1-q3\n", "id: s1-q3\n        objective: two\n"))
        .hasMessageContaining("objective")
        .hasMessageContaining("line ");
  }

  @Test
  void aQuestionForAStageTheRoadmapDoesNotHaveIsNamed() {
    refused(RoadmapFiles.bankYaml(3, 10))
        .hasMessageContaining("stage 3: the roadmap has stages 1 to 2");
  }
}
