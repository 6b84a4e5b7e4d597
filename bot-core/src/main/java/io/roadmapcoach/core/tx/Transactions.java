package io.roadmapcoach.core.tx;

import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work in one database transaction bound to the calling thread; repositories built on the same
 * {@link DSLContext} join it. Nested calls join the outer transaction.
 *
 * <p>A transaction that cannot reach the database fails with {@link DatabaseUnavailable}; after
 * that, transactions fail so at once rather than each waiting for a connection, until a probe finds
 * the database back (see {@link Reachability}). Share one instance so that all the core's work
 * knows.
 */
public final class Transactions {
  private static final Logger log = LoggerFactory.getLogger(Transactions.class);

  /** How often work that lost to a concurrent transaction is tried in all. */
  static final int ATTEMPTS_ON_CONFLICT = 3;

  /** Whether the calling thread is inside a transaction already (a nested call takes no turn). */
  private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

  private final DSLContext dsl;
  private final Reachability reachability;
  private final Optional<Share> share;

  public Transactions(DSLContext dsl) {
    this(dsl, System::nanoTime);
  }

  /** With another source of elapsed time, for tests of the pause after an outage. */
  public Transactions(DSLContext dsl, LongSupplier nanoTime) {
    this.dsl = dsl;
    this.reachability = new Reachability(nanoTime, this::answers);
    this.share = Optional.empty();
  }

  private Transactions(Transactions of, Share share) {
    this.dsl = of.dsl;
    this.reachability = of.reachability;
    this.share = Optional.of(share);
  }

  /**
   * The same transactions (and the same knowledge of an outage), each outermost one taking its turn
   * in {@code share} first: a full share answers {@link DatabaseBusy} at once.
   */
  public Transactions sharing(Share share) {
    return new Transactions(this, share);
  }

  /** Runs {@code work} within this instance's share, unless the thread holds a turn already. */
  private <T> T inTurn(Supplier<T> work) {
    if (share.isEmpty() || INSIDE.get()) {
      return work.get();
    }
    try (Share.Turn turn = share.get().enter()) {
      INSIDE.set(true);
      try {
        return work.get();
      } finally {
        INSIDE.set(false);
      }
    }
  }

  /** Whether the database answers a trivial query now: the probe while the circuit is open. */
  private boolean answers() {
    try {
      dsl.selectOne().fetch();
      return true;
    } catch (DataAccessException e) {
      return false;
    }
  }

  public <T> T inTransaction(Supplier<T> work) {
    return inTransaction(work, result -> true);
  }

  /**
   * Like {@link #inTransaction}, but what the work changed is kept only when {@code keep} says so
   * of its result; otherwise the transaction is rolled back and the result still returned (a
   * command that only read, from someone the coach had to create rows for to answer).
   */
  public <T> T inTransaction(Supplier<T> work, Predicate<? super T> keep) {
    reachability.check();
    return inTurn(() -> inTransactionNow(work, keep));
  }

  private <T> T inTransactionNow(Supplier<T> work, Predicate<? super T> keep) {
    try {
      T result =
          dsl.transactionResult(
              configuration -> {
                T done = work.get();
                if (!keep.test(done)) {
                  throw new Discarded(done);
                }
                return done;
              });
      reachability.succeeded();
      return result;
    } catch (Discarded discarded) {
      reachability.succeeded();
      @SuppressWarnings("unchecked")
      T result = (T) discarded.result;
      return result;
    } catch (DataAccessException e) {
      throw reachability.failed(e);
    }
  }

  /** Rolls a transaction back and carries its result past the rollback. */
  private static final class Discarded extends RuntimeException {
    private final transient Object result;

    Discarded(Object result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  /**
   * Like {@link #inTransaction}, but work that lost to a concurrent transaction (a serialization
   * failure, a deadlock, or a unique key another transaction took first) is run again from the
   * start, up to {@link #ATTEMPTS_ON_CONFLICT} times in all: each attempt sees what the winner
   * committed. {@code work} must leave nothing behind outside the transaction when it fails.
   */
  public <T> T inTransactionRetrying(Supplier<T> work) {
    return inTransactionRetrying(work, result -> true);
  }

  /** {@link #inTransactionRetrying}, keeping the changes only when {@code keep} says so. */
  public <T> T inTransactionRetrying(Supplier<T> work, Predicate<? super T> keep) {
    for (int attempt = 1; ; attempt++) {
      try {
        return inTransaction(work, keep);
      } catch (DatabaseUnavailable e) {
        throw e;
      } catch (DataAccessException e) {
        if (attempt >= ATTEMPTS_ON_CONFLICT || !isConflict(e)) {
          throw e;
        }
        log.debug("Retrying after a conflicting transaction (attempt {})", attempt);
      }
    }
  }

  /** Serialization failure, deadlock, unique violation: another transaction got there first. */
  static boolean isConflict(DataAccessException e) {
    String state = e.sqlState();
    return "40001".equals(state) || "40P01".equals(state) || "23505".equals(state);
  }

  /**
   * One statement on its own, committed as it runs (no transaction to begin and commit: one round
   * trip instead of two), with the same pause after an outage. For a lone write that needs no
   * company, such as claiming a request id.
   */
  public <T> T alone(Supplier<T> statement) {
    reachability.check();
    return inTurn(() -> aloneNow(statement));
  }

  private <T> T aloneNow(Supplier<T> statement) {
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
