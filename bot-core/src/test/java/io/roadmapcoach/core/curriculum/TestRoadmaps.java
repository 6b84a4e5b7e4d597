package io.roadmapcoach.core.curriculum;

import io.roadmapcoach.core.caller.Upload;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Small roadmap files for the tests, written out here: two stages, ten questions each about the
 * stage's first objective, so that objectives may be added, removed and renamed freely.
 */
public final class TestRoadmaps {
  private TestRoadmaps() {}

  /** An objective: its id and its words. */
  public record Goal(String id, String text) {}

  /** A roadmap {@code id} whose first stage has {@code firstStage}'s objectives. */
  public static String file(String id, String title, List<Goal> firstStage) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("id: ").append(id).append('\n');
    yaml.append("title: ").append(title).append('\n');
    yaml.append("stages:\n");
    stage(yaml, "basics", "The basics", firstStage);
    stage(
        yaml,
        "practice",
        "Practice",
        List.of(new Goal("build-one", "Build one small thing from start to end.")));
    return yaml.toString();
  }

  private static void stage(StringBuilder yaml, String id, String title, List<Goal> goals) {
    yaml.append("  - id: ").append(id).append('\n');
    yaml.append("    title: ").append(title).append('\n');
    yaml.append("    summary: What the ").append(id).append(" stage is about.\n");
    yaml.append("    objectives:\n");
    for (Goal goal : goals) {
      yaml.append("      - id: ").append(goal.id()).append('\n');
      yaml.append("        text: ").append(goal.text()).append('\n');
      yaml.append("        resources:\n");
      yaml.append("          - title: A guide to ").append(goal.id()).append('\n');
      yaml.append("            by: example.org\n");
      yaml.append("            url: https://example.org/").append(goal.id()).append('\n');
      yaml.append("            free: true\n");
    }
    yaml.append("    questions:\n");
    for (int q = 1; q <= 10; q++) {
      yaml.append("      - id: ").append(id).append("-q").append(q).append('\n');
      yaml.append("        objective: ").append(goals.getFirst().id()).append('\n');
      yaml.append("        question: Question ").append(q).append(" of ").append(id).append("?\n");
      yaml.append("        options:\n");
      yaml.append("          - { text: \"Right ").append(q).append("\", correct: true }\n");
      yaml.append("          - { text: \"Wrong ").append(q).append("\" }\n");
      yaml.append("          - { text: \"Also wrong ").append(q).append("\" }\n");
      yaml.append("        explanation: Because ").append(q).append(".\n");
    }
  }

  /**
   * A roadmap {@code id} of {@code stages} stages with {@code objectives} objectives each (ids
   * {@code s<stage>} and {@code s<stage>-o<objective>}), every stage with ten questions.
   */
  public static String sized(String id, int stages, int objectives) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("id: ").append(id).append('\n');
    yaml.append("title: A roadmap of ").append(stages).append(" stages\n");
    yaml.append("stages:\n");
    for (int s = 1; s <= stages; s++) {
      List<Goal> goals = new java.util.ArrayList<>();
      for (int o = 1; o <= objectives; o++) {
        goals.add(new Goal("s" + s + "-o" + o, "Objective " + o + " of stage " + s + "."));
      }
      stage(yaml, "s" + s, "Stage " + s, goals);
    }
    return yaml.toString();
  }

  public static Upload upload(String fileName, String yaml) {
    return new Upload(fileName, yaml.getBytes(StandardCharsets.UTF_8));
  }

  /** The web roadmap's first version. */
  public static String webV1() {
    return file(
        "web-dev",
        "Web development",
        List.of(
            new Goal("html-page", "Write an HTML page by hand."),
            new Goal("css-layout", "Lay the page out with CSS."),
            new Goal("forms", "Build a form that posts.")));
  }
}
