package io.roadmapcoach.db.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code ./mvnw -Pquick}: unit tests only, while working. A test that needs more than its own JVM
 * (an embedded PostgreSQL, a browser, a JVM of the app's own) is skipped, and counted as skipped,
 * by the fixture that would start it; a class that starts such things itself says so with
 * {@code @ExtendWith(QuickRun.class)}. The whole suite ({@code ./mvnw -B verify}) runs them all.
 */
public final class QuickRun implements ExecutionCondition {
  /** The system property the quick profile sets for the test JVMs. */
  public static final String PROPERTY = "roadmap.tests.quick";

  private static final ConditionEvaluationResult RUN =
      ConditionEvaluationResult.enabled("the whole suite");

  /** Whether this is a quick run. */
  public static boolean on() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** Skips the calling test in a quick run; {@code needs} says what it would have started. */
  public static void skipIfOn(String needs) {
    Assumptions.assumeFalse(on(), () -> reason(needs));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return on() ? ConditionEvaluationResult.disabled(reason("more than its own JVM")) : RUN;
  }

  private static String reason(String needs) {
    return "-Pquick runs unit tests only; this one needs " + needs;
  }
}
