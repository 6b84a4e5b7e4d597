package io.roadmapcoach.slack.delivery;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryOutcome;
import io.roadmapcoach.core.delivery.DeliveryQueue;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.DeliveryWorker;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.delivery.Pace;
import io.roadmapcoach.core.progress.DueMembers;
import io.roadmapcoach.core.progress.NudgeSweep;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.db.testing.TestDatabase;
import io.roadmapcoach.slack.SlackSettings;
import io.roadmapcoach.slack.install.SlackTokens;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two app instances delivering one workspace's nudges to (the fake) Slack: one dies, or is stopped,
 * right after Slack accepted a message and before it was marked sent. The other finishes the rest,
 * and every member gets exactly one message: a delivery left in doubt is found in the conversation
 * by the key in its metadata, not posted again.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(60)
class SlackDeliveryClusterTest {
  private static final int MEMBERS = 60;
  private static final Instant TUESDAY_NINE = Instant.parse("2026-03-03T09:00:00Z");
  private static final Duration LIVENESS = Duration.ofSeconds(10);

  private final Clock clock =
      Clock.offset(
          Clock.systemUTC(), Duration.between(Instant.now(), TUESDAY_NINE.plusSeconds(30)));
  private final List<DeliveryWorker> workers = new ArrayList<>();
  private final List<HikariDataSource> pools = new ArrayList<>();
  private FakeSlack fake;

  @BeforeEach
  void sixtyMembersDueAtNine(DSLContext dsl) {
    // Slack stamps messages with the same "now" the instances see
    fake = new FakeSlack().scopes(FakeSlack.HISTORY_SCOPES).clock(clock);
    dsl.execute(
        "insert into workspace (platform, external_id, name) values ('slack', ?, 'Test Team')",
        FakeSlack.TEAM);
    dsl.execute(
        "insert into channel (workspace_id, external_id, name, time_zone)"
            + " select id, 'C0GENERAL', 'general', 'UTC' from workspace");
    dsl.execute(
        "insert into member (workspace_id, external_id, display_name, time_zone)"
            + " select w.id, 'U' || lpad(n::text, 3, '0'), 'Member ' || n, 'UTC'"
            + " from workspace w, generate_series(1, ?) n",
        MEMBERS);
    DueMembers.enrollEveryoneEverywhere(dsl, LocalDate.of(2026, 3, 2));
    assertThat(new NudgeSweep(dsl, new Transactions(dsl)).sweep(TUESDAY_NINE)).isEqualTo(MEMBERS);
  }

  @AfterEach
  void stop() {
    workers.forEach(DeliveryWorker::halt);
    pools.forEach(HikariDataSource::close);
    fake.close();
  }

