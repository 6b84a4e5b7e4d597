package io.roadmapcoach.db.testing;

import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test the shared embedded PostgreSQL, emptied before each test; skipped under {@code
 * -Pquick} ({@link QuickRun}).
 */
public final class PostgresExtension
    implements BeforeEachCallback, ParameterResolver, ExecutionCondition {
  private final QuickRun quick = new QuickRun();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return quick.evaluateExecutionCondition(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestDatabase.truncateAll();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DSLContext.class || type == DataSource.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DSLContext.class
        ? TestDatabase.dsl()
        : TestDatabase.dataSource();
  }
}
