package io.roadmapcoach.discord;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.delivery.DeliveryQueue;
import io.roadmapcoach.core.delivery.DeliveryWorker;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three instances delivering into a fake Discord that enforces the bot's 50 requests a second:
 * without any configuration they share {@code DISCORD_DELIVERIES_PER_SECOND} (49) through the
 * database, so no second carries more than 50 requests, and every member gets exactly one nudge.
 * The rate achieved is measured in {@code -Pdelivery-bench}, not asserted here.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(120)
class DiscordSharedBudgetTest {
  private static final int MEMBERS = 240;
  private static final int INSTANCES = 3;
  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());

  private final List<DeliveryWorker> workers = new ArrayList<>();
  private final List<HikariDataSource> pools = new ArrayList<>();

  @AfterEach
  void stop() {
    workers.forEach(DeliveryWorker::halt);
    pools.forEach(HikariDataSource::close);
  }

  @Test
  void threeInstancesKeepTogetherToDiscordsFiftyASecondAndLoseNothing(DSLContext dsl)
      throws Exception {
    // each member's DM conversation is known: one request a nudge
    DueNudges.membersDueAtNine(dsl, MEMBERS, true);
    Clock clock =
        Clock.offset(
            Clock.systemUTC(),
            Duration.between(Instant.now(), DueNudges.TUESDAY_NINE.plusSeconds(30)));
    try (FakeDiscord discord = new FakeDiscord().globalLimit(50)) {
      DiscordAdapter adapter =
          new DiscordAdapter(
              discord.settings(DiscordSettings.DEFAULT_DELIVERIES_PER_SECOND),
              core(dsl).coach(),
              core(dsl).workspaces(),
              Duration.ofSeconds(10),
              Duration.ofSeconds(5));
      try {
        adapter.start();
        adapter.awaitReady();
        discord.reset();
        for (int i = 0; i < INSTANCES; i++) {
          instance(adapter, clock).start(Duration.ofMillis(20));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (sentRows(dsl) < MEMBERS && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
      } finally {
        adapter.close();
      }

      assertThat(sentRows(dsl)).isEqualTo(MEMBERS);
      assertThat(discord.created()).hasSize(MEMBERS);
      assertThat(discord.busiestSecond())
          .as(
              "requests in each second: %s, 429s: %d",
              discord.requestsEachSecond(), discord.rateLimited())
          .isLessThanOrEqualTo(50);
    }
  }

  private static Core core(DSLContext dsl) {
    return Core.builder(dsl, ROADMAP, new QuizBankLoader().load(RoadmapSource.builtIn(), ROADMAP))
        .random(new Random(7))
        .build();
  }

  /** An instance: its own pool and worker, its own messenger on the shared bot connection. */
  private DeliveryWorker instance(DiscordAdapter adapter, Clock clock) {
    HikariDataSource pool = DueNudges.pool();
    pools.add(pool);
    DSLContext dsl = Database.jooq(pool);
    DeliveryWorker worker =
        new DeliveryWorker(
                new DeliveryQueue(dsl, Duration.ofSeconds(30)),
                core(dsl).deliveryComposer(),
                new Transactions(dsl),
                clock,
                new DeliveryWorker.Settings(64, 64, Duration.ofSeconds(5)))
            .register(adapter.messenger(clock));
    workers.add(worker);
    return worker;
  }

  private static int sentRows(DSLContext dsl) {
    return dsl.fetchCount(OUTBOX, OUTBOX.STATUS.eq("sent"));
  }
}
