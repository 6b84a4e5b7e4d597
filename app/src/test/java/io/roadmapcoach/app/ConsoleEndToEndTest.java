package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console through the app's real start-up: configuration, roadmap, embedded database, wiring.
 */
class ConsoleEndToEndTest {
  @TempDir Path dataDir;

  @Test
  void pipedStartAndStatusPrintBothAnswersWithEchoesAndExitZero() {
    ConsoleRun run = ConsoleRun.firstStart(dataDir, "/roadmap start", "/roadmap status");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("> /roadmap start\n");
    assertThat(run.answerTo("/roadmap start"))
        .contains("Welcome to the Machine Learning Engineer roadmap, you!");
    assertThat(run.answerTo("/roadmap status"))
        .contains("Stage 1 of 15: Math & Statistics Fundamentals")
        .contains("⬜ 1. ", "⬜ 2. ", "⬜ 3. ")
        .contains("0 of 45 objectives across the roadmap")
        .contains("Next: objective 1");
  }

  @Test
  void aWholeSessionReadsAsAMemberWouldExpect() {
    ConsoleRun run =
        ConsoleRun.of(
            dataDir,
            "/roadmap start",
            "/roadmap done 2",
            "/roadmap undo 2",
            "/roadmap done 2",
            "/roadmap stages",
            "/roadmap stage 7",
            "/roadmap tz Europe/Berlin",
            "/roadmap remind at 09:30",
            "/roadmap remind days daily",
            "/roadmap remind off",
            "/roadmap next",
            "/roadmap help");

    assertThat(run.answerTo("/roadmap done 2"))
        .contains("Objective 2 of stage 1 done")
        .contains("+10 points");
    assertThat(run.answerTo("/roadmap undo 2")).contains("Objective 2 of stage 1 is open again");
    assertThat(run.answerTo("/roadmap stages"))
        .contains(
            "👉 1. Math & Statistics Fundamentals  ← you are here", "15. Continuous Learning");
    assertThat(run.answerTo("/roadmap stage 7")).contains("Stage 7 of 15: Supervised Learning");
    assertThat(run.answerTo("/roadmap tz Europe/Berlin")).contains("Europe/Berlin");
    assertThat(run.answerTo("/roadmap remind at 09:30")).contains("09:30 Europe/Berlin");
    assertThat(run.answerTo("/roadmap remind days daily")).contains("every day");
    assertThat(run.answerTo("/roadmap remind off")).contains("Daily nudges are off");
    assertThat(run.answerTo("/roadmap next")).contains("Not yet", "objectives 1, 3", "quiz");
    assertThat(run.answerTo("/roadmap help"))
        .contains("/roadmap done <n>", "/roadmap set-stage @member <n>");
  }

  @Test
  void badInputGetsItsSpecificAnswerAndTheRunStillEndsWell() {
    ConsoleRun run =
        ConsoleRun.of(
            dataDir,
            "/roadmap status",
            "/roadmap start",
            "/roadmap start",
            "/roadmap status",
            "/roadmap done 9",
            "/roadmap done x",
            "/roadmap stage 16",
            "/roadmap tz Mars/Olympus",
            "/roadmap remind at 25:00",
            "/roadmap stauts",
            "hello?",
            ":frobnicate",
            ":press 7");

    assertThat(run.exitCode()).isZero();
    assertThat(run.answerTo("/roadmap status"))
        .contains("You have not started the roadmap yet", "/roadmap start");
    assertThat(run.out()).contains("You are already in #general, on stage 1 of 15");
    assertThat(run.answerTo("/roadmap done 9"))
        .contains("9 is not an objective of stage 1", "objectives 1 to 3");
    assertThat(run.answerTo("/roadmap done x"))
        .contains("x is not an objective of stage 1", "objectives 1 to 3");
    assertThat(run.answerTo("/roadmap stage 16")).contains("There is no stage 16", "1 to 15");
    assertThat(run.answerTo("/roadmap tz Mars/Olympus"))
        .contains("Mars/Olympus is not a time zone I know");
    assertThat(run.answerTo("/roadmap remind at 25:00"))
        .contains("25:00 is not a time; try `/roadmap remind at 09:30`");
    assertThat(run.answerTo("/roadmap stauts")).contains("Did you mean `/roadmap status`?");
    assertThat(run.answerTo("hello?")).contains("/roadmap help");
    assertThat(run.answerTo(":frobnicate")).contains("Unknown console command");
    assertThat(run.answerTo(":press 7")).contains("1 to 2");
  }

