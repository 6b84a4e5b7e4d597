package io.roadmapcoach.core.roadmap;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and checks a roadmap file; a broken file stops start-up with a message saying where. */
public final class RoadmapLoader {
  /** Objectives become button labels and list lines; longer text does not fit either. */
  static final int MAX_OBJECTIVE_LENGTH = 200;

  static final int MAX_OBJECTIVES = 9;

  private final YamlFiles yaml = new YamlFiles();

  record StageEntry(String title, String summary, List<String> objectives) {}

  record RoadmapEntry(
      String id,
      String title,
      @JsonProperty("quiz_bank") String quizBank,
      List<StageEntry> stages) {}

  public Roadmap load(RoadmapSource source) {
    String name = source.roadmapName();
    RoadmapEntry entry = yaml.read(source, name, RoadmapEntry.class);
    FileChecks problems = new FileChecks(source.describe(name));
    problems.require(notBlank(entry.id()), "id", "the roadmap needs an id");
    problems.require(notBlank(entry.title()), "title", "the roadmap needs a title");
    problems.require(
        notBlank(entry.quizBank()),
        "quiz_bank",
        "name the quiz bank file (for example quiz-bank.yaml)");
    problems.require(
        entry.stages() != null && !entry.stages().isEmpty(), "stages", "the roadmap has no stages");
    List<Stage> stages = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (int i = 0; i < entry.stages().size(); i++) {
      stages.add(stage(i + 1, entry.stages().get(i), titles, problems));
    }
    return new Roadmap(entry.id().strip(), entry.title().strip(), entry.quizBank().strip(), stages);
  }

  private static Stage stage(
      int number, StageEntry entry, Set<String> titles, FileChecks problems) {
    String place = "stages[" + number + "]";
    problems.require(entry != null, place, "the stage is empty");
    problems.require(notBlank(entry.title()), place + ".title", "the stage needs a title");
    place = place + " (\"" + entry.title().strip() + "\")";
    problems.require(
        titles.add(entry.title().strip().toLowerCase(java.util.Locale.ROOT)),
        place,
        "another stage has the same title");
    problems.require(
        notBlank(entry.summary()), place + ".summary", "the stage needs a one-line summary");
    List<String> objectives = entry.objectives();
    problems.require(
        objectives != null && !objectives.isEmpty(),
        place + ".objectives",
        "the stage needs at least one objective");
    problems.require(
        objectives.size() <= MAX_OBJECTIVES,
        place + ".objectives",
        "a stage has at most " + MAX_OBJECTIVES + " objectives, this one has " + objectives.size());
    for (int i = 0; i < objectives.size(); i++) {
      String objective = objectives.get(i);
      String at = place + ".objectives[" + (i + 1) + "]";
      problems.require(notBlank(objective), at, "the objective is empty");
      problems.require(
          objective.strip().length() <= MAX_OBJECTIVE_LENGTH,
          at,
          "the objective is longer than " + MAX_OBJECTIVE_LENGTH + " characters");
    }
    return new Stage(
        number,
        entry.title().strip(),
        entry.summary().strip(),
        objectives.stream().map(String::strip).toList());
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
