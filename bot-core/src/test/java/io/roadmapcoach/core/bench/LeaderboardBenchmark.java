package io.roadmapcoach.core.bench;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.DatabaseSettings;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.jooq.DSLContext;

/**
 * Leaderboards and the team view over a channel of 10,000 enrolled members with a year of progress
 * events, through the coach as a member would call them. Goal: p99 under 20 ms each.
 *
 * <p>Run: {@code ./mvnw -B -q -pl bot-core exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.roadmapcoach.core.bench.LeaderboardBenchmark}
 */
public final class LeaderboardBenchmark {
  static final int MEMBERS = 10_000;
  static final int EVENTS_PER_MEMBER = 120;
  static final int CALLS = 1_000;
  static final int WARM_UP = 200;
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private LeaderboardBenchmark() {}

  public static void main(String[] args) throws Exception {
    var dir = Files.createTempDirectory("roadmap-bench");
    try (Database database = Database.open(DatabaseSettings.embedded(dir), true)) {
      DSLContext dsl = database.dsl();
      long started = System.nanoTime();
      fill(dsl);
      System.out.printf(
          "filled %,d members and %,d events in %.1f s%n",
          MEMBERS, (long) MEMBERS * EVENTS_PER_MEMBER, (System.nanoTime() - started) / 1e9);

      Roadmap roadmap = new RoadmapLoader().load(RoadmapSource.builtIn());
      QuizBank bank = new QuizBankLoader().load(RoadmapSource.builtIn(), roadmap);
      Core core =
          Core.builder(dsl, roadmap, bank)
              .clock(Clock.fixed(NOW, ZoneOffset.UTC))
              .random(new Random(1))
              .build();
      // a lead in the middle of the field, so "your own rank" is worked out on every board
      Caller lead =
          new Caller(
              Platform.CONSOLE,
              "bench",
              "bench",
              Origin.channel("cohort", "cohort"),
              "m5000",
              "Member 5000",
              true,
              Optional.of(ZoneId.of("Europe/Berlin")),
              Optional.empty());

      Latencies week = run(core, lead, "leaderboard week");
      Latencies all = run(core, lead, "leaderboard all");
      Latencies team = run(core, lead, "team");
      System.out.println(week.summary());
      System.out.println(all.summary());
      System.out.println(team.summary());
      boolean met = week.p99Millis() < 20 && all.p99Millis() < 20 && team.p99Millis() < 20;
      System.out.println(
          met ? "goal met: p99 under 20 ms for each" : "goal MISSED: p99 of 20 ms exceeded");
    }
  }

  private static Latencies run(Core core, Caller lead, String command) {
    for (int i = 0; i < WARM_UP; i++) {
      core.coach().handleText(lead, command);
    }
    Latencies latencies = new Latencies(command, CALLS);
    for (int i = 0; i < CALLS; i++) {
      latencies.time(() -> core.coach().handleText(lead, command));
    }
    String sample = core.coach().handleText(lead, command).plainText();
    if (sample.contains("went wrong")) {
      throw new IllegalStateException(command + " failed: " + sample);
    }
    return latencies;
  }

  /** Members spread over the stages, a year of objective events, and the totals they add up to. */
  static void fill(DSLContext dsl) {
    dsl.execute(
        "insert into workspace (platform, external_id, name) values ('console', 'bench', 'bench')");
    dsl.execute(
        "insert into channel (workspace_id, external_id, name, time_zone)"
            + " select id, 'cohort', 'cohort', 'Europe/Berlin' from workspace");
    dsl.execute(
        "insert into member (workspace_id, external_id, display_name, time_zone)"
            + " select w.id, 'm' || n, 'Member ' || n, 'Europe/Berlin'"
            + " from workspace w, generate_series(1, "
            + MEMBERS
            + ") n");
    dsl.execute(
        "insert into enrollment (member_id, channel_id,"
            + " streak_days, streak_last_date, last_activity_at, last_active_date, enrolled_at)"
            + " select m.id, c.id, (m.id %"
            + " 9),   date '2026-11-24' - (m.id % 3)::int,   timestamptz '2026-11-25 08:00+00' -"
            + " make_interval(hours => (m.id % 480)::int),   date '2026-11-24' - (m.id % 20)::int,"
            + " timestamptz '2025-11-25 00:00+00' from member m, channel c");
    dsl.execute(
        "insert into journey (member_id, roadmap_id, stage, points, points_reached_at, started_at)"
            + " select member_id, 0, 1 + (member_id % 15), 0, timestamptz '2025-11-25 00:00+00',"
            + " enrolled_at from enrollment");
    // a year of progress: 120 objective events per member at random times, 10 points each
    dsl.execute(
        "insert into progress_event (member_id, channel_id, roadmap_id, kind, stage, objective,"
            + " points, occurred_at, local_date) select e.member_id, e.channel_id, 0,"
            + " 'objective_done', 1 + (g"
            + " % 15), 1 + (g % 3), 10, t, t::date from enrollment e, generate_series(1, "
            + EVENTS_PER_MEMBER
            + ") g, lateral (select timestamptz '2025-11-26 00:00+00'   + make_interval(secs =>"
            + " floor(random() * 365 * 86400)::int + e.member_id * 0) as t) r");
    dsl.execute(
        "update journey j set points = s.points, points_reached_at = s.last"
            + " from (select member_id, sum(points)::int as points, max(occurred_at) as last"
            + "       from progress_event group by member_id) s where s.member_id = j.member_id");
    dsl.execute(
        "insert into channel_member (channel_id, member_id, joined_at, points, points_reached_at,"
            + " last_activity_at)"
            + " select e.channel_id, e.member_id, e.enrolled_at, j.points, j.points_reached_at,"
            + " e.last_activity_at from enrollment e join journey j on j.member_id = e.member_id");
    dsl.execute(
        "insert into weekly_points (channel_id, week_start, member_id, points, reached_at) select"
            + " channel_id, date_trunc('week', occurred_at at time zone 'Europe/Berlin')::date,"
            + " member_id,   sum(points), max(occurred_at) from progress_event group by 1, 2, 3");
    dsl.execute(
        "insert into objective_done (member_id, roadmap_id, objective_id, stage, objective,"
            + " done_at) select member_id, 0, 's' || stage || '-o1', stage, 1, now() from journey"
            + " where member_id % 2 = 0");
    dsl.execute(
        "insert into quiz_attempt (member_id, roadmap_id, stage, status, started_at, expires_at,"
            + " finished_at, question_count, score, passed) select member_id, 0, stage,"
            + " 'finished', now(), now(),"
            + " now() - make_interval(mins => (member_id % 1000)::int), 5, member_id % 6, member_id"
            + " % 6 >= 4 from journey");
    dsl.execute("analyze");
  }
}
