package io.roadmapcoach.core.dashboard;

import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.quiz.Question;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the dashboard shows of one channel: the funnel, the last weeks, the members and the quizzes.
 *
 * @param roadmap the title of the roadmap the channel follows, whose stages the funnel counts
 * @param followed which roadmap that is, its version and who chose it
 */
public record ChannelReport(
    Channel channel,
    String roadmap,
    Followed followed,
    Funnel funnel,
    List<Week> weeks,
    List<MemberLine> members,
    List<PassRate> passRates,
    List<Missed> mostMissed) {

  public ChannelReport {
    weeks = List.copyOf(weeks);
    members = List.copyOf(members);
    passRates = List.copyOf(passRates);
    mostMissed = List.copyOf(mostMissed);
  }

  /**
   * The roadmap a channel follows, as its page names it.
   *
   * @param key the file's id, what {@code roadmap use} names
   * @param deployment whether it is the deployment's own (built-in or {@code ROADMAP_FILE}'s)
   * @param chosenBy who chose it for the channel; empty while the channel follows the deployment's
   *     by default, or once they erased their data
   * @param chosenOn when a lead chose it; empty while the channel follows the deployment's by
   *     default
   */
  public record Followed(
      String key,
      int version,
      boolean deployment,
      Optional<String> chosenBy,
      Optional<LocalDate> chosenOn) {}

  /**
   * How many members are on each stage and how many graduated.
   *
   * @param onStage members per stage, index 0 for stage 1; every stage of the roadmap is listed
   * @param stageTitles the stages' titles, in the same order
   */
  public record Funnel(List<Integer> onStage, List<String> stageTitles, int graduated) {
    public Funnel {
      onStage = List.copyOf(onStage);
      stageTitles = List.copyOf(stageTitles);
    }

    public int total() {
      return onStage.stream().mapToInt(Integer::intValue).sum() + graduated;
    }
  }

  /**
   * One week (Monday to Sunday, in each member's own calendar, as streaks count days).
   *
   * @param objectivesDone objectives checked off in the week
   * @param activeMembers members with any activity in the week
   */
  public record Week(LocalDate monday, int objectivesDone, int activeMembers) {}

  /**
   * Whether a member's nudges come, are snoozed, skipped while their status says they are away,
   * paused (five in a row went unanswered), or are switched off: the coaching policy's word.
   */
  public enum Reminders {
    ON,
    SNOOZED,
    AWAY,
    PAUSED,
    OFF;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One member as the members table shows them.
   *
   * @param stage their stage (the last one once graduated)
   * @param objectivesDone objectives of that stage done
   * @param objectivesInStage objectives the stage has
   * @param lastProgress their last activity
   * @param stuck no progress for {@link DashboardService#STUCK_AFTER}
   */
  public record MemberLine(
      String name,
      int stage,
      boolean graduated,
      int objectivesDone,
      int objectivesInStage,
      Instant lastProgress,
      int streakDays,
      int points,
      boolean stuck,
      Reminders reminders) {}

  /** Finished quizzes of one stage (reviews by graduates left out) and how many passed. */
  public record PassRate(int stage, String stageTitle, int taken, int passed) {
    public int percent() {
      return taken == 0 ? 0 : Math.round(100f * passed / taken);
    }
  }

  /** A question the channel's members answered wrong, with how often. */
  public record Missed(Question question, int misses, int answers) {}
}
