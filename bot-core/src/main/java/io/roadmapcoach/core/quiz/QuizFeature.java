package io.roadmapcoach.core.quiz;

import io.roadmapcoach.core.action.Action;
import io.roadmapcoach.core.delivery.Composer;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.feature.ButtonDeclaration;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.schedule.Routine;
import java.util.List;
import java.util.Map;

/**
 * A quiz's answers, pressed on its questions. The {@code quiz} command itself is progress's: it
 * runs on the member's enrollment.
 */
public final class QuizFeature implements Feature {
  private final QuizService quizzes;
  private final QuizRoutines routines;
  private final QuizComposers composers;

  public QuizFeature(QuizService quizzes, QuizRoutines routines, QuizComposers composers) {
    this.routines = routines;
    this.composers = composers;
    this.quizzes = quizzes;
  }

  @Override
  public List<ButtonDeclaration<?>> buttons() {
    return List.of(ButtonDeclaration.of(Action.Answer.class, quizzes::answer));
  }

  @Override
  public List<Routine> routines() {
    return routines.routines();
  }

  @Override
  public Map<DeliveryKind, Composer> composers() {
    return composers.composers();
  }
}
