package io.roadmapcoach.core.curriculum;

import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
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
    stage(yaml, id, title, goals, true);
  }

  private static void stage(
      StringBuilder yaml, String id, String title, List<Goal> goals, boolean questions) {
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
    if (!questions) {
      return;
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
    return sized(id, stages, objectives, true);
  }

  /** The same without a single question: a roadmap without a quiz. */
  public static String withoutQuestions(String id, int stages, int objectives) {
    return sized(id, stages, objectives, false);
  }

  private static String sized(String id, int stages, int objectives, boolean questions) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("id: ").append(id).append('\n');
    yaml.append("title: A roadmap of ").append(stages).append(" stages\n");
    yaml.append("stages:\n");
    for (int s = 1; s <= stages; s++) {
      List<Goal> goals = new java.util.ArrayList<>();
      for (int o = 1; o <= objectives; o++) {
        goals.add(new Goal("s" + s + "-o" + o, "Objective " + o + " of stage " + s + "."));
      }
      stage(yaml, "s" + s, "Stage " + s, goals, questions);
    }
    return yaml.toString();
  }

  /**
   * A roadmap {@code id} with these stages in this order: stage {@code x} is titled "Stage x" and
   * has the objectives {@code x-a} and {@code x-b}, and ten questions.
   */
  public static String withStages(String id, List<String> stageIds) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("id: ").append(id).append('\n');
    yaml.append("title: Stages ").append(String.join(" ", stageIds)).append('\n');
    yaml.append("stages:\n");
    for (String stage : stageIds) {
      stage(
          yaml,
          stage,
          "Stage " + stage,
          List.of(
              new Goal(stage + "-a", "First of " + stage + "."),
              new Goal(stage + "-b", "Second of " + stage + ".")));
    }
    return yaml.toString();
  }

  /** The most stages, objectives a stage, resources an objective and questions the loader takes. */
  public static final int MOST_STAGES = 50;

  public static final int MOST_OBJECTIVES = 20;
  public static final int MOST_RESOURCES = 5;
  public static final int MOST_QUESTIONS = 1000;

  /** The most bytes a roadmap file may be. */
  public static final int MOST_BYTES = 512 * 1024;

  /**
   * The largest roadmap the loader accepts: 50 stages of 20 objectives (200 characters each, markup
   * and emoji in them), stage titles and summaries of 200 characters, 1,000 questions, and as many
   * resources with 120-character titles as fit just under 512 KiB. {@code version} 2 is a new
   * version of it: in every stage the first objective is reworded (same id) and the last replaced
   * by a new one, so that its diff is as long as a diff gets.
   */
  public static String largest(int version) {
    int base = largest(version, 0).getBytes(StandardCharsets.UTF_8).length;
    int perResource = largest(version, 1).getBytes(StandardCharsets.UTF_8).length - base;
    int resources =
        Math.min(
            MOST_STAGES * MOST_OBJECTIVES * MOST_RESOURCES,
            (MOST_BYTES - 512 - base) / perResource);
    String yaml = largest(version, resources);
    if (yaml.getBytes(StandardCharsets.UTF_8).length >= MOST_BYTES) {
      throw new IllegalStateException("the largest roadmap came out too large");
    }
    return yaml;
  }

  private static String largest(int version, int resources) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("id: largest\n");
    yaml.append("title: \"")
        .append(filled("The largest roadmap 📚 *v" + version + "* & <co>", 150));
    yaml.append("\"\nstages:\n");
    int resourcesLeft = resources;
    for (int s = 1; s <= MOST_STAGES; s++) {
      String stage = String.format("s%02d", s);
      yaml.append("  - id: ").append(stage).append('\n');
      yaml.append("    title: \"")
          .append(filled("Stage " + s + " 🧠👩🏽‍💻 *bold* _it_ `c` <b> & ", 200));
      yaml.append("\"\n    summary: \"").append(filled("What stage " + s + " is about: ", 200));
      yaml.append("\"\n    objectives:\n");
      for (int o = 1; o <= MOST_OBJECTIVES; o++) {
        boolean replaced = version > 1 && o == MOST_OBJECTIVES;
        String id = String.format("%s-%s%02d", stage, replaced ? "n" : "o", o);
        String words =
            version > 1 && o == 1 ? "Reworded 👍🏿 *this* & <that> " : "Do 👍🏿 *this* & <that> ";
        yaml.append("      - id: ").append(id).append('\n');
        yaml.append("        text: \"").append(filled(words, 200)).append("\"\n");
        int here = Math.min(MOST_RESOURCES, resourcesLeft);
        resourcesLeft -= here;
        if (here > 0) {
          yaml.append("        resources:\n");
        }
        for (int r = 1; r <= here; r++) {
          yaml.append("          - title: \"")
              .append(filled("Read 📖 *" + id + "* & <" + r + "> ", 120));
          yaml.append("\"\n            by: Example Press\n");
          yaml.append("            url: https://example.org/").append(id).append('/').append(r);
          yaml.append("\n            free: true\n");
        }
      }
      yaml.append("    questions:\n");
      for (int q = 1; q <= MOST_QUESTIONS / MOST_STAGES; q++) {
        yaml.append("      - id: ").append(String.format("%s-q%02d", stage, q)).append('\n');
        yaml.append("        objective: ").append(stage).append("-o01\n");
        yaml.append("        question: Question ").append(q).append("?\n");
        yaml.append("        options:\n");
        yaml.append("          - { text: \"Right\", correct: true }\n");
        yaml.append("          - { text: \"Wrong\" }\n");
        yaml.append("          - { text: \"Also wrong\" }\n");
        yaml.append("        explanation: Because.\n");
      }
    }
    return yaml.toString();
  }

  /** {@code head} filled with letters to {@code length} characters (UTF-16 units). */
  private static String filled(String head, int length) {
    StringBuilder text = new StringBuilder(head);
    while (text.length() < length) {
      text.append('x');
    }
    return text.toString();
  }

  /** The id of the Apply button under a preview (the test fails when there is none). */
  public static String applyButton(Reply preview) {
    return preview.buttons().stream()
        .filter(b -> b.label().equals("Apply"))
        .map(Button::actionId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Apply in " + preview.plainText()));
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
