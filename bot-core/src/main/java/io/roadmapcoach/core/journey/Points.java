package io.roadmapcoach.core.journey;

/** What progress is worth. */
public final class Points {
  public static final int OBJECTIVE = 10;
  public static final int QUESTION_RIGHT_FIRST_TIME = 5;
  public static final int QUIZ_PASSED = 20;
  public static final int STAGE_FINISHED = 50;

  private Points() {}
}
