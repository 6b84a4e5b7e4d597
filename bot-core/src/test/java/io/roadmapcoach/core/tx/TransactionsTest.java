package io.roadmapcoach.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roadmapcoach.core.testing.SwitchableDataSource;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
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
}
