package io.roadmapcoach.core.journey;

import java.util.Locale;

/**
 * What a progress event records. Activity (enrolling, an objective done, a quiz answer, a stage
 * advanced) keeps streaks alive and stops the day's nudge; taking back and lead changes do not.
 */
public enum EventKind {
  ENROLLED(true),
  OBJECTIVE_DONE(true),
  OBJECTIVE_UNDONE(false),
  QUESTION_RIGHT(true),
  QUESTION_ANSWERED(true),
  QUIZ_PASSED(true),
  STAGE_FINISHED(true),
  STAGE_SET(false);

  private final boolean activity;

  EventKind(boolean activity) {
    this.activity = activity;
  }

  public boolean isActivity() {
    return activity;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
