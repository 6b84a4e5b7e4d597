package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coaching that adapts to people, through the console as a person would use it: study buddies, the
 * evening warning, the pause for the quiet, and holidays (a channel's, and an away status). The
 * console starts at the real time in the machine's zone, so days here are counted from today; the
 * moving clock steps through every minute, so the scripts keep their journeys short.
 */
class CoachingConsoleEndToEndTest {
  @TempDir Path dataDir;

  private static LocalDate today() {
    return LocalDate.now(ZoneId.systemDefault());
  }

  private static long count(String text, String what) {
    return text.lines().filter(l -> l.contains(what)).count();
  }

  private static String at(LocalDate day, String time) {
    return ":clock " + day + "T" + time;
  }

  /**
   * Ana and Bob ask for buddies and are paired on the next Monday; from then on Ana lets her nudges
   * pass: no warning on Tuesday evening (the week's freeze covers the day), one on Wednesday, and
   * after five nudges in a row a goodbye on Sunday instead of a sixth, until {@code remind on}.
   */
  @Test
  void aWeekOfBuddiesAnEveningWarningAndThePause() {
    LocalDate monday = today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    ConsoleRun run =
        ConsoleRun.of(
            dataDir,
            ":as ana",
            "/roadmap buddy on",
            "/roadmap start",
            "/roadmap buddy on",
            "/roadmap remind evening at 7pm",
            "/roadmap remind evening on",
            ":as bob",
            "/roadmap start",
            "/roadmap buddy on",
            "/roadmap buddy",
            at(monday, "08:05"),
            "/roadmap done 1",
            ":as ana",
            "/roadmap done 1",
            "/roadmap remind days daily",
            at(monday.plusDays(1), "20:00"),
            at(monday.plusDays(2), "20:00"),
            at(monday.plusDays(5), "09:30"),
            at(monday.plusDays(6), "09:30"),
            "/roadmap team",
            "/roadmap remind on",
            at(monday.plusDays(7), "09:30"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Buddies are paired by where they are on the roadmap, so start first");
    assertThat(run.answerTo("/roadmap remind evening at 7pm"))
        .contains("7pm is not a time; try `/roadmap remind evening at 19:00`");
    assertThat(run.answerTo("/roadmap remind evening on")).contains("a warning comes at 19:00");
    assertThat(run.answerTo("/roadmap buddy"))
        .contains("No buddy this week: you will be paired on Monday at 08:00");

    String pairing = run.answerTo(at(monday, "08:05"));
    assertThat(pairing)
        .contains("== 🤝 Your study buddy this week: bob ==")
        .contains("== 🤝 Your study buddy this week: ana ==")
        .contains("bob: stage 1 of 15, Math & Statistics Fundamentals: objective 1 next");

    String tuesday = run.answerTo(at(monday.plusDays(1), "20:00"));
    assertThat(tuesday).contains("🤝 Your buddy bob finished objective 1 yesterday.");
    assertThat(tuesday).as("the week's freeze covers Tuesday").doesNotContain("ends tonight");
    String wednesday = run.answerTo(at(monday.plusDays(2), "20:00"));
    assertThat(wednesday).contains("-day streak ends tonight ==", "[1] Mark objective 2 done");

    List<String> quietDays =
        List.of(tuesday, wednesday, run.answerTo(at(monday.plusDays(5), "09:30")));
    assertThat(quietDays.stream().mapToLong(t -> count(t, "== 👋 ana, stage 1")).sum())
        .as("Tuesday to Saturday: five nudges")
        .isEqualTo(5);
    String sunday = run.answerTo(at(monday.plusDays(6), "09:30"));
    assertThat(sunday)
        .contains("I'll stop nudging you for now; `/roadmap remind on` brings me back.")
        .doesNotContain("== 👋 ana");
    assertThat(run.answerTo("/roadmap team")).contains("ana (lead) · stage 1", "nudges paused");
    assertThat(run.answerTo("/roadmap remind on")).contains("Daily nudges are on");
    assertThat(count(run.answerTo(at(monday.plusDays(7), "09:30")), "== 👋 ana, stage 1"))
        .isEqualTo(1);
  }

  /**
   * The lead sets tomorrow and the day after as the channel's holiday, then is away by their status
   * on the third day: three days without a nudge, and on the fourth the streak is still there with
   * the week's freeze unspent.
   */
  @Test
  void holidaysAndAnAwayStatusSkipNudgesAndKeepTheStreak() {
    LocalDate first = today().plusDays(1);
    LocalDate last = today().plusDays(2);
    ConsoleRun run =
        ConsoleRun.of(
            dataDir,
            ":status :palm_tree: On vacation",
            "/roadmap start",
            "/roadmap done 3", // today's progress starts the streak (joining is none)
            "/roadmap remind days daily",
            "/roadmap holiday 2026-02-30",
            "/roadmap holiday " + last + " " + first,
            "/roadmap holiday " + today().minusDays(1),
            "/roadmap holiday " + first + " " + last,
            "/roadmap holidays",
            at(last, "09:30"),
            ":status :palm_tree: On vacation",
            at(today().plusDays(3), "09:30"),
            ":status clear",
            at(today().plusDays(4), "09:30"));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("you has not used /roadmap yet");
    assertThat(run.answerTo("/roadmap holiday 2026-02-30"))
        .contains("2026-02-30 is not a date; give it as YYYY-MM-DD: `/roadmap holiday 2026-12-24`");
    assertThat(run.answerTo("/roadmap holiday " + last + " " + first)).contains("runs backwards");
    assertThat(run.answerTo("/roadmap holiday " + today().minusDays(1))).contains("has passed");
    assertThat(run.answerTo("/roadmap holiday " + first + " " + last))
        .contains("#general takes time off from", "(2 days)");
    assertThat(run.answerTo("/roadmap holidays")).contains("Days off in #general", " to ");
    assertThat(count(run.answerTo(at(last, "09:30")), "== 👋 you")).as("the holiday").isZero();
    assertThat(run.out()).contains("you's status is now: :palm_tree: On vacation");
    assertThat(count(run.answerTo(at(today().plusDays(3), "09:30")), "== 👋 you"))
        .as("away")
        .isZero();
    assertThat(run.answerTo(":status clear")).contains("you's status is cleared");
    assertThat(run.answerTo(at(today().plusDays(4), "09:30")))
        .contains("== 👋 you, stage 1")
        .contains("🔥 1-day streak. A freeze covers one missed day this week.");
  }
}
