package io.roadmapcoach.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roadmapcoach.core.testing.SwitchableDataSource;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An unreachable database is told apart from other failures, and not asked again for a moment. */
@ExtendWith(PostgresExtension.class)
class TransactionsTest {
  private final SwitchableDataSource database = new SwitchableDataSource();
  private final DSLContext dsl = Database.jooq(database);
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final Transactions transactions = new Transactions(dsl, nanos::get);

  private int selectOne() {
    return transactions.inTransaction(() -> dsl.selectOne().fetchSingle().value1());
  }

  @Test
  void anUnreachableDatabaseFailsAsUnavailableAndIsNotAskedAgainDuringThePause() {
    database.takeAway();

    assertThatThrownBy(this::selectOne).isInstanceOf(DatabaseUnavailable.class);
    int asked = database.connectionsAsked();
    assertThatThrownBy(this::selectOne).isInstanceOf(DatabaseUnavailable.class);
    assertThat(database.connectionsAsked()).as("asked again during the pause").isEqualTo(asked);

    database.bringBack();
    nanos.addAndGet(Reachability.PAUSE.toNanos() - 1);
    assertThatThrownBy(this::selectOne).isInstanceOf(DatabaseUnavailable.class);

    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(selectOne()).isEqualTo(1);
    assertThat(selectOne()).isEqualTo(1);
  }

  @Test
  void aBadStatementIsAFailureOfItsOwnAndPausesNothing() {
    assertThatThrownBy(() -> transactions.run(() -> dsl.execute("select * from no_such_table")))
        .isInstanceOf(DataAccessException.class)
        .isNotInstanceOf(DatabaseUnavailable.class);

    assertThat(selectOne()).isEqualTo(1);
  }

  /** PostgreSQL's own serialization failure, raised inside the transaction. */
  private void loseToAConcurrentTransaction() {
    dsl.execute("do $$ begin raise exception 'lost' using errcode = '40001'; end $$");
  }

  @Test
  void workThatLosesToAConcurrentTransactionIsRunAgainFromTheStart() {
    AtomicInteger attempts = new AtomicInteger();

    int answer =
        transactions.inTransactionRetrying(
            () -> {
              if (attempts.incrementAndGet() < Transactions.ATTEMPTS_ON_CONFLICT) {
                loseToAConcurrentTransaction();
              }
              return dsl.selectOne().fetchSingle().value1();
            });

    assertThat(answer).isEqualTo(1);
    assertThat(attempts).hasValue(Transactions.ATTEMPTS_ON_CONFLICT);
  }

  @Test
  void conflictsAreTriedAFewTimesOnlyAndOtherFailuresOnce() {
    AtomicInteger conflicts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                transactions.inTransactionRetrying(
                    () -> {
                      conflicts.incrementAndGet();
                      loseToAConcurrentTransaction();
                      return 0;
                    }))
        .isInstanceOf(DataAccessException.class)
        .extracting(e -> ((DataAccessException) e).sqlState())
        .isEqualTo("40001");
    assertThat(conflicts).hasValue(Transactions.ATTEMPTS_ON_CONFLICT);

    AtomicInteger failures = new AtomicInteger();
    assertThatThrownBy(
            () ->
                transactions.inTransactionRetrying(
                    () -> {
                      failures.incrementAndGet();
                      return dsl.execute("select 1 / 0");
                    }))
        .isInstanceOf(DataAccessException.class);
    assertThat(failures).hasValue(1);
  }
}
