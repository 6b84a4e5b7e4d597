package io.roadmapcoach.core.quiz;

import java.util.List;

/**
 * A multiple-choice question of one stage.
 *
 * @param id stable id, unique in the bank (members' Leitner boxes refer to it)
 * @param stage the stage it tests
 * @param text the question
 * @param options the options as written in the bank
 * @param correctOption index into {@code options} of the one right answer
 * @param explanation one line on why the right answer is right
 */
public record Question(
    String id,
    int stage,
    String text,
    List<String> options,
    int correctOption,
    String explanation) {

  public Question {
    options = List.copyOf(options);
  }

  public boolean isCorrect(int option) {
    return option == correctOption;
  }

  public String correctText() {
    return options.get(correctOption);
  }
}
