package io.roadmapcoach.core.quiz;

import io.roadmapcoach.core.schedule.Routine;
import io.roadmapcoach.core.tx.Transactions;
import java.util.List;
import org.jooq.DSLContext;

/** What quiz runs on its own: each channel's weekly quiz, at its slot. */
public final class QuizRoutines {
  private final WeeklyQuiz weeklyQuiz;

  public QuizRoutines(DSLContext dsl, Transactions transactions) {
    this.weeklyQuiz = new WeeklyQuiz(dsl, transactions);
  }

  public List<Routine> routines() {
    return List.of(weeklyQuiz.routine());
  }
}
