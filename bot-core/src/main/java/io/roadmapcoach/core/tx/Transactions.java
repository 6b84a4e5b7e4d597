package io.roadmapcoach.core.tx;

import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Runs work in one database transaction bound to the calling thread; repositories built on the same
 * {@link DSLContext} join it. Nested calls join the outer transaction.
 *
 * <p>A transaction that cannot reach the database fails with {@link DatabaseUnavailable}; for a few
 * seconds after that, transactions fail so at once rather than each waiting for a connection (see
 * {@link Reachability}). Share one instance so that all the core's work knows.
 */
public final class Transactions {
  private final DSLContext dsl;
  private final Reachability reachability;

  public Transactions(DSLContext dsl) {
    this(dsl, System::nanoTime);
  }

  /** With another source of elapsed time, for tests of the pause after an outage. */
  public Transactions(DSLContext dsl, LongSupplier nanoTime) {
    this.dsl = dsl;
    this.reachability = new Reachability(nanoTime);
  }

  public <T> T inTransaction(Supplier<T> work) {
    reachability.check();
    try {
      T result = dsl.transactionResult(work::get);
      reachability.succeeded();
      return result;
    } catch (DataAccessException e) {
      throw reachability.failed(e);
    }
  }

  /**
   * One statement on its own, committed as it runs (no transaction to begin and commit: one round
   * trip instead of two), with the same pause after an outage. For a lone write that needs no
   * company, such as claiming a request id.
   */
  public <T> T alone(Supplier<T> statement) {
    reachability.check();
    try {
      T result = statement.get();
      reachability.succeeded();
      return result;
    } catch (DataAccessException e) {
      throw reachability.failed(e);
    }
  }

  public void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
