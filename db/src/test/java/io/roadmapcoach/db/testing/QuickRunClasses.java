package io.roadmapcoach.db.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * In a quick run ({@link QuickRun}), skips a test whose class set-up needs what the run leaves out
 * (a parser test that builds the whole core, database included, once for its class; a test that
 * borrows such a class's set-up): it would otherwise fail to initialize the class instead of being
 * skipped. Registered for quick runs only, through JUnit's extension auto-detection, which the
 * quick profile turns on.
 */
public final class QuickRunClasses implements ExecutionCondition, TestExecutionExceptionHandler {
  private static final ConditionEvaluationResult RUN =
      ConditionEvaluationResult.enabled("its set-up runs in this JVM");

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!QuickRun.on() || context.getTestMethod().isPresent()) {
      return RUN;
    }
    return context.getTestClass().map(QuickRunClasses::initialize).orElse(RUN);
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    if (QuickRun.on() && askedToBeSkipped(thrown)) {
      throw new TestAbortedException("a class it uses was skipped by -Pquick", thrown);
    }
    throw thrown;
  }

  /** Runs the class's static set-up now, where a skip it asks for can still be honoured. */
  private static ConditionEvaluationResult initialize(Class<?> testClass) {
    try {
      Class.forName(testClass.getName(), true, testClass.getClassLoader());
      return RUN;
    } catch (ExceptionInInitializerError e) {
      if (e.getCause() instanceof TestAbortedException skipped) {
        return ConditionEvaluationResult.disabled(skipped.getMessage());
      }
      throw e;
    } catch (ClassNotFoundException e) {
      return RUN;
    }
  }

  /**
   * A class whose set-up was skipped stays uninitialized; the JVM then names the skip only in the
   * message of the error it gives every later use of the class.
   */
  private static boolean askedToBeSkipped(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof TestAbortedException
          || (cause instanceof ExceptionInInitializerError
              && String.valueOf(cause.getMessage())
                  .contains(TestAbortedException.class.getName()))) {
        return true;
      }
    }
    return false;
  }
}
