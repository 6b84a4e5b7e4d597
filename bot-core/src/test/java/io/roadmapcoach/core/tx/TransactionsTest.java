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
  void anUnreachableDatabaseFailsAsUnavailableAndCommandsMeanwhileFailAtOnce() {
    database.takeAway();

    assertThatThrownBy(this::selectOne).isInstanceOf(DatabaseUnavailable.class);
    int asked = database.connectionsAsked();
    long started = System.nanoTime();
    assertThatThrownBy(this::selectOne).isInstanceOf(DatabaseUnavailable.class);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("a command during the outage waits for nothing")
        .isLessThan(Duration.ofMillis(100));
    assertThat(database.connectionsAsked() - asked)
        .as("connections asked meanwhile: the probe's at most, never the command's")
        .isLessThanOrEqualTo(1);
    database.bringBack();
  }

  @Test
  void commandsAnswerAgainWithinTwoSecondsOfTheDatabasesReturn() throws InterruptedException {
    database.takeAway();
    assertThatThrownBy(this::selectOne).isInstanceOf(DatabaseUnavailable.class);
    Thread.sleep(300); // the probe has found it away at least once

    database.bringBack();
    long back = System.nanoTime();
    Integer answer = null;
    while (answer == null && System.nanoTime() - back < Duration.ofSeconds(5).toNanos()) {
      try {
        answer = selectOne();
      } catch (DatabaseUnavailable stillAway) {
        Thread.sleep(20);
      }
    }

    // the elapsed-time source stands still here: only the probe can have closed the circuit
    assertThat(answer).isEqualTo(1);
    assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(Duration.ofSeconds(2));
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