  @Test
  void asInAndPressActForTheMemberAndChannelNamed() {
    ConsoleRun run =
        ConsoleRun.of(
            dataDir,
            ":in #study-group",
            ":as Ana",
            "/roadmap start",
            "/roadmap status",
            ":press 1",
            ":as you",
            "/roadmap start",
            "/roadmap status @ana",
            "/roadmap team",
            ":as ana",
            "/roadmap team");

    assertThat(run.answerTo(":in #study-group")).contains("#study-group");
    assertThat(run.answerTo("/roadmap start"))
        .contains("Welcome", "Ana", "first member in #study-group");
    assertThat(run.answerTo(":press 1")).contains("Objective 1 of stage 1 done");
    assertThat(run.answerTo("/roadmap status @ana")).contains("Ana · Stage 1 of 15", "✅ 1.");
    assertThat(run.out())
        .contains(
            "Only leads of #study-group and workspace admins can use `/roadmap team`. Its lead:"
                + " \"Ana\".");
    assertThat(run.out()).contains("#study-group: 2 members on the roadmap");
  }

  @Test
  void forgivingInputResourcesSnoozeOffAndTheMoveOnButtonInOneSession() {
    String pasted = "Europe/" + "x".repeat(5_000);
    ConsoleRun run =
        ConsoleRun.of(
            dataDir,
            "/roadmap start",
            "/roadmap\tdone\t1",
            "/roadmapstatus",
            "/roadmp stages",
            "/roadmap dance",
            "/roadmap tz " + pasted,
            "/roadmap stage 1",
            "/roadmap snooze 2d",
            "/roadmap snooze off",
            "/roadmap done 2",
            "/roadmap done 3",
            ":as Ana",
            "/roadmap team",
            ":as you",
            "/roadmap lead @you");

    assertThat(run.exitCode()).isZero();
    assertThat(run.answerTo("/roadmap\tdone\t1")).contains("Objective 1 of stage 1 done");
    assertThat(run.answerTo("/roadmapstatus"))
        .isEqualTo("I do not know `/roadmapstatus`. Did you mean `/roadmap status`?\n\n");
    assertThat(run.answerTo("/roadmp stages")).contains("Did you mean `/roadmap stages`?");
    assertThat(run.answerTo("/roadmap dance"))
        .contains("I do not know `/roadmap dance`.", "`/roadmap help` lists every command.")
        .doesNotContain("For leads");
    assertThat(run.answerTo("/roadmap tz " + pasted))
        .contains("Europe/" + "x".repeat(33) + "… is not a time zone I know.")
        .doesNotContain("x".repeat(34));
    assertThat(run.answerTo("/roadmap stage 1"))
        .contains(
            "📖 Mathematics for Machine Learning <https://mml-book.github.io/> · Deisenroth,"
                + " Faisal, Ong (Cambridge University Press) · free");
    assertThat(run.answerTo("/roadmap snooze 2d")).contains("They resume ", " at 09:00.");
    assertThat(run.answerTo("/roadmap snooze off")).startsWith("⏰ Snooze ended. Nudges resume ");
    assertThat(run.answerTo("/roadmap done 2")).contains("📖 Start with ");
    assertThat(run.answerTo("/roadmap done 3"))
        .contains("Every objective is done. Pass the stage quiz")
        .contains("[1] Take the stage quiz");
    assertThat(run.answerTo("/roadmap team")).contains("Its lead: \"you\".");
    assertThat(run.answerTo("/roadmap lead @you")).contains("You already lead #general.");
  }

  @Test
  void aWeekOnTheMovingClockBringsOneNudgeADayAndOneWeeklyQuiz() {
    ConsoleRun run =
        ConsoleRun.of(
            dataDir,
            "/roadmap start",
            "/roadmap tz UTC",
            "/roadmap remind days daily",
            ":clock +7d",
            ":press 1",
            ":clock -1d",
            ":clock yesterday");

    String week = run.answerTo(":clock +7d");
    long nudges =
        week.lines().filter(l -> l.contains("direct message to you")).count()
            - week.lines().filter(l -> l.contains("Your weekly quiz is ready")).count()
            - week.lines().filter(l -> l.contains("Your week in #general")).count();
    assertThat(nudges).as("one a day, none on the day of enrolling").isBetween(6L, 7L);
    assertThat(week)
        .contains(
            "Next: objective 1", "[1] Mark objective 1 done  [2] Snooze 1 day  [3] Start quiz");
    assertThat(week.lines().filter(l -> l.contains("Your weekly quiz is ready"))).hasSize(1);
    // the first member leads #general, so the week also brings the lead's digest
    assertThat(week.lines().filter(l -> l.contains("Your week in #general"))).hasSize(1);
    assertThat(run.answerTo(":press 1"))
        .containsAnyOf("Objective 1 of stage 1 done", "question 1 of 5");
    assertThat(run.answerTo(":clock -1d")).contains("Move the clock with");
    assertThat(run.answerTo(":clock yesterday")).contains("Move the clock with");
  }

