package io.roadmapcoach.core.roadmap;

import java.util.List;
import java.util.Optional;

/**
 * A roadmap as loaded from its data file. Every range the bot checks or shows (stage numbers,
 * objective numbers) comes from here, so another roadmap file works without code changes.
 *
 * @param id short name of the roadmap
 * @param title what it trains for
 * @param quizBankFile the quiz bank's file name, next to the roadmap file; empty when the questions
 *     are written inline under their stages
 * @param stages the stages in order
 */
public record Roadmap(String id, String title, String quizBankFile, List<Stage> stages) {

  public Roadmap {
    stages = List.copyOf(stages);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a roadmap needs at least one stage");
    }
  }

  public int stageCount() {
    return stages.size();
  }

  public boolean hasStage(int number) {
    return number >= 1 && number <= stages.size();
  }

  /** Stage {@code number} (1-based). */
  public Stage stage(int number) {
    if (!hasStage(number)) {
      throw new IllegalArgumentException("no stage " + number + " in " + id);
    }
    return stages.get(number - 1);
  }

  /** The stage whose id is {@code id}, when the roadmap has it. */
  public Optional<Stage> stageById(String id) {
    return stages.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Stage lastStage() {
    return stages.getLast();
  }

  public int totalObjectives() {
    return stages.stream().mapToInt(Stage::objectiveCount).sum();
  }

  /** Objectives in the stages before {@code stage}: what a member on that stage has behind them. */
  public int objectivesBefore(int stage) {
    return stages.subList(0, stage - 1).stream().mapToInt(Stage::objectiveCount).sum();
  }

  /** The largest objective count of any stage: the widest range a command may name. */
  public int mostObjectives() {
    return stages.stream().mapToInt(Stage::objectiveCount).max().orElse(0);
  }
}
