package io.roadmapcoach.core.tx;

import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Runs work in one database transaction bound to the calling thread; repositories built on the same
 * {@link DSLContext} join it. Nested calls join the outer transaction.
 */
public final class Transactions {
  private final DSLContext dsl;

  public Transactions(DSLContext dsl) {
    this.dsl = dsl;
  }

  public <T> T inTransaction(Supplier<T> work) {
    return dsl.transactionResult(work::get);
  }

  public void run(Runnable work) {
    dsl.transaction(work::run);
  }
}
