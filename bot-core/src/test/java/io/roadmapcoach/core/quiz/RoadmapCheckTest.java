package io.roadmapcoach.core.quiz;

import static io.roadmapcoach.core.testing.RoadmapFiles.lineOf;
import static io.roadmapcoach.core.testing.RoadmapFiles.strictYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.roadmap.Objective;
import io.roadmapcoach.core.roadmap.Problem;
import io.roadmapcoach.core.roadmap.Problems;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.roadmap.Stage;
import io.roadmapcoach.core.roadmap.Strictness;
import io.roadmapcoach.core.testing.RoadmapFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked roadmap file: ids, the strict (upload) and lenient (built-in, ROADMAP_FILE) modes,
 * and every kind of broken file refused with the line and the field of each problem.
 */
class RoadmapCheckTest {
  @TempDir Path dir;

  private static RoadmapCheck.Result upload(String yaml) {
    return new RoadmapCheck(Strictness.STRICT)
        .check(RoadmapSource.uploaded("roadmap.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static RoadmapCheck.Valid valid(RoadmapCheck.Result result) {
    assertThat(result).as("%s", result).isInstanceOf(RoadmapCheck.Valid.class);
    return (RoadmapCheck.Valid) result;
  }

  private static ListAssert<Problem> refused(RoadmapCheck.Result result) {
    assertThat(result).isInstanceOf(RoadmapCheck.Refused.class);
    return assertThat(((RoadmapCheck.Refused) result).problems());
  }

  /** The upload is refused, and one of its problems is at {@code line} and {@code field}. */
  private static void refusedAt(String yaml, int line, String field, String message) {
    refused(upload(yaml))
        .anySatisfy(
            p -> {
              assertThat(p.line()).as("line of %s", p).isEqualTo(line);
              assertThat(p.field()).as("field of %s", p).isEqualTo(field);
              assertThat(p.message()).contains(message);
              assertThat(p.toString())
                  .startsWith("roadmap.yaml, line " + line + ", " + field + ": ");
            });
  }

  private static final String VALID = strictYaml(2, 3, 10);

  @Test
  void anUploadWithIdsAndInlineQuestionsIsValid() {
    RoadmapCheck.Valid valid = valid(upload(VALID));

    Roadmap roadmap = valid.roadmap();
    assertThat(roadmap.stages()).extracting(Stage::id).containsExactly("stage-1", "stage-2");
    assertThat(roadmap.stage(2).objectives())
        .extracting(Objective::id)
        .containsExactly("objective-2-1", "objective-2-2", "objective-2-3");
    assertThat(roadmap.quizBankFile()).isEmpty();
    assertThat(valid.bank().size()).isEqualTo(20);
    assertThat(valid.bank().question("s2-q4").orElseThrow().objective())
        .isEqualTo(OptionalInt.of(1));
    assertThat(roadmap.stageById("stage-2")).contains(roadmap.stage(2));
    assertThat(roadmap.stage(2).objectiveById("objective-2-3"))
        .contains(roadmap.stage(2).objectiveAt(3));
    assertThat(roadmap.stageById("stage-3")).isEmpty();
  }

  @Test
  void aFileWithoutIdsGetsThemFromPositionsWhenLenient() {
    RoadmapFiles.Loaded loaded = RoadmapFiles.generated(dir, 3, 2, 10);

    assertThat(loaded.roadmap().stages()).extracting(Stage::id).containsExactly("s1", "s2", "s3");
    assertThat(loaded.roadmap().stage(3).objectives())
        .extracting(Objective::id)
        .containsExactly("s3-o1", "s3-o2");
  }

  @Test
  void theSameFileWithoutIdsIsRefusedAsAnUploadNamingEachMissingId() {
    String yaml = RoadmapFiles.roadmapYaml(1, 2).replace("quiz_bank: quiz-bank.yaml\n", "");

    RoadmapCheck.Result result = upload(yaml);

    refused(result)
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(lineOf(yaml, "  - title: Stage 1"));
              assertThat(p.field()).isEqualTo("stages[1] (\"Stage 1 Title\").id");
              assertThat(p.message())
                  .startsWith("stage `id` missing")
                  .contains("id: stage-1-title");
            })
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(lineOf(yaml, "- Objective 1.2"));
              assertThat(p.field()).isEqualTo("stages[1] (\"Stage 1 Title\").objectives[2]");
              assertThat(p.message()).startsWith("objective `id` missing");
            });
  }

  @Test
  void aLenientFileMayMixGivenAndDerivedIdsAndNameObjectivesByIdOrNumber() throws Exception {
    String roadmap =
        RoadmapFiles.roadmapYaml(2, 2)
            .replace("  - title: Stage 2 Title\n", "  - id: later\n    title: Stage 2 Title\n")
            .replace(
                "      - Objective 2.2\n", "      - id: second\n        text: Objective 2.2\n");
    String bank =
        RoadmapFiles.bankYaml(2, 10)
            .replace("  - stage: 2\n", "  - stage: later\n")
            .replace("id: s2-q1\n", "id: s2-q1\n        objective: second\n")
            .replace("id: s2-q2\n", "id: s2-q2\n        objective: 1\n");
    RoadmapFiles.write(dir, "quiz-bank.yaml", bank);
    Path file = RoadmapFiles.write(dir, "roadmap.yaml", roadmap);

    RoadmapCheck.Valid valid =
        valid(new RoadmapCheck(Strictness.LENIENT).check(RoadmapSource.file(file)));

    assertThat(valid.roadmap().stages()).extracting(Stage::id).containsExactly("s1", "later");
    assertThat(valid.roadmap().stage(2).objectives())
        .extracting(Objective::id)
        .containsExactly("s2-o1", "second");
    assertThat(valid.bank().examining(2, 2)).extracting(Question::id).containsExactly("s2-q1");
    assertThat(valid.bank().examining(2, 1)).extracting(Question::id).containsExactly("s2-q2");
  }

  // --- the limits and the refusals, each naming its line and field ---

  @Test
  void aQuizBankPathInAnUploadIsRefusedAndNothingIsRead() {
    String yaml = VALID.replace("title: Tiny Test\n", "title: Tiny Test\nquiz_bank: /etc/passwd\n");

    refusedAt(yaml, 3, "quiz_bank", "cannot name a file on the server");
  }

  @Test
  void moreThanFiftyStagesAreRefused() {
    String yaml = strictYaml(51, 1, 10);

    refusedAt(yaml, lineOf(yaml, "stages:"), "stages", "at most 50 stages, this one has 51");
    assertThat(upload(strictYaml(50, 1, 10))).isInstanceOf(RoadmapCheck.Valid.class);
  }

  @Test
  void moreThanTwentyObjectivesInAStageAreRefused() {
    String yaml = strictYaml(1, 21, 10);

    refusedAt(
        yaml,
        lineOf(yaml, "    objectives:"),
        "stages[1] (\"Stage 1 Title\").objectives",
        "a stage has at most 20 objectives, this one has 21");
    assertThat(upload(strictYaml(1, 20, 10))).isInstanceOf(RoadmapCheck.Valid.class);
  }

  @Test
  void moreThanAThousandQuestionsAreRefusedAtTheOneTooMany() {
    String yaml = strictYaml(20, 1, 51);

    refusedAt(
        yaml,
        lineOf(yaml, "- id: s20-q32\n"),
        "stage 20, question \"s20-q32\"",
        "at most 1000 questions");
    assertThat(upload(strictYaml(20, 1, 50))).isInstanceOf(RoadmapCheck.Valid.class);
  }

  @Test
  void aLinkThatIsNotHttpsIsRefused() {
    String yaml =
        VALID.replace(
            "        text: Objective 2.2\n",
            "        text: Objective 2.2\n        resources:\n          - title: Guide\n"
                + "            by: Someone\n            url: http://example.org/guide\n"
                + "            free: true\n");

    refusedAt(
        yaml,
        lineOf(yaml, "url: http://"),
        "stages[2] (\"Stage 2 Title\").objectives[2].resources[1] (\"Guide\").url",
        "the link must be a full https:// address, not http://example.org/guide");
  }

  @Test
  void aStageIdGivenTwiceIsRefused() {
    String yaml = VALID.replace("  - id: stage-2\n", "  - id: stage-1\n");

    refusedAt(
        yaml,
        lineOf(yaml, "    title: Stage 2") - 1,
        "stages[2] (\"Stage 2 Title\").id",
        "stage 1 has the id `stage-1` too");
  }

  @Test
  void anObjectiveIdGivenTwiceAnywhereInTheRoadmapIsRefused() {
    String yaml = VALID.replace("      - id: objective-2-3\n", "      - id: objective-1-2\n");

    refusedAt(
        yaml,
        lineOf(yaml, "        text: Objective 2.3") - 1,
        "stages[2] (\"Stage 2 Title\").objectives[3].id",
        "stage 1's objective 2 has the id `objective-1-2` too");
  }

  @Test
  void aQuestionIdGivenTwiceIsRefused() {
    String yaml = VALID.replace("      - id: s2-q5\n", "      - id: s1-q5\n");

    refusedAt(
        yaml,
        lineOf(yaml, "Question 2.5?") - 2,
        "stage 2, question \"s1-q5\"",
        "another question has this id");
  }

  @Test
  void anIdThatIsNotAnIdIsRefusedWithTheRule() {
    String yaml = VALID.replace("  - id: stage-2\n", "  - id: Stage Two\n");

    refusedAt(
        yaml,
        lineOf(yaml, "Stage Two"),
        "stages[2] (\"Stage 2 Title\").id",
        "`Stage Two` is not an id: an id is lower-case letters");
  }

  @Test
  void anUploadNamesObjectivesByIdNotByNumber() {
    String yaml =
        VALID.replace(
            "      - id: s1-q3\n        objective: objective-1-1\n",
            "      - id: s1-q3\n        objective: 2\n");

    refusedAt(
        yaml,
        lineOf(yaml, "objective: 2"),
        "stage 1, question \"s1-q3\".objective",
        "name the objective by its id (objective: objective-1-1), not by its number");
  }

  @Test
  void aQuestionNamingAnObjectiveOfAnotherStageIsRefusedWithTheStagesIds() {
    String yaml =
        VALID.replace(
            "      - id: s1-q3\n        objective: objective-1-1\n",
            "      - id: s1-q3\n        objective: objective-2-1\n");

    refusedAt(
        yaml,
        lineOf(yaml, "objective: objective-2-1"),
        "stage 1, question \"s1-q3\".objective",
        "objective `objective-2-1` is not one of stage 1's objectives (their ids: objective-1-1,"
            + " objective-1-2, objective-1-3)");
  }

  @Test
  void anUnknownFieldIsNamedWithTheFieldsTheMapHas() {
    String yaml = VALID.replace("    summary: What stage 2", "    summery: What stage 2");

    refusedAt(
        yaml,
        lineOf(yaml, "summery"),
        "stages[2] (\"Stage 2 Title\").summery",
        "unknown field `summery`; a stage has id, title, summary, objectives and questions");
  }

  @Test
  void aStageWithTooFewQuestionsIsNamedAtItsLine() {
    String full = strictYaml(2, 1, 10);
    String yaml = full.substring(0, full.indexOf("      - id: s2-q10\n"));

    refused(upload(yaml))
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(lineOf(yaml, "  - id: stage-2"));
              assertThat(p.field()).isEqualTo("stage 2 (\"Stage 2 Title\")");
              assertThat(p.message()).isEqualTo("has 9 questions; every stage needs at least 10");
            });
  }

  @Test
  void twentyProblemsAreListedAtMostAndTheRestCounted() {
    String yaml = VALID.replaceAll("        explanation: .*\n", "");

    RoadmapCheck.Refused refused = (RoadmapCheck.Refused) upload(yaml);

    assertThat(refused.problems()).hasSize(Problems.LIMIT);
    assertThat(refused.more()).isTrue();
    assertThat(refused.problems())
        .extracting(Problem::line)
        .isSorted()
        .allSatisfy(line -> assertThat(line).isPositive());
  }

  @Test
  void problemsInBothFilesAreListedTogetherEachNamingItsFile() {
    RoadmapFiles.write(
        dir,
        "quiz-bank.yaml",
        RoadmapFiles.bankYaml(1, 11).replace("        explanation: \"Because 1.4.\"\n", ""));
    Path file =
        RoadmapFiles.write(
            dir,
            "roadmap.yaml",
            RoadmapFiles.roadmapYaml(1, 2).replace("    summary: What stage 1 is about.\n", ""));

    RoadmapCheck.Refused refused =
        (RoadmapCheck.Refused) new RoadmapCheck(Strictness.LENIENT).check(RoadmapSource.file(file));

    assertThat(refused.problems())
        .extracting(Problem::file)
        .containsExactly("roadmap.yaml", "quiz-bank.yaml");
    assertThat(refused.problems().get(1).toString())
        .startsWith("quiz-bank.yaml, line ")
        .endsWith(
            "stage 1, question \"s1-q4\".explanation: the question needs a one-line explanation");
  }

  @Test
  void aQuizBankThatIsNotThereIsNamedAtTheRoadmapsQuizBankLine() {
    Path file = RoadmapFiles.write(dir, "roadmap.yaml", RoadmapFiles.roadmapYaml(1, 2));

    RoadmapCheck.Result result =
        new RoadmapCheck(Strictness.LENIENT).check(RoadmapSource.file(file));

    refused(result)
        .singleElement()
        .hasToString("roadmap.yaml, line 3, quiz_bank: cannot read quiz-bank.yaml: no such file");
  }

  @Test
  void theBuiltInRoadmapChecksOutLenientlyButNotAsAnUpload() {
    RoadmapCheck.Valid valid =
        valid(new RoadmapCheck(Strictness.LENIENT).check(RoadmapSource.builtIn()));
    assertThat(valid.roadmap()).isEqualTo(RoadmapFiles.builtIn().roadmap());
    assertThat(valid.bank().size()).isEqualTo(RoadmapFiles.builtIn().bank().size());

    RoadmapCheck.Result asUpload =
        new RoadmapCheck(Strictness.STRICT).check(RoadmapSource.builtIn());
    // only its quiz bank path: every id is given
    refused(asUpload).extracting(Problem::field).containsExactly("quiz_bank");
  }

  @Test
  void theDerivedIdsStayWhatTheyWereWhenAStageIsAddedAtTheEnd() {
    List<String> before =
        RoadmapFiles.generated(dir, 2, 3, 10).roadmap().stage(2).objectives().stream()
            .map(Objective::id)
            .toList();
    Path more = dir.resolve("more");
    more.toFile().mkdirs();
    List<String> after =
        RoadmapFiles.generated(more, 3, 3, 10).roadmap().stage(2).objectives().stream()
            .map(Objective::id)
            .toList();

    assertThat(after).isEqualTo(before).containsExactly("s2-o1", "s2-o2", "s2-o3");
  }
}
