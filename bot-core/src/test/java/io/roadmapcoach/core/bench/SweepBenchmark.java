package io.roadmapcoach.core.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.roadmapcoach.core.member.Platform;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.schedule.Delivery;
import io.roadmapcoach.core.schedule.DeliveryComposer;
import io.roadmapcoach.core.schedule.DeliveryQueue;
import io.roadmapcoach.core.schedule.DeliveryResult;
import io.roadmapcoach.core.schedule.DeliveryWorker;
import io.roadmapcoach.core.schedule.Messenger;
import io.roadmapcoach.core.schedule.NudgeSweep;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.DatabaseSettings;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;

/**
 * The nudge sweep claiming 100,000 members due in the same minute into the outbox, with one and
 * with two instances (each its own connection pool), then the delivery worker's rate into a
 * messenger that does nothing. Goal: 50,000 claimed rows/s or more.
 *
 * <p>Run: {@code ./mvnw -B -q -pl bot-core exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.roadmapcoach.core.bench.SweepBenchmark}
 */
public final class SweepBenchmark {
  static final int MEMBERS = 100_000;
  static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");
  static final int DELIVERY_SAMPLE = 20_000;

  private SweepBenchmark() {}

  public static void main(String[] args) throws Exception {
    var dir = Files.createTempDirectory("roadmap-bench");
    try (Database database = Database.open(DatabaseSettings.embedded(dir), true)) {
      DSLContext dsl = database.dsl();
      fill(dsl);
      System.out.printf("%,d members due at 09:00 UTC%n", MEMBERS);
      // a running app sweeps every minute, so its code and the database's caches are warm: one
      // sweep at an hour when nobody is due runs the same queries over the same rows first
      sweep(database, NINE.minusSeconds(4 * 3600));
      System.out.println("(after a warm-up sweep at 05:00, when nobody is due)");

      double one = timeSweep("one instance", () -> sweep(database, NINE));
      dsl.execute("truncate outbox, sweep_slice"); // the same minute again, from the start
      dsl.execute("analyze");
      double two =
          timeSweep(
              "two instances",
              () -> {
                var a = CompletableFuture.supplyAsync(() -> sweep(database, NINE));
                var b = CompletableFuture.supplyAsync(() -> sweep(database, NINE));
                return a.join() + b.join();
              });
      System.out.println(
          Math.min(one, two) >= 50_000
              ? "goal met: 50,000 rows/s or more"
              : "goal MISSED: under 50,000 rows/s");
      deliveryRate(dsl);
    }
  }

  private static double timeSweep(String label, java.util.function.IntSupplier sweep) {
    long start = System.nanoTime();
    int rows = sweep.getAsInt();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (rows != MEMBERS) {
      throw new IllegalStateException(label + " claimed " + rows + " rows, not " + MEMBERS);
    }
    double rate = rows / seconds;
    System.out.printf(
        "sweep, %-13s %,7d rows in %5.2f s = %,8.0f rows/s%n", label, rows, seconds, rate);
    return rate;
  }

  /** One app instance's sweep: its own pool on the shared database. */
  private static int sweep(Database database, Instant at) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(database.dataSource());
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      DSLContext dsl = Database.jooq(pool);
      return new NudgeSweep(dsl, new Transactions(dsl)).sweep(at);
    }
  }

  private static void deliveryRate(DSLContext dsl) {
    Roadmap roadmap = new RoadmapLoader().load(RoadmapSource.builtIn());
    Transactions transactions = new Transactions(dsl);
    dsl.execute(
        "update outbox set status = 'dropped'"
            + " where id not in (select id from outbox order by id limit "
            + DELIVERY_SAMPLE
            + ")");
    AtomicInteger sent = new AtomicInteger();
    Messenger noOp =
        new Messenger() {
          @Override
          public Platform platform() {
            return Platform.CONSOLE;
          }

          @Override
          public DeliveryResult send(Delivery delivery) {
            sent.incrementAndGet();
            return DeliveryResult.Sent.plain();
          }
        };
    DeliveryComposer composer = DeliveryComposer.on(dsl, roadmap);
    DeliveryWorker worker =
        new DeliveryWorker(
                new DeliveryQueue(dsl),
                composer,
                transactions,
                Clock.fixed(NINE.plusSeconds(30), ZoneOffset.UTC))
            .register(noOp);
    long start = System.nanoTime();
    worker.start(java.time.Duration.ofMillis(100));
    while (worker.counts().total(io.roadmapcoach.core.schedule.DeliveryOutcome.SENT)
        < DELIVERY_SAMPLE) {
      Thread.onSpinWait();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    worker.close();
    System.out.printf(
        "delivery into a no-op messenger: %,d nudges composed and sent in %.2f s = %,.0f rows/s"
            + " (one worker)%n",
        sent.get(), seconds, sent.get() / seconds);
  }

  static void fill(DSLContext dsl) {
    dsl.execute(
        "insert into workspace (platform, external_id, name) values ('console', 'bench', 'bench')");
    dsl.execute(
        "insert into channel (workspace_id, external_id, name, time_zone)"
            + " select id, 'cohort', 'cohort', 'UTC' from workspace");
    dsl.execute(
        "insert into member (workspace_id, external_id, display_name, time_zone)"
            + " select w.id, 'm' || n, 'Member ' || n, 'UTC' from workspace w, generate_series(1, "
            + MEMBERS
            + ") n");
    dsl.execute(
        "insert into enrollment (member_id, channel_id, stage, points, points_reached_at,"
            + " streak_days, last_activity_at, last_active_date, enrolled_at) select m.id, c.id, 1"
            + " + (m.id % 15), 0, now(), 0, now(), date '2026-11-23', now() from member m, channel"
            + " c");
    dsl.execute("analyze");
  }
}
