package io.roadmapcoach.core.journey;

import java.util.Locale;

/**
 * What a progress event records. Activity (an objective done, a quiz answer, a stage advanced)
 * keeps streaks alive and stops the day's nudge; enrolling, taking back and lead changes do not:
 * joining starts the clock for "stuck" but is not a day of progress. A day's activity counts only
 * while it stands: an objective checked off and taken back the same day leaves nothing (see {@link
 * ProgressLedger}).
 */
public enum EventKind {
  ENROLLED(false),
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

  /** Whether the event takes earlier progress back, so the day's activity may no longer stand. */
  public boolean takesBack() {
    return this == OBJECTIVE_UNDONE;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