  /** An instance: its own pool, worker and Slack messenger; {@code hook} sees every answer. */
  private DeliveryWorker instance(
      Duration lease, int inFlight, Consumer<DeliveryResult> hook, Consumer<HikariDataSource> ref) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(((HikariDataSource) TestDatabase.dataSource()).getJdbcUrl());
    config.setUsername("postgres");
    config.setMaximumPoolSize(8);
    HikariDataSource pool = new HikariDataSource(config);
    pools.add(pool);
    ref.accept(pool);
    DSLContext dsl = Database.jooq(pool);
    SlackSettings settings =
        new SlackSettings(SlackHarness.TOKEN, "secret", Optional.empty(), fake.apiUrl());
    SlackMessenger slack =
        new SlackMessenger(
            new SlackClients(
                SlackClients.webApi(settings.apiUrl()),
                SlackTokens.single(
                    FakeSlack.TEAM,
                    SlackHarness.TOKEN,
                    SlackTokens.scopesIn(
                        Map.of("x-oauth-scopes", List.of(FakeSlack.HISTORY_SCOPES))))),
            SlackMessenger.channelPacer(),
            // a Marketplace app's pace, so the test need not wait a minute per look-up
            new SlackDelivery(SlackDelivery.Check.AUTO, 100, 15));
    DeliveryWorker worker =
        new DeliveryWorker(
                new DeliveryQueue(dsl, lease),
                Core.builder(
                        dsl,
                        SlackHarness.roadmap(),
                        new QuizBankLoader().load(RoadmapSource.builtIn(), SlackHarness.roadmap()))
                    .build()
                    .deliveryComposer(),
                new Transactions(dsl),
                clock,
                new DeliveryWorker.Settings(inFlight, inFlight, Duration.ofSeconds(5)))
            .register(new Hooked(slack, hook));
    workers.add(worker);
    return worker;
  }

  /** The real messenger, with a test's hook between Slack's answer and the worker hearing it. */
  private record Hooked(Messenger slack, Consumer<DeliveryResult> hook) implements Messenger {
    @Override
    public Platform platform() {
      return slack.platform();
    }

    @Override
    public Pace pace(Delivery delivery) {
      return slack.pace(delivery);
    }

    @Override
    public DeliveryResult send(Delivery delivery) {
      DeliveryResult result = slack.send(delivery);
      hook.accept(result);
      return result;
    }
  }

  @Test
  void anInstanceKilledBetweenSlacksOkAndTheMarkDoublesNoMessageAndLosesNone() {
    AtomicInteger accepted = new AtomicInteger();
    HikariDataSource[] dyingPool = new HikariDataSource[1];
    DeliveryWorker[] dying = new DeliveryWorker[1];
    dying[0] =
        instance(
            Duration.ofSeconds(2),
            5,
            result -> {
              if (result instanceof DeliveryResult.Sent && accepted.incrementAndGet() == 15) {
                dying[0].halt(); // as kill -9: nothing more is written
                Thread.ofPlatform().start(dyingPool[0]::close);
              }
            },
            pool -> dyingPool[0] = pool);
    dying[0].start(Duration.ofMillis(50));
    awaitTrue(() -> accepted.get() >= 15, "the first instance posted 15 and died");

    DeliveryWorker survivor = instance(Duration.ofSeconds(2), 64, r -> {}, p -> {});
    survivor.start(Duration.ofMillis(50));

    awaitTrue(() -> sentRows() == MEMBERS, "the survivor finished every nudge");
    assertEveryMemberGotExactlyOneMessage();
    assertThat(fake.calls("conversations.history"))
        .as("the rows in doubt were looked up")
        .isNotEmpty();
    assertThat(survivor.counts().total(DeliveryOutcome.ALREADY_SENT)).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aGracefulStopBetweenSlacksOkAndTheMarkFinishesThatSendAndGivesTheRestBackAtOnce()
      throws InterruptedException {
    AtomicInteger accepted = new AtomicInteger();
    CountDownLatch stopped = new CountDownLatch(1);
    DeliveryWorker[] stopping = new DeliveryWorker[1];
    stopping[0] =
        instance(
            Duration.ofMinutes(1),
            20,
            result -> {
              if (result instanceof DeliveryResult.Sent && accepted.incrementAndGet() == 15) {
                Thread.ofPlatform()
                    .start(
                        () -> {
                          stopping[0].close(); // SIGTERM
                          stopped.countDown();
                        });
                sleep(Duration.ofMillis(300));
              }
            },
            pool -> {});
    stopping[0].start(Duration.ofMillis(50));
    assertThat(stopped.await(LIVENESS.toSeconds(), TimeUnit.SECONDS))
        .as("stopped within 10 s")
        .isTrue();
    DSLContext dsl = TestDatabase.dsl();
    assertThat(dsl.fetchCount(OUTBOX, OUTBOX.LEASE_UNTIL.isNotNull())).isZero();
    assertThat(dsl.fetchCount(OUTBOX, OUTBOX.STATUS.eq("sending"))).isZero();

    // leases of a minute: only giving them back lets the other instance finish in time
    DeliveryWorker survivor = instance(Duration.ofMinutes(1), 64, r -> {}, p -> {});
    survivor.start(Duration.ofMillis(50));

    awaitTrue(() -> sentRows() == MEMBERS, "the other instance finished the rest");
    assertEveryMemberGotExactlyOneMessage();
    assertThat(fake.calls("conversations.history")).as("nothing was left in doubt").isEmpty();
  }

  private static int sentRows() {
    return TestDatabase.dsl().fetchCount(OUTBOX, OUTBOX.STATUS.eq("sent"));
  }

  private void assertEveryMemberGotExactlyOneMessage() {
    Map<String, Long> perKey =
        fake.posted().stream()
            .collect(
                Collectors.groupingBy(
                    p ->
                        JsonParser.parseString(p.metadata())
                            .getAsJsonObject()
                            .getAsJsonObject("event_payload")
                            .get("delivery_key")
                            .getAsString(),
                    Collectors.counting()));
    assertThat(perKey).hasSize(MEMBERS);
    assertThat(perKey.values()).containsOnly(1L);
    assertThat(fake.posted().stream().map(FakeSlack.Posted::channel).distinct()).hasSize(MEMBERS);
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + LIVENESS.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + LIVENESS + ": " + what);
      }
      sleep(Duration.ofMillis(20));
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
