package io.roadmapcoach.core.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.roadmapcoach.core.progress.NudgeSweep;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.DatabaseSettings;
import java.nio.file.Files;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.jooq.DSLContext;

/**
 * The nudge sweep claiming 100,000 members due in the same minute into the outbox, with one and
 * with two instances (each its own connection pool). Goal: 50,000 claimed rows/s or more. What
 * happens after the sweep (the delivery worker) is measured by the discord-adapter's {@code
 * DeliveryBenchmark}.
 *
 * <p>Run: {@code ./mvnw -B -q -pl bot-core exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.roadmapcoach.core.bench.SweepBenchmark}
 */
public final class SweepBenchmark {
  static final int MEMBERS = 100_000;
  static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

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
        "insert into enrollment (member_id, channel_id,"
            + " streak_days, last_activity_at, last_active_date, enrolled_at) select m.id, c.id,"
            + " 0, now(), date '2026-11-23', now() from member m, channel c");
    dsl.execute(
        "insert into journey (member_id, roadmap_id, stage, points, points_reached_at, started_at)"
            + " select member_id, 0, 1 + (member_id % 15), 0, now(), enrolled_at from enrollment");
    dsl.execute(
        "insert into channel_member (channel_id, member_id, joined_at, points, points_reached_at,"
            + " last_activity_at)"
            + " select channel_id, member_id, enrolled_at, 0, now(), last_activity_at from enrollment");
    dsl.execute("analyze");
  }
}
