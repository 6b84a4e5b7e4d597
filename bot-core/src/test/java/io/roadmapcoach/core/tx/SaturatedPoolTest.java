package io.roadmapcoach.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.reply.Apologies;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.db.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pool with every connection busy is not an outage: commands wait their turn in a bounded queue
 * and are answered; beyond the queue they are told the bot is busy; only a database that cannot be
 * reached is answered as unreachable.
 */
@ExtendWith(PostgresExtension.class)
class SaturatedPoolTest {
  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());

  private final List<AutoCloseable> opened = new ArrayList<>();

  /** A real HikariCP pool of {@code size} connections, giving up after 250 ms. */
  private HikariDataSource pool(int size) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(TestDatabase.dataSource());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setConnectionTimeout(250);
    HikariDataSource pool = new HikariDataSource(config);
    opened.add(pool);
    return pool;
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : opened.reversed()) {
      c.close();
    }
  }

  private static Caller member(int n) {
    return new Caller(
        Platform.CONSOLE,
        "acme",
        "Acme",
        Origin.channel("general", "general"),
        "m" + n,
        "Member " + n,
        false,
        Optional.empty(),
        Optional.empty());
  }

  private static Core core(DSLContext dsl, PoolShares shares) {
    return Core.builder(dsl, ROADMAP, new QuizBankLoader().load(RoadmapSource.builtIn(), ROADMAP))
        .poolShares(shares)
        .build();
  }

  @Test
  void aFullPoolIsBusyAndOpensNoCircuit() throws Exception {
    HikariDataSource pool = pool(2);
    AtomicLong frozen = new AtomicLong(1_000_000_000L);
    Transactions transactions = new Transactions(Database.jooq(pool), frozen::get);
    DSLContext dsl = Database.jooq(pool);
    try (Connection a = pool.getConnection();
        Connection b = pool.getConnection()) {
      assertThatThrownBy(() -> transactions.inTransaction(() -> dsl.selectOne().fetch()))
          .isInstanceOf(DatabaseBusy.class)
          .isNotInstanceOf(DatabaseUnavailable.class);
    }
    // the elapsed time stands still: had the circuit opened, this would fail at once
    assertThat(transactions.inTransaction(() -> dsl.selectOne().fetchSingle().value1()))
        .isEqualTo(1);
  }

  @Test
  void commandsFarBeyondThePoolWaitTheirTurnAndAreAllAnswered() throws Exception {
    HikariDataSource pool = pool(4);
    PoolShares shares =
        new PoolShares(
            new Share("commands", 2, 200, Duration.ofSeconds(20)),
            new Share("delivery", 1, 10, Duration.ofSeconds(5)),
            new Share("routines", 1, 10, Duration.ofSeconds(5)));
    Core core = core(Database.jooq(pool), shares);
    int members = 60;
    for (int n = 0; n < members; n++) {
      core.coach().handleText(member(n), "start");
    }
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    opened.add(threads::shutdownNow);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> answers = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int n = 0; n < members; n++) {
        Caller caller = member(n);
        answers.add(
            threads.submit(
                () -> {
                  go.await();
                  return core.coach().handleText(caller, "status").plainText();
                }));
      }
    }
    go.countDown();

    for (Future<String> answer : answers) {
      String text = answer.get();
      assertThat(text)
          .doesNotContain(Apologies.DATABASE_UNREACHABLE)
          .doesNotContain(Apologies.BUSY)
          .doesNotContain(Apologies.SOMETHING_WENT_WRONG)
          .contains("stage");
    }
    assertThat(answers).hasSize(3 * members);
  }

  @Test
  void beyondTheQueueACommandIsToldTheBotIsBusyNotThatTheDatabaseIsAway() throws Exception {
    HikariDataSource pool = pool(4);
    Share commands = new Share("commands", 1, 0, Duration.ofSeconds(5));
    PoolShares shares =
        new PoolShares(
            commands,
            new Share("delivery", 1, 10, Duration.ofSeconds(5)),
            new Share("routines", 1, 10, Duration.ofSeconds(5)));
    DSLContext dsl = Database.jooq(pool);
    Core core = core(dsl, shares);
    core.coach().handleText(member(1), "start");
    // another command holds the share's only turn
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        Thread.ofVirtual()
            .start(
                () ->
                    new Transactions(dsl)
                        .sharing(commands)
                        .inTransaction(
                            () -> {
                              holding.countDown();
                              try {
                                release.await();
                              } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                              }
                              return null;
                            }));
    holding.await();

    long started = System.nanoTime();
    String answer = core.coach().handleText(member(1), "status").plainText();

    assertThat(answer).isEqualTo(Apologies.BUSY + "\n");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("told at once, not after a wait")
        .isLessThan(Duration.ofSeconds(1));
    release.countDown();
    holder.join();
    assertThat(core.coach().handleText(member(1), "status").plainText())
        .as("answered again once the turn is free")
        .contains("stage");
  }
}
