package io.roadmapcoach.core.quiz;

import io.roadmapcoach.core.roadmap.FileChecks;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.roadmap.Stage;
import io.roadmapcoach.core.roadmap.YamlFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads and checks a roadmap's quiz bank: enough questions for every stage, each with one right
 * answer. A broken bank stops start-up with a message naming the file and the question.
 */
public final class QuizBankLoader {
  public static final int MIN_QUESTIONS_PER_STAGE = 10;
  static final int MIN_OPTIONS = 3;
  static final int MAX_OPTIONS = 4;

  /** Options become buttons; Slack cuts a button label at 75 characters. */
  static final int MAX_OPTION_LENGTH = 75;

  private final YamlFiles yaml = new YamlFiles();

  record OptionEntry(String text, Boolean correct) {}

  record QuestionEntry(
      String id,
      String question,
      Integer objective,
      List<OptionEntry> options,
      String explanation) {}

  record StageEntry(int stage, List<QuestionEntry> questions) {}

  record BankEntry(List<StageEntry> stages) {}

  public QuizBank load(RoadmapSource source, Roadmap roadmap) {
    String name = roadmap.quizBankFile();
    BankEntry bank = yaml.read(source, name, BankEntry.class);
    FileChecks checks = new FileChecks(source.describe(name));
    checks.require(bank.stages() != null, "stages", "the bank has no stages");
    Set<String> ids = new HashSet<>();
    Map<Integer, Integer> perStage = new HashMap<>();
    List<Question> questions = new ArrayList<>();
    for (StageEntry stage : bank.stages()) {
      checks.require(
          roadmap.hasStage(stage.stage()),
          "stage " + stage.stage(),
          "the roadmap has stages 1 to " + roadmap.stageCount());
      checks.require(
          stage.questions() != null, "stage " + stage.stage(), "the stage has no questions");
      for (int i = 0; i < stage.questions().size(); i++) {
        Question question =
            question(roadmap.stage(stage.stage()), i + 1, stage.questions().get(i), checks);
        checks.require(ids.add(question.id()), place(question), "another question has this id");
        perStage.merge(stage.stage(), 1, Integer::sum);
        questions.add(question);
      }
    }
    for (int n = 1; n <= roadmap.stageCount(); n++) {
      int count = perStage.getOrDefault(n, 0);
      checks.require(
          count >= MIN_QUESTIONS_PER_STAGE,
          "stage " + n + " (\"" + roadmap.stage(n).title() + "\")",
          "has " + count + " questions; every stage needs at least " + MIN_QUESTIONS_PER_STAGE);
    }
    return new QuizBank(questions);
  }

  private static Question question(
      Stage stageOfRoadmap, int index, QuestionEntry entry, FileChecks checks) {
    int stage = stageOfRoadmap.number();
    String at = "stage " + stage + ", question " + index;
    checks.require(entry != null, at, "the question is empty");
    checks.require(notBlank(entry.id()), at, "the question needs an id");
    at = "stage " + stage + ", question \"" + entry.id() + "\"";
    checks.require(notBlank(entry.question()), at, "the question has no text");
    checks.require(notBlank(entry.explanation()), at, "the question needs a one-line explanation");
    List<OptionEntry> options = entry.options() == null ? List.of() : entry.options();
    checks.require(
        options.size() >= MIN_OPTIONS && options.size() <= MAX_OPTIONS,
        at,
        "needs " + MIN_OPTIONS + " or " + MAX_OPTIONS + " options, has " + options.size());
    int correct = -1;
    for (int i = 0; i < options.size(); i++) {
      OptionEntry option = options.get(i);
      checks.require(
          option != null && notBlank(option.text()), at, "option " + (i + 1) + " has no text");
      checks.require(
          option.text().strip().length() <= MAX_OPTION_LENGTH,
          at,
          "option " + (i + 1) + " is longer than " + MAX_OPTION_LENGTH + " characters");
      if (Boolean.TRUE.equals(option.correct())) {
        checks.require(correct < 0, at, "has more than one correct option");
        correct = i;
      }
    }
    checks.require(correct >= 0, at, "has no correct option (mark one with correct: true)");
    checks.require(
        entry.objective() == null || stageOfRoadmap.hasObjective(entry.objective()),
        at,
        "objective "
            + entry.objective()
            + " is not one of the stage's objectives (1 to "
            + stageOfRoadmap.objectiveCount()
            + ")");
    return new Question(
        entry.id().strip(),
        stage,
        entry.question().strip(),
        options.stream().map(o -> o.text().strip()).toList(),
        correct,
        entry.explanation().strip(),
        entry.objective() == null ? OptionalInt.empty() : OptionalInt.of(entry.objective()));
  }

  private static String place(Question question) {
    return "stage " + question.stage() + ", question \"" + question.id() + "\"";
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
