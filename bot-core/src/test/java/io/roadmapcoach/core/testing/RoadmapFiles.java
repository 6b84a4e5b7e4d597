package io.roadmapcoach.core.testing;

import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small roadmaps written as ROADMAP_FILE-style YAML files, to load the way the app loads another
 * roadmap. Generated quiz questions name their stage and number; option "Right s.n" is the correct
 * one.
 */
public final class RoadmapFiles {
  private static Roadmap builtInRoadmap;
  private static QuizBank builtInBank;

  private RoadmapFiles() {}

  /** A roadmap with its quiz bank, as the app loads them. */
  public record Loaded(Roadmap roadmap, QuizBank bank) {}

  /** The built-in ML Engineer roadmap and bank, loaded once per test JVM. */
  public static synchronized Loaded builtIn() {
    if (builtInRoadmap == null) {
      builtInRoadmap = new RoadmapLoader().load(RoadmapSource.builtIn());
      builtInBank = new QuizBankLoader().load(RoadmapSource.builtIn(), builtInRoadmap);
    }
    return new Loaded(builtInRoadmap, builtInBank);
  }

  /**
   * Writes {@code roadmap.yaml} and {@code quiz-bank.yaml} into {@code dir}: {@code stages} stages
   * of {@code objectives} objectives, {@code questions} questions per stage.
   *
   * @return the roadmap file
   */
  public static Path write(Path dir, int stages, int objectives, int questions) {
    write(dir, "quiz-bank.yaml", bankYaml(stages, questions));
    return write(dir, "roadmap.yaml", roadmapYaml(stages, objectives));
  }

  /** Writes one file into {@code dir} and returns it. */
  public static Path write(Path dir, String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Loaded load(Path roadmapFile) {
    RoadmapSource source = RoadmapSource.file(roadmapFile);
    Roadmap roadmap = new RoadmapLoader().load(source);
    return new Loaded(roadmap, new QuizBankLoader().load(source, roadmap));
  }

  /** Writes and loads a generated roadmap in one go. */
  public static Loaded generated(Path dir, int stages, int objectives, int questions) {
    return load(write(dir, stages, objectives, questions));
  }

  public static String roadmapYaml(int stages, int objectives) {
    StringBuilder yaml =
        new StringBuilder("id: tiny\ntitle: Tiny Test\nquiz_bank: quiz-bank.yaml\nstages:\n");
    for (int s = 1; s <= stages; s++) {
      yaml.append("  - title: Stage ").append(s).append(" Title\n");
      yaml.append("    summary: What stage ").append(s).append(" is about.\n");
      yaml.append("    objectives:\n");
      for (int o = 1; o <= objectives; o++) {
        yaml.append("      - Objective ").append(s).append('.').append(o).append('\n');
      }
    }
    return yaml.toString();
  }

  public static String bankYaml(int stages, int questions) {
    StringBuilder yaml = new StringBuilder("stages:\n");
    for (int s = 1; s <= stages; s++) {
      yaml.append("  - stage: ").append(s).append("\n    questions:\n");
      for (int q = 1; q <= questions; q++) {
        yaml.append(question(s, q));
      }
    }
    return yaml.toString();
  }

  /** One generated question in the bank's YAML form, indented for a stage's list. */
  public static String question(int stage, int n) {
    String tag = stage + "." + n;
    return "      - id: s"
        + stage
        + "-q"
        + n
        + "\n"
        + "        question: \"Question "
        + tag
        + "?\"\n"
        + "        options:\n"
        + "          - text: \"Wrong A "
        + tag
        + "\"\n"
        + "          - text: \"Right "
        + tag
        + "\"\n"
        + "            correct: true\n"
        + "          - text: \"Wrong B "
        + tag
        + "\"\n"
        + "        explanation: \"Because "
        + tag
        + ".\"\n";
  }

  /**
   * An upload-style roadmap: every stage and objective with its id ({@code stage-s}, {@code
   * objective-s-o}), {@code questions} questions inline under each stage (ids {@code s<s>-q<n>},
   * each examining the stage's first objective), no {@code quiz_bank}.
   */
  public static String strictYaml(int stages, int objectives, int questions) {
    StringBuilder yaml = new StringBuilder("id: tiny\ntitle: Tiny Test\nstages:\n");
    for (int s = 1; s <= stages; s++) {
      yaml.append("  - id: stage-").append(s).append('\n');
      yaml.append("    title: Stage ").append(s).append(" Title\n");
      yaml.append("    summary: What stage ").append(s).append(" is about.\n");
      yaml.append("    objectives:\n");
      for (int o = 1; o <= objectives; o++) {
        yaml.append("      - id: objective-").append(s).append('-').append(o).append('\n');
        yaml.append("        text: Objective ").append(s).append('.').append(o).append('\n');
      }
      yaml.append("    questions:\n");
      for (int q = 1; q <= questions; q++) {
        yaml.append(
            question(s, q)
                .replace(
                    "        question:",
                    "        objective: objective-" + s + "-1\n        question:"));
      }
    }
    return yaml.toString();
  }

  /** The 1-based line of the first line of {@code yaml} that contains {@code fragment}. */
  public static int lineOf(String yaml, String fragment) {
    int at = yaml.indexOf(fragment);
    if (at < 0) {
      throw new IllegalArgumentException("no " + fragment + " in the file");
    }
    return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }
}
