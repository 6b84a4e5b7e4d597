package io.roadmapcoach.core.progress;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.db.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two app instances sweeping one database: every member nudged exactly once, even when one dies.
 */
@ExtendWith(PostgresExtension.class)
class SweepClusterTest {
  private static final int MEMBERS = 1_000;
  private static final Instant TUESDAY_NINE = Instant.parse("2026-03-03T09:00:00Z");

  private final List<HikariDataSource> pools = new ArrayList<>();

  @BeforeEach
  void thousandMembersDueAtNine() {
    DueMembers.create(TestDatabase.dsl(), MEMBERS, LocalDate.of(2026, 3, 2));
  }

  @AfterEach
  void closePools() {
    pools.forEach(HikariDataSource::close);
  }

  /** An instance of its own: its own connection pool on the shared database. */
  private NudgeSweep instance(int batch) {
    DSLContext dsl = Database.jooq(pool());
    return new NudgeSweep(dsl, new Transactions(dsl), batch);
  }

  private HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(((HikariDataSource) TestDatabase.dataSource()).getJdbcUrl());
    config.setUsername("postgres");
    config.setMaximumPoolSize(3);
    HikariDataSource pool = new HikariDataSource(config);
    pools.add(pool);
    return pool;
  }

  @Test
  void twoInstancesSweepingAtOnceNudgeEveryMemberExactlyOnce() {
    NudgeSweep first = instance(100);
    NudgeSweep second = instance(100);
    CountDownLatch go = new CountDownLatch(1);

    var a = CompletableFuture.supplyAsync(() -> awaitThen(go, () -> first.sweep(TUESDAY_NINE)));
    var b = CompletableFuture.supplyAsync(() -> awaitThen(go, () -> second.sweep(TUESDAY_NINE)));
    go.countDown();

    assertThat(a.join() + b.join()).isEqualTo(MEMBERS);
    assertEveryMemberNudgedOnce();
  }

  @Test
  void oneInstanceClaimingTwoSlicesAtOnceNudgesEveryMemberExactlyOnce() {
    HikariDataSource pool = pool();
    DSLContext dsl = Database.jooq(pool);
    NudgeSweep twoClaimers =
        new NudgeSweep(dsl, new Transactions(dsl), new OutboxRepository(dsl), 100, 2);

    assertThat(twoClaimers.sweep(TUESDAY_NINE)).isEqualTo(MEMBERS);
    assertEveryMemberNudgedOnce();
  }

  @Test
  void anInstanceDyingMidSweepLosesNoNudgeAndDoublesNone() {
    NudgeSweep dying = instance(100);
    AtomicInteger batches = new AtomicInteger();
    DSLContext dyingDsl = Database.jooq(pools.getLast());

    // the third batch has claimed its rows when the instance's connection is cut, as a crash does
    assertThatThrownBy(
            () ->
                dying.sweepMembers(
                    TUESDAY_NINE,
                    rows -> {
                      if (batches.incrementAndGet() == 3) {
                        dyingDsl.execute("select pg_terminate_backend(pg_backend_pid())");
                      }
                    }))
        .isInstanceOf(RuntimeException.class);
    int committedBeforeDeath = TestDatabase.dsl().fetchCount(OUTBOX);
    assertThat(committedBeforeDeath).isEqualTo(200);

    // the surviving instance's next sweep (a minute later) claims the rest
    int rest = instance(100).sweep(TUESDAY_NINE.plusSeconds(60));

    assertThat(rest).isEqualTo(MEMBERS - 200);
    assertEveryMemberNudgedOnce();
  }

  @Test
  void anInstanceSweepingInTheSameMinuteSkipsTheSlicesAnotherHasSwept() {
    assertThat(instance(100).sweep(TUESDAY_NINE)).isEqualTo(MEMBERS);
    List<Integer> sameMinute = new ArrayList<>();
    List<Integer> nextMinute = new ArrayList<>();

    instance(100).sweepMembers(TUESDAY_NINE.plusSeconds(30), sameMinute::add);
    instance(100).sweepMembers(TUESDAY_NINE.plusSeconds(60), nextMinute::add);

    assertThat(sameMinute).as("slices read in the same minute").isEmpty();
    assertThat(nextMinute).as("the next minute reads every slice, finds nothing new").hasSize(10);
    assertThat(nextMinute).containsOnly(0);
    assertEveryMemberNudgedOnce();
  }

  private static void assertEveryMemberNudgedOnce() {
    DSLContext dsl = TestDatabase.dsl();
    assertThat(dsl.fetchCount(OUTBOX, OUTBOX.KIND.eq("nudge"))).isEqualTo(MEMBERS);
    assertThat(dsl.fetchValue(DSL.select(DSL.countDistinct(OUTBOX.MEMBER_ID)).from(OUTBOX)))
        .isEqualTo(MEMBERS);
  }

  private static int awaitThen(CountDownLatch go, java.util.function.IntSupplier work) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return work.getAsInt();
  }
}
