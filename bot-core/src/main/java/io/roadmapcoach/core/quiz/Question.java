package io.roadmapcoach.core.quiz;

import java.util.List;
import java.util.OptionalInt;

/**
 * A multiple-choice question of one stage.
 *
 * @param id stable id, unique in the bank (members' Leitner boxes refer to it)
 * @param stage the stage it tests
 * @param text the question
 * @param options the options as written in the bank
 * @param correctOption index into {@code options} of the one right answer
 * @param explanation one line on why the right answer is right
 * @param objective the stage's objective (1-based) it examines, when the bank names one
 */
public record Question(
    String id,
    int stage,
    String text,
    List<String> options,
    int correctOption,
    String explanation,
    OptionalInt objective) {

  public Question {
    options = List.copyOf(options);
  }

  /** A question that names no objective, as custom banks may write them. */
  public Question(
      String id,
      int stage,
      String text,
      List<String> options,
      int correctOption,
      String explanation) {
    this(id, stage, text, options, correctOption, explanation, OptionalInt.empty());
  }

  public boolean isCorrect(int option) {
    return option == correctOption;
  }

  public String correctText() {
    return options.get(correctOption);
  }
}
