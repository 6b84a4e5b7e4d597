package io.roadmapcoach.discord;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryOutcome;
import io.roadmapcoach.core.delivery.DeliveryQueue;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.DeliveryWorker;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.delivery.Pace;
import io.roadmapcoach.core.delivery.SharedBudget;
import io.roadmapcoach.core.progress.NudgeSweep;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.DatabaseSettings;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The outbox and its worker at scale, one instance, through the real sweep, outbox, worker and (for
 * Discord) the real messenger, JDA and a fake Discord on loopback:
 *
 * <ol>
 *   <li>10,000 nudges due in one minute, every platform call answered after 300 ms, no rate limit
 *       (a fake platform in this JVM): lateness of each hand-over after the minute began, and the
 *       most requests on the wire at one instant (marked as being sent, not yet marked again: what
 *       a crash then would leave in doubt). Goal: all within 60 s.
 *   <li>Discord: nudges into the fake Discord enforcing the global 50 requests a second (429 with
 *       {@code X-RateLimit-Global} past it), each answered after 300 ms. Goals: at least 95% of the
 *       allowed rate, fewer than 0.5% of calls answered 429.
 *   <li>10,000 nudges into a messenger that does nothing: deliveries a second. Goal: 5,000.
 * </ol>
 *
 * <p>The sweep runs when the minute begins, as Quartz fires it, so lateness includes claiming the
 * due members. Run: {@code ./mvnw -B -q -pl discord-adapter -am process-test-classes
 * -Pdelivery-bench} ({@code -Dbench.discord=3000} sets the Discord run's size).
 */
public final class DeliveryBenchmark {
  static final int NUDGES = 10_000;
  static final Duration ANSWER_AFTER = Duration.ofMillis(300);

  /** Instances delivering together in the Discord run, sharing the bot's budget. */
  static final int INSTANCES = Integer.getInteger("bench.instances", 3);

  static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());

  private DeliveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int discordNudges = Integer.getInteger("bench.discord", 3_000);
    var dir = Files.createTempDirectory("roadmap-delivery-bench");
    try (Database database = Database.open(DatabaseSettings.embedded(dir), true)) {
      System.out.printf(
          "one instance, %d cores, worker %s%n",
          Runtime.getRuntime().availableProcessors(), DeliveryWorker.Settings.DEFAULT);
      // bench.phases=noop runs the no-op run alone (while working on it)
      String phases = System.getProperty("bench.phases", "slow,discord,noop");
      boolean slowOk = true;
      boolean discordOk = true;
      boolean noOpOk = true;
      if (phases.contains("slow")) {
        // warm-up: the JIT and the database's caches, as in a running app
        slowPlatform(database, 2_000, false);
        slowOk = slowPlatform(database, NUDGES, true);
      }
      if (phases.contains("discord")) {
        discordOk = discord(database, discordNudges);
      }
      if (phases.contains("noop")) {
        // warm-up as long as the measured run, twice: until the JIT has compiled the hot paths,
        // its compiler threads take more CPU than the deliveries (a running app has long done so)
        for (int warmUp = 0; warmUp < 2; warmUp++) {
          noOp(database, dir, NUDGES, false);
        }
        StatementStats stats = StatementStats.start(database.dsl());
        noOpOk = noOp(database, dir, NUDGES, true);
        stats.print(NUDGES);
      }
      System.out.println(
          slowOk && discordOk && noOpOk ? "all goals met" : "a goal was MISSED (see above)");
    }
    System.exit(0);
  }

  // ---- 1. 300 ms a call, no rate limit

  private static boolean slowPlatform(Database database, int nudges, boolean print)
      throws InterruptedException {
    Run run = Run.prepare(database, Platform.CONSOLE, "bench", nudges);
    Messenger slow =
        new Recording(
            Platform.CONSOLE,
            run,
            d -> {
              sleep(ANSWER_AFTER);
              return DeliveryResult.Sent.plain();
            });
    run.deliver(slow, Duration.ofMinutes(5));
    if (!print) {
      return true;
    }
    System.out.printf(
        "300 ms a call, no limit:  %,d nudges handed over in %.1f s after their minute;"
            + " lateness %s; requests on the wire at the worst instant: %d (what a crash then would"
            + " leave in doubt)%n",
        run.handedOver.get(), run.lastHandOverSeconds(), run.lateness(), run.mostOnTheWire);
    boolean met = run.handedOver.get() == nudges && run.lastHandOverSeconds() <= 60;
    System.out.println(
        met ? "  goal met: every one within 60 s" : "  goal MISSED: not all within 60 s");
    return met;
  }

  // ---- 2. Discord's global limit, through JDA to the fake Discord

  private static boolean discord(Database database, int nudges) throws Exception {
    DSLContext dsl = database.dsl();
    Core core =
        Core.builder(dsl, ROADMAP, new QuizBankLoader().load(RoadmapSource.builtIn(), ROADMAP))
            .random(new Random(7))
            .build();
    try (FakeDiscord fake = new FakeDiscord()) {
      DiscordAdapter adapter =
          new DiscordAdapter(
              new DiscordSettings(
                  FakeDiscord.TOKEN,
                  Optional.of(fake.restUrl()),
                  Optional.of(fake.gatewayUrl()),
                  Optional.empty(),
                  Optional.empty()),
              core.coach(),
              core.workspaces(),
              Duration.ofSeconds(2),
              Duration.ofSeconds(20));
      try {
        adapter.start();
        adapter.awaitReady();
        Run run = Run.prepare(database, Platform.DISCORD, FakeDiscord.GUILD, nudges);
        fake.delay(ANSWER_AFTER).globalLimit(50);
        int callsBefore = fake.calls().size();
        int connectionsBefore = fake.connectionsOpened();
        List<Messenger> instances = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
          Messenger jda = adapter.messenger(run.clock);
          instances.add(
              new Recording(Platform.DISCORD, run, jda::send) {
                @Override
                public Pace pace(Delivery delivery) {
                  return jda.pace(delivery);
                }

                @Override
                public void shareBudget(Function<String, SharedBudget> budgets) {
                  jda.shareBudget(budgets);
                }
              });
        }
        run.deliver(instances, Duration.ofMinutes(10));
        int calls = fake.calls().size() - callsBefore;
        int connections = fake.connectionsOpened() - connectionsBefore;
        int refused = fake.rateLimited();
        int created = fake.created().size();
        double seconds = run.spanSeconds();
        double rate = created / seconds;
        System.out.printf(
            "Discord, 50 requests/s enforced, 300 ms a call, %d instances sharing"
                + " DISCORD_DELIVERIES_PER_SECOND: %,d messages in %.1f s = %.1f/s (%.0f%% of 50);"
                + " %d of %,d calls answered 429 (%.2f%%); lateness %s; on the wire at the worst"
                + " instant: %d%n",
            INSTANCES,
            created,
            seconds,
            rate,
            rate / 50 * 100,
            refused,
            calls,
            100.0 * refused / Math.max(1, calls),
            run.lateness(),
            run.mostOnTheWire);
        // each a TLS handshake against Discord: a kept pool opens about as many as are in flight
        System.out.printf(
            "  REST connections opened: %,d for %,d calls%n", connections, Math.max(1, calls));
        boolean met = rate >= 47.5 && refused < 0.005 * calls && created == nudges;
        System.out.println(
            met
                ? "  goal met: at least 95% of the allowed rate, under 0.5% answered 429"
                : "  goal MISSED");
        return met;
      } finally {
        adapter.close();
      }
    }
  }

  // ---- 3. a messenger that does nothing

  private static boolean noOp(
      Database database, java.nio.file.Path dataDir, int nudges, boolean print)
      throws InterruptedException {
    Run run = Run.prepare(database, Platform.CONSOLE, "bench", nudges);
    double javaBefore = Cpu.thisJvm();
    double postgresBefore = Cpu.postgres(dataDir);
    run.deliver(
        new Recording(Platform.CONSOLE, run, d -> DeliveryResult.Sent.plain()),
        Duration.ofMinutes(5));
    double seconds = run.drainSeconds();
    double rate = nudges / seconds;
    if (!print) {
      return true;
    }
    double javaMicros = (Cpu.thisJvm() - javaBefore) / nudges * 1e6;
    double postgresMicros = (Cpu.postgres(dataDir) - postgresBefore) / nudges * 1e6;
    System.out.printf(
        "no-op messenger:          %,d nudges claimed, composed, handed over and marked sent in"
            + " %.2f s = %,.0f a second%n",
        nudges, seconds, rate);
    System.out.printf(
        "  CPU per delivery, sweep included: this JVM %.0f us, PostgreSQL %.0f us (%s);"
            + " machine load average %.1f%n",
        javaMicros,
        postgresMicros,
        postgresMicros > 0 ? "read from /proc" : "PostgreSQL's CPU not readable here",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    boolean met = rate >= 5_000;
    System.out.println(
        met ? "  goal met: 5,000 a second or more" : "  goal MISSED: under 5,000 a second");
    return met;
  }

  /**
   * Where PostgreSQL's time went, per statement, when the server loads pg_stat_statements ({@code
   * -Droadmap.db.statementStats=true}); nothing otherwise.
   */
  private record StatementStats(DSLContext dsl, boolean on) {
    static StatementStats start(DSLContext dsl) {
      try {
        dsl.execute("create extension if not exists pg_stat_statements");
        dsl.execute("select pg_stat_statements_reset()");
        return new StatementStats(dsl, true);
      } catch (RuntimeException notLoaded) {
        return new StatementStats(dsl, false);
      }
    }

    void print(int deliveries) {
      if (!on) {
        return;
      }
      System.out.println("  PostgreSQL's time by statement (us per delivery, calls, rows):");
      dsl.fetch(
              "select total_exec_time, calls, rows, regexp_replace(query, '\\s+', ' ', 'g') q"
                  + " from pg_stat_statements order by total_exec_time desc limit 14")
          .forEach(
              r ->
                  System.out.printf(
                      "   %7.1f  %6d %7d  %.150s%n",
                      r.get(0, Double.class) * 1000 / deliveries,
                      r.get(1, Long.class),
                      r.get(2, Long.class),
                      r.get(3, String.class)));
    }
  }

  // ---- one run: members due at the next minute, the sweep at that minute, the worker draining

  /** A messenger that notes when each delivery was handed to it, then does {@code send}. */
  private static class Recording implements Messenger {
    private final Platform platform;
    private final Run run;
    private final java.util.function.Function<Delivery, DeliveryResult> send;

    Recording(
        Platform platform, Run run, java.util.function.Function<Delivery, DeliveryResult> send) {
      this.platform = platform;
      this.run = run;
      this.send = send;
    }

    @Override
    public Platform platform() {
      return platform;
    }

    @Override
    public DeliveryResult send(Delivery delivery) {
      run.handOver();
      return send.apply(delivery);
    }
  }

  private static final class Run {
    final Database database;
    final int nudges;
    final Instant due;
    final Clock clock;
    final AtomicInteger handedOver = new AtomicInteger();
    final ConcurrentLinkedQueue<Long> lateNanos = new ConcurrentLinkedQueue<>();
    volatile long firstHandOver;
    volatile long lastHandOver;
    volatile long swept;
    volatile long allSent;
    volatile int mostOnTheWire;

    private Run(Database database, int nudges, Instant due, Clock clock) {
      this.database = database;
      this.nudges = nudges;
      this.due = due;
      this.clock = clock;
    }

    /** {@code nudges} members whose reminder falls due 3 s from now, on a clock set for it. */
    static Run prepare(Database database, Platform platform, String workspace, int nudges) {
      DSLContext dsl = database.dsl();
      dsl.execute(
          "truncate outbox, sweep_slice, enrollment, member, channel, workspace restart identity"
              + " cascade");
      // the cascade takes the deployment's roadmap (row 0, which new channels follow) with it
      dsl.execute(
          "insert into roadmap (id, key, title, file_name, source, uploaded_at)"
              + " overriding system value values (0, '', '', 'roadmap.yaml', '', now())"
              + " on conflict do nothing");
      Instant realNow = Instant.now();
      Instant due = realNow.plusSeconds(63).truncatedTo(ChronoUnit.MINUTES);
      // a clock on which the minute begins three seconds from now
      Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(realNow.plusSeconds(3), due));
      LocalTime at = LocalTime.ofInstant(due, ZoneOffset.UTC);
      dsl.execute(
          "insert into workspace (platform, external_id, name) values (?, ?, 'bench')",
          platform.key(),
          workspace);
      dsl.execute(
          "insert into channel (workspace_id, external_id, name, time_zone)"
              + " select id, '300000000000000003', 'cohort', 'UTC' from workspace");
      // Discord-like ids; the DM conversation is known, as after a member's first nudge
      dsl.execute(
          "insert into member (workspace_id, external_id, display_name, time_zone, remind_time,"
              + " remind_days, dm_channel_id) select w.id, (600000000000000000 + n)::text,"
              + " 'Member ' || n, 'UTC', ?::time, 'daily', (500000000000000000 + n)::text"
              + " from workspace w, generate_series(1, ?) n",
          at.toString(),
          nudges);
      dsl.execute(
          "insert into enrollment (member_id, channel_id,"
              + " streak_days, last_activity_at, last_active_date, enrolled_at) select m.id,"
              + " c.id, 0, now(), current_date - 30, now()"
              + " from member m, channel c");
      dsl.execute(
          "insert into journey (member_id, roadmap_id, stage, points, points_reached_at,"
              + " started_at) select member_id, 0, 1 + (member_id % 15), 0, now(), enrolled_at"
              + " from enrollment");
      dsl.execute(
          "insert into channel_member (channel_id, member_id, joined_at, points,"
              + " points_reached_at, last_activity_at) select channel_id, member_id, enrolled_at,"
              + " 0, now(), last_activity_at from enrollment");
      dsl.execute("analyze");
      return new Run(database, nudges, due, clock);
    }

    void handOver() {
      long now = System.nanoTime();
      if (handedOver.getAndIncrement() == 0) {
        firstHandOver = now;
      }
      lastHandOver = now;
      lateNanos.add(Duration.between(due, clock.instant()).toNanos());
    }

    /** Starts a worker, sweeps when the minute begins, waits until every nudge is handed over. */
    void deliver(Messenger messenger, Duration atMost) throws InterruptedException {
      deliver(List.of(messenger), atMost);
    }

    /** As {@link #deliver(Messenger, Duration)}, with one worker (an instance) per messenger. */
    void deliver(List<Messenger> messengers, Duration atMost) throws InterruptedException {
      DSLContext dsl = database.dsl();
      Transactions transactions = new Transactions(dsl);
      List<DeliveryWorker> others = new ArrayList<>();
      for (Messenger other : messengers.subList(1, messengers.size())) {
        others.add(worker(dsl, transactions, other));
      }
      DeliveryWorker worker = worker(dsl, transactions, messengers.getFirst());
      worker.start(Duration.ofSeconds(1)); // the app's poll
      others.forEach(w -> w.start(Duration.ofSeconds(1)));
      while (clock.instant().isBefore(due)) {
        Thread.sleep(5);
      }
      // what Quartz does at the minute: sweep, then wake the worker
      int enqueued = new NudgeSweep(dsl, transactions).sweep(clock.instant());
      swept = System.nanoTime();
      worker.wake();
      if (enqueued != nudges) {
        throw new IllegalStateException("the sweep enqueued " + enqueued + ", not " + nudges);
      }
      long deadline = System.nanoTime() + atMost.toNanos();
      others.forEach(DeliveryWorker::wake);
      while (sent(worker, others) < nudges && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      allSent = System.nanoTime();
      mostOnTheWire = worker.mostOnTheWire();
      others.forEach(DeliveryWorker::close);
      worker.close();
      long failed =
          worker.counts().total(DeliveryOutcome.FAILED)
              + worker.counts().total(DeliveryOutcome.DROPPED)
              + worker.counts().total(DeliveryOutcome.DROPPED_STALE);
      if (failed > 0) {
        System.out.println("  (" + failed + " failed or dropped)");
      }
    }

    private DeliveryWorker worker(DSLContext dsl, Transactions transactions, Messenger messenger) {
      return new DeliveryWorker(
              new DeliveryQueue(dsl),
              Core.builder(
                      dsl, ROADMAP, new QuizBankLoader().load(RoadmapSource.builtIn(), ROADMAP))
                  .build()
                  .deliveryComposer(),
              transactions,
              clock,
              DeliveryWorker.Settings.DEFAULT)
          .register(messenger);
    }

    private static long sent(DeliveryWorker worker, List<DeliveryWorker> others) {
      long sent = worker.counts().total(DeliveryOutcome.SENT);
      for (DeliveryWorker other : others) {
        sent += other.counts().total(DeliveryOutcome.SENT);
      }
      return sent;
    }

    double lastHandOverSeconds() {
      return lateNanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e9;
    }

    /** From the first hand-over to the last. */
    double spanSeconds() {
      return (lastHandOver - firstHandOver) / 1e9;
    }

    /** From the sweep's end to the last row marked sent. */
    double drainSeconds() {
      return (allSent - swept) / 1e9;
    }

    String lateness() {
      long[] sorted = lateNanos.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(sorted);
      if (sorted.length == 0) {
        return "none handed over";
      }
      return String.format(
          Locale.ROOT,
          "p50 %.1f s, p99 %.1f s, max %.1f s",
          at(sorted, 0.50) / 1e9,
          at(sorted, 0.99) / 1e9,
          sorted[sorted.length - 1] / 1e9);
    }

    private static long at(long[] sorted, double quantile) {
      return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
  }

  /** CPU seconds used so far, to tell the work a delivery costs from what other processes took. */
  static final class Cpu {
    private Cpu() {}

    static double thisJvm() {
      return ((com.sun.management.OperatingSystemMXBean)
                  java.lang.management.ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime()
          / 1e9;
    }

    /**
     * The embedded PostgreSQL's processes, from /proc (0 where there is none): the server started
     * on {@code dataDir} and its backends, not other PostgreSQL servers on the machine.
     */
    static double postgres(java.nio.file.Path dataDir) {
      java.util.Map<Long, Long> parents = new java.util.HashMap<>();
      java.util.Map<Long, Double> cpu = new java.util.HashMap<>();
      long server = -1;
      try (var processes = Files.list(java.nio.file.Path.of("/proc"))) {
        for (var process : processes.toList()) {
          String name = process.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
            long pid = Long.parseLong(name);
            parents.put(pid, Long.parseLong(fields[1]));
            // utime and stime, in clock ticks (100 a second on Linux)
            cpu.put(pid, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0);
            String command = Files.readString(process.resolve("cmdline"));
            if (command.contains("postgres") && command.contains(dataDir.toString())) {
              server = pid;
            }
          } catch (java.io.IOException | RuntimeException gone) {
            // the process ended meanwhile
          }
        }
      } catch (java.io.IOException noProc) {
        return 0;
      }
      double seconds = 0;
      for (var entry : cpu.entrySet()) {
        long pid = entry.getKey();
        if (pid == server || parents.getOrDefault(pid, 0L) == server) {
          seconds += entry.getValue();
        }
      }
      return server < 0 ? 0 : seconds;
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
