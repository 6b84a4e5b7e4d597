package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.testing.RoadmapFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-roadmap [--upload] FILE}: a roadmap file checked without a database. */
class CheckRoadmapTest {
  @TempDir Path dir;
  @TempDir Path dataDir;

  private CommandRun run(String... args) {
    return CommandRun.of(Map.of("ROADMAP_DATA_DIR", dataDir.toString()), args);
  }

  private Path builtInCopy() throws IOException {
    for (String name : List.of("roadmap.yaml", "quiz-bank.yaml")) {
      try (InputStream in =
          getClass().getClassLoader().getResourceAsStream("roadmaps/ml-engineer/" + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    return dir.resolve("roadmap.yaml");
  }

  @Test
  void aGoodFileIsOkWithWhatItHoldsAndExitsZero() throws Exception {
    CommandRun check = run("check-roadmap", builtInCopy().toString());

    assertThat(check.code()).as(check.out()).isZero();
    assertThat(check.out())
        .isEqualTo("OK: Machine Learning Engineer, 15 stages, 45 objectives, 337 questions\n");
    assertThat(check.err()).isEmpty();
  }

  @Test
  void aBrokenFileHasEachProblemWithItsLineAndFieldAndExitsOne() {
    Path file =
        RoadmapFiles.write(
            dir,
            "roadmap.yaml",
            RoadmapFiles.roadmapYaml(2, 2)
                .replace("    summary: What stage 2 is about.\n", "")
                .replace("      - Objective 1.2\n", "      - Objective 1.2\n      - &again x\n"));
    RoadmapFiles.write(dir, "quiz-bank.yaml", RoadmapFiles.bankYaml(2, 10));

    CommandRun check = run("check-roadmap", file.toString());

    assertThat(check.code()).isEqualTo(1);
    assertThat(check.out())
        .isEqualTo(
            "roadmap.yaml, line 10: anchors (&again) are not plain data; write the value out where"
                + " it is used\n"
                + "1 problem: the bot cannot run this roadmap\n");

    RoadmapFiles.write(
        dir,
        "roadmap.yaml",
        RoadmapFiles.roadmapYaml(2, 2).replace("    summary: What stage 2 is about.\n", ""));
    CommandRun again = run("check-roadmap", file.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.out())
        .startsWith(
            "roadmap.yaml, line 10, stages[2] (\"Stage 2 Title\").summary: the stage needs a"
                + " one-line summary\n")
        .endsWith("1 problem: the bot cannot run this roadmap\n");
  }

  @Test
  void asAnUploadTheBuiltInRoadmapIsRefusedForItsQuizBankPath() throws Exception {
    CommandRun check = run("check-roadmap", "--upload", builtInCopy().toString());

    assertThat(check.code()).isEqualTo(1);
    assertThat(check.out())
        .startsWith("roadmap.yaml, line 15, quiz_bank: an uploaded roadmap cannot name a file")
        .endsWith("1 problem: the bot would not take this file as an upload\n");
  }

  @Test
  void theDocsExampleIsOkAsAnUpload() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "roadmap-format.md"));
    int start = doc.indexOf("```yaml\n", doc.indexOf("<!-- example:")) + "```yaml\n".length();
    Path example =
        RoadmapFiles.write(dir, "git.yaml", doc.substring(start, doc.indexOf("```\n", start)));

    CommandRun check = run("check-roadmap", "--upload", example.toString());

    assertThat(check.out())
        .isEqualTo("OK: Git for a data team, 1 stage, 2 objectives, 10 questions\n");
    assertThat(check.code()).isZero();
  }

  @Test
  void withoutAFileOrWithTooManyItIsAUsageErrorExitingTwo() {
    CommandRun none = run("check-roadmap");
    CommandRun two = run("check-roadmap", "a.yaml", "b.yaml");
    CommandRun flag = run("check-roadmap", "--strict", "a.yaml");
    CommandRun missing = run("check-roadmap", dir.resolve("nowhere.yaml").toString());
    CommandRun afterAnother = run("console", "check-roadmap", "a.yaml");

    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("`check-roadmap` needs the file to check");
    assertThat(two.code()).isEqualTo(2);
    assertThat(two.err()).contains("Unexpected argument `b.yaml` after `check-roadmap`");
    assertThat(flag.code()).isEqualTo(2);
    assertThat(flag.err()).contains("Unexpected argument `--strict`");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("check-roadmap: no such file: ");
    assertThat(afterAnother.code()).isEqualTo(2);
    assertThat(afterAnother.err()).contains("`check-roadmap` after `console`");
  }

  @Test
  void helpListsIt() {
    assertThat(run("--help").out()).contains("check-roadmap [--upload] FILE");
    assertThat(CommandLine.parse(List.of("check-roadmap", "--upload", "x.yaml")))
        .isEqualTo(new CommandLine.CheckRoadmap(Path.of("x.yaml"), true));
  }

  @Test
  void theRealMainChecksAFileWithoutStartingADatabase() throws Exception {
    Path file = builtInCopy();

    try (ChildApp app =
        ChildApp.startAsGiven(
            Map.of("ROADMAP_DATA_DIR", dataDir.toString()), "check-roadmap", file.toString())) {
      assertThat(app.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
      app.awaitOutput();

      assertThat(app.process().exitValue()).as(app.err()).isZero();
      assertThat(app.out()).startsWith("OK: Machine Learning Engineer, 15 stages");
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("nothing of PostgreSQL's in the data directory")
          .doesNotContain("postgres", "PG_VERSION", "postmaster.pid");
    }
  }
}
