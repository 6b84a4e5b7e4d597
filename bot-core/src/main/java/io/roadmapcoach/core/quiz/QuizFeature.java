package io.roadmapcoach.core.quiz;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.feature.ButtonDeclaration;
import io.roadmapcoach.core.feature.Feature;
import java.util.List;

/**
 * A quiz's answers, pressed on its questions. The {@code quiz} command itself is progress's: it
 * runs on the member's enrollment.
 */
public final class QuizFeature implements Feature {
  private final QuizService quizzes;

  public QuizFeature(QuizService quizzes) {
    this.quizzes = quizzes;
  }

  @Override
  public List<ButtonDeclaration<?>> buttons() {
    return List.of(ButtonDeclaration.of(Action.Answer.class, quizzes::answer));
  }
}