  @Test
  void aWholeQuizIsTakenWithPressesAndEndsWithTheScore() {
    ConsoleRun run =
        ConsoleRun.of(
            dataDir,
            "/roadmap start",
            "/roadmap quiz",
            ":press 1",
            ":press 1",
            ":press 1",
            ":press 1",
            ":press 1",
            ":press 1",
            "/roadmap status");

    assertThat(run.answerTo("/roadmap quiz"))
        .contains("Stage 1 quiz · question 1 of 5", "[1] ", "[3] ");
    String transcript = run.out();
    for (int question = 2; question <= 5; question++) {
      assertThat(transcript).contains("question " + question + " of 5");
    }
    assertThat(
            transcript
                .lines()
                .filter(l -> l.startsWith("✅ Right:") || l.startsWith("❌ Not quite.")))
        .hasSize(5);
    assertThat(transcript).containsAnyOf("🎉 Passed: ", "Not this time: ");
    assertThat(transcript).contains("That quiz is already finished");
    assertThat(run.answerTo("/roadmap status")).contains("Stage quiz: ");
  }

  @Test
  void logsStayOffStandardOutputAndGoToTheDataDirectory() throws Exception {
    ConsoleRun run = ConsoleRun.firstStart(dataDir, "/roadmap start");

    assertThat(run.out()).doesNotContain("INFO", "WARN", "DEBUG", "HikariPool", "Flyway");
    assertThat(run.out().lines().filter(l -> !l.isBlank()).findFirst())
        .contains("> /roadmap start");
    assertThat(Files.exists(dataDir.resolve("postgres"))).isTrue();
  }

  @Test
  void aBrokenRoadmapFileStopsStartUpNamingTheFileAndThePlace() throws Exception {
    Path roadmap = dataDir.resolve("broken.yaml");
    Files.writeString(
        roadmap,
        "id: x\ntitle: X\nquiz_bank: bank.yaml\nstages:\n  - title: Only\n    summary: s\n    objectives: []\n");

    ConsoleRun run =
        ConsoleRun.with(Map.of("ROADMAP_FILE", roadmap.toString()), dataDir, "/roadmap status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(roadmap.toString(), "stages[1]", "objectives", "at least one objective");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aBadSettingStopsStartUpWithTheVariableNamed() {
    ConsoleRun run = ConsoleRun.with(Map.of("PORT", "eighty"), dataDir, "/roadmap status");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("PORT must be a number from 1 to 65535, not eighty");
  }

  @Test
  void aStudyGroupIsASecondChannelWithTheSameProgressAndItsOwnDailyPost() {
    ConsoleRun run =
        ConsoleRun.of(
            dataDir,
            ":as ana",
            "/roadmap start",
            "/roadmap done 1",
            ":in study-group",
            "/roadmap start",
            "/roadmap done 2",
            "/roadmap leaderboard all",
            ":in general",
            "/roadmap leaderboard week",
            "/roadmap unlead @ana",
            ":in study-group",
            "/roadmap post at 08:00",
            "/roadmap remind channel",
            "/roadmap home #study-group",
            "/roadmap settings",
            ":clock +2d",
            ":in study-group",
            "/roadmap leave",
            "/roadmap status");

    assertThat(run.exitCode()).isZero();
    assertThat(run.answerTo("/roadmap start")).contains("Welcome to the");
    assertThat(run.out()).contains("You joined #study-group; your progress comes with you");
    assertThat(run.answerTo("/roadmap leaderboard all")).contains("ana").contains("20");
    assertThat(run.answerTo("/roadmap leaderboard week")).contains("ana").contains("20");
    assertThat(run.answerTo("/roadmap unlead @ana")).contains("Name another lead first");
    assertThat(run.answerTo("/roadmap post at 08:00")).contains("daily post goes out at 08:00");
    assertThat(run.answerTo("/roadmap settings")).contains("Settings of #study-group");
    assertThat(run.answerTo(":clock +2d")).contains("post in #study-group").contains("@ana");
    assertThat(run.answerTo("/roadmap leave")).contains("You left #study-group");
    assertThat(run.answerTo("/roadmap status")).contains("Stage 1 of 15");
  }

  @Test
  void eachMembersExportIsSavedUnderTheirOwnNameWithoutOverwritingAnother() throws Exception {
    ConsoleRun run =
        ConsoleRun.of(
            dataDir,
            "/roadmap start",
            "/roadmap export",
            ":as bob",
            "/roadmap start",
            "/roadmap export");

    Path yours = dataDir.resolve("files/you-roadmap-coach-my-data.json");
    Path bobs = dataDir.resolve("files/bob-roadmap-coach-my-data.json");
    assertThat(run.out())
        .contains("saved as " + yours.toAbsolutePath(), "saved as " + bobs.toAbsolutePath());
    assertThat(Files.readString(yours)).containsPattern("\"external_id\"\\s*:\\s*\"you\"");
    assertThat(Files.readString(bobs)).containsPattern("\"external_id\"\\s*:\\s*\"bob\"");
  }
}
