package io.roadmapcoach.core.delivery;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.progress.DueMembers;
import io.roadmapcoach.core.progress.NudgeSweep;
import io.roadmapcoach.core.quiz.WeeklyQuiz;
import io.roadmapcoach.core.testing.RoadmapFiles;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.db.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery workers as app instances on one database (each its own connection pool), into one fake
 * platform that records every message: many sends at once, none doubled and none lost when an
 * instance dies mid-send or stops, nothing held up by one slow or rate-limited recipient.
 */
@ExtendWith(PostgresExtension.class)
@Timeout(60)
class DeliveryClusterTest {
  private static final int MEMBERS = 200;
  private static final Instant TUESDAY_NINE = Instant.parse("2026-03-03T09:00:00Z");
  private static final Duration LIVENESS = Duration.ofSeconds(10);

  /** Real time, moved to just after the nudges fell due: leases run out as they would. */
  private final Clock clock =
      Clock.offset(
          Clock.systemUTC(), Duration.between(Instant.now(), TUESDAY_NINE.plusSeconds(30)));

  private final List<Instance> instances = new ArrayList<>();
  private final FakePlatform platform = new FakePlatform();

  private record Instance(DeliveryWorker worker, HikariDataSource pool) {}

  @BeforeEach
  void twoHundredNudgesDue() {
    DueMembers.create(TestDatabase.dsl(), MEMBERS, LocalDate.of(2026, 3, 2));
    DSLContext dsl = TestDatabase.dsl();
    assertThat(new NudgeSweep(dsl, new Transactions(dsl)).sweep(TUESDAY_NINE)).isEqualTo(MEMBERS);
  }

  @AfterEach
  void stopInstances() {
    for (Instance instance : instances) {
      instance.worker().halt();
      instance.pool().close();
    }
  }

  /** An app instance: its own pool on the shared database, its own worker and messenger. */
  private Instance instance(Duration lease, DeliveryWorker.Settings settings, Messenger sender) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(((HikariDataSource) TestDatabase.dataSource()).getJdbcUrl());
    config.setUsername("postgres");
    config.setMaximumPoolSize(8);
    HikariDataSource pool = new HikariDataSource(config);
    DSLContext dsl = Database.jooq(pool);
    DeliveryWorker worker =
        new DeliveryWorker(
                new DeliveryQueue(dsl, lease),
                Core.builder(dsl, RoadmapFiles.builtIn().roadmap(), RoadmapFiles.builtIn().bank())
                    .build()
                    .deliveryComposer(),
                new Transactions(dsl),
                clock,
                settings)
            .register(sender);
    Instance instance = new Instance(worker, pool);
    instances.add(instance);
    return instance;
  }

  private FakePlatform.Sender sender() {
    return (FakePlatform.Sender) platform.messenger();
  }

  private static DeliveryWorker.Settings holding(int rows) {
    return new DeliveryWorker.Settings(rows, rows, Duration.ofSeconds(5));
  }

  @Test
  void anInstanceKilledAfterThePlatformAcceptedAndBeforeMarkingDoublesNothingAndLosesNothing() {
    FakePlatform.Sender dyingSender = sender();
    Instance dying = instance(Duration.ofSeconds(2), holding(50), dyingSender);
    AtomicInteger accepted = new AtomicInteger();
    dyingSender.afterAccepted =
        d -> {
          if (accepted.incrementAndGet() == 20) {
            // the platform has the message; the instance dies before it can say so
            dying.worker().halt();
            Thread.ofPlatform().start(dying.pool()::close);
          }
        };
    dying.worker().start(Duration.ofMillis(50));
    awaitTrue(() -> accepted.get() >= 20, "the dying instance sent its first 20");

    DeliveryWorker survivor =
        instance(Duration.ofSeconds(2), DeliveryWorker.Settings.DEFAULT, sender()).worker();
    survivor.start(Duration.ofMillis(50));

    awaitTrue(() -> sentRows() == MEMBERS, "the survivor finished every delivery");
    assertEveryMemberHasExactlyOneMessage();
    assertThat(survivor.counts().total(DeliveryOutcome.ALREADY_SENT))
        .as("the message accepted before the crash was found, not sent again")
        .isGreaterThanOrEqualTo(1);
    assertThat(platform.calls()).anyMatch(FakePlatform.Call::inDoubt);
  }

  @Test
  void aKillLeavesInDoubtOnlyWhatWasOnTheWireAndTheRestGoesAgainWithoutACheck() {
    FakePlatform.Sender dyingSender = sender();
    Instance dying = instance(Duration.ofSeconds(2), holding(50), dyingSender);
    CountDownLatch onTheWire = new CountDownLatch(3);
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger began = new AtomicInteger();
    // three requests go out and hang there; every other delivery hangs before its request (as in
    // a DM look-up), so it never reaches the platform
    dyingSender.beforeWriting =
        d -> {
          if (began.incrementAndGet() > 3) {
            awaitQuietly(never);
          }
        };
    dyingSender.beforeCall =
        d -> {
          onTheWire.countDown();
          awaitQuietly(never);
        };
    dying.worker().start(Duration.ofMillis(50));
    awaitQuietly(onTheWire);
    awaitTrue(() -> dying.worker().onTheWire() == 3, "three requests on the wire");

    dying.worker().halt();
    Thread.ofPlatform().start(dying.pool()::close);
    DSLContext dsl = TestDatabase.dsl();
    assertThat(dsl.fetchCount(OUTBOX, OUTBOX.STATUS.eq("sending")))
        .as("in doubt: only the rows whose requests were written")
        .isEqualTo(3);
    assertThat(dsl.fetchCount(OUTBOX, OUTBOX.STATUS.eq("pending"), OUTBOX.LEASE_UNTIL.isNotNull()))
        .as("held, never written: plainly pending once their leases run out")
        .isEqualTo(47);

    instance(Duration.ofSeconds(2), DeliveryWorker.Settings.DEFAULT, sender())
        .worker()
        .start(Duration.ofMillis(50));

    awaitTrue(() -> sentRows() == MEMBERS, "the survivor finished every delivery");
    assertEveryMemberHasExactlyOneMessage();
    assertThat(
            platform.calls().stream()
                .filter(FakePlatform.Call::inDoubt)
                .map(FakePlatform.Call::key)
                .distinct())
        .as("only those three were checked")
        .hasSize(3);
  }

  @Test
  void noMoreThanTheMessengersBoundOfAWorkspacesDeliveriesAreOnTheWireAtOnce() {
    FakePlatform.Sender sender = sender();
    sender.onTheWire = 3;
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger mostCalls = new AtomicInteger();
    sender.beforeCall =
        d -> {
          mostCalls.accumulateAndGet(calls.incrementAndGet(), Math::max);
          FakePlatform.sleep(Duration.ofMillis(10));
          calls.decrementAndGet();
        };
    DeliveryWorker worker =
        instance(Duration.ofSeconds(30), DeliveryWorker.Settings.DEFAULT, sender).worker();
    worker.start(Duration.ofMillis(50));

    awaitTrue(() -> sentRows() == MEMBERS, "every nudge went out", Duration.ofSeconds(40));
    assertEveryMemberHasExactlyOneMessage();
    assertThat(mostCalls.get()).as("calls to the platform at once").isBetween(2, 3);
    assertThat(worker.mostOnTheWire()).isBetween(2, 3);
    // a place on the wire is given back just after its row is marked sent
    awaitTrue(() -> worker.onTheWire() == 0, "every place on the wire given back");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void weeklyQuizInvitationsAndNoticesGetTheSameGuaranteesAsNudges() {
    DSLContext dsl = TestDatabase.dsl();
    Transactions transactions = new Transactions(dsl);
    long channel = dsl.select(CHANNEL.ID).from(CHANNEL).fetchSingle().value1();
    long workspace = dsl.select(WORKSPACE.ID).from(WORKSPACE).fetchSingle().value1();
    // the nudges went out earlier; now the channel's weekly quiz and one notice are due
    dsl.execute("update outbox set status = 'sent'");
    assertThat(new WeeklyQuiz(dsl, transactions).fire(channel, TUESDAY_NINE, TUESDAY_NINE))
        .isEqualTo(MEMBERS);
    long ana = dsl.select(DSL.min(MEMBER.ID)).from(MEMBER).fetchSingle().value1();
    transactions.run(
        () ->
            new OutboxRepository(dsl)
                .notice(
                    workspace, ana, LocalDate.of(2026, 3, 3), "A lead moved you on", TUESDAY_NINE));
    FakePlatform.Sender dyingSender = sender();
    Instance dying = instance(Duration.ofSeconds(2), holding(50), dyingSender);
    AtomicInteger accepted = new AtomicInteger();
    dyingSender.afterAccepted =
        d -> {
          if (accepted.incrementAndGet() == 20) {
            dying.worker().halt();
            Thread.ofPlatform().start(dying.pool()::close);
          }
        };
    dying.worker().start(Duration.ofMillis(50));
    awaitTrue(() -> accepted.get() >= 20, "the dying instance sent its first 20");

    instance(Duration.ofSeconds(2), DeliveryWorker.Settings.DEFAULT, sender())
        .worker()
        .start(Duration.ofMillis(50));

    awaitTrue(
        () -> dsl.fetchCount(OUTBOX, OUTBOX.STATUS.ne("sent")) == 0, "every invitation went out");
    assertThat(platform.messages()).hasSize(MEMBERS + 1);
    assertThat(platform.messages().values()).containsOnly(1);
  }

  @Test
  void aGracefulStopFinishesTheSendInProgressAndGivesEverythingElseBackAtOnce() throws Exception {
    FakePlatform.Sender stoppingSender = sender();
    // leases far longer than the test waits: only giving them back lets the other instance in
    Instance stopping = instance(Duration.ofMinutes(1), holding(50), stoppingSender);
    AtomicInteger turns = new AtomicInteger();
    stoppingSender.pacing =
        d -> turns.incrementAndGet() <= 20 ? Pace.NOW : new Pace.Go(Duration.ofSeconds(30));
    AtomicInteger accepted = new AtomicInteger();
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopTookLong = new AtomicBoolean();
    stoppingSender.afterAccepted =
        d -> {
          if (accepted.incrementAndGet() == 20) {
            // SIGTERM arrives while this send is between the platform's "ok" and its mark
            Thread.ofPlatform()
                .start(
                    () -> {
                      long start = System.nanoTime();
                      stopping.worker().close();
                      stopTookLong.set(System.nanoTime() - start > LIVENESS.toNanos());
                      stopped.countDown();
                    });
            FakePlatform.sleep(Duration.ofMillis(300));
          }
        };
    stopping.worker().start(Duration.ofMillis(50));
    assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(stopTookLong).as("the stop took more than 10 s").isFalse();

    DSLContext dsl = TestDatabase.dsl();
    assertThat(dsl.fetchCount(OUTBOX, OUTBOX.LEASE_UNTIL.isNotNull()))
        .as("leases given back at once")
        .isZero();
    assertThat(dsl.fetchCount(OUTBOX, OUTBOX.STATUS.eq("sending")))
        .as("the send in progress was finished and marked, not left in doubt")
        .isZero();
    assertThat(sentRows()).isEqualTo(20);

    DeliveryWorker survivor =
        instance(Duration.ofMinutes(1), DeliveryWorker.Settings.DEFAULT, sender()).worker();
    survivor.start(Duration.ofMillis(50));

    awaitTrue(() -> sentRows() == MEMBERS, "the other instance finished the rest");
    assertEveryMemberHasExactlyOneMessage();
    assertThat(survivor.counts().total(DeliveryOutcome.ALREADY_SENT)).isZero();
  }

  @Test
  void aSlowCallDoesNotHoldUpTheOthers() {
    FakePlatform.Sender sender = sender();
    CountDownLatch othersAccepted = new CountDownLatch(MEMBERS - 1);
    AtomicBoolean othersWereDoneFirst = new AtomicBoolean();
    sender.beforeCall =
        d -> {
          if (FakePlatform.target(d).equals("m1")) {
            try {
              othersWereDoneFirst.set(othersAccepted.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            FakePlatform.sleep(Duration.ofSeconds(2)); // and slow besides
          }
        };
    sender.afterAccepted =
        d -> {
          if (!FakePlatform.target(d).equals("m1")) {
            othersAccepted.countDown();
          }
        };
    instance(Duration.ofSeconds(30), DeliveryWorker.Settings.DEFAULT, sender)
        .worker()
        .start(Duration.ofMillis(50));

    awaitTrue(() -> sentRows() == MEMBERS, "every nudge went out");
    assertThat(othersWereDoneFirst)
        .as("the other 199 went out while the slow call was still running")
        .isTrue();
    assertEveryMemberHasExactlyOneMessage();
  }

  @Test
  void aRecipientThePlatformPausedWaitsAloneForItsRetryAfter() {
    FakePlatform.Sender sender = sender();
    Pacer pacer = new Pacer(Duration.ZERO, Duration.ofSeconds(3));
    sender.pacing = d -> pacer.turn(FakePlatform.target(d), 1, "paused");
    sender.beforeCall =
        d -> {
          if (FakePlatform.target(d).equals("m1")) {
            // the platform answers 429 with Retry-After: 30 for this channel only
            pacer.pause("m1", Duration.ofSeconds(30));
            throw new RateLimited();
          }
        };
    DeliveryWorker worker =
        instance(Duration.ofSeconds(30), DeliveryWorker.Settings.DEFAULT, new Paused(sender))
            .worker();
    worker.start(Duration.ofMillis(50));

    awaitTrue(() -> sentRows() == MEMBERS - 1, "every other nudge went out");
    assertThat(worker.pausedUntil(Platform.CONSOLE)).as("the platform was not paused").isEmpty();
    var m1 = TestDatabase.dsl().selectFrom(OUTBOX).where(OUTBOX.STATUS.eq("pending")).fetchSingle();
    assertThat(m1.getNextAttemptAt().toInstant())
        .isAfter(clock.instant().plusSeconds(20))
        .isBefore(clock.instant().plusSeconds(31));
    assertThat(m1.getAttempts()).as("a wait the platform asked for is not a failure").isZero();
  }

  /** The platform's 429, as a test's hook raises it. */
  private static final class RateLimited extends RuntimeException {}

  /** Reports the hook's 429 as a messenger does: only that recipient waits. */
  private record Paused(FakePlatform.Sender sender) implements Messenger {
    @Override
    public Platform platform() {
      return sender.platform();
    }

    @Override
    public Pace pace(Delivery delivery) {
      return sender.pace(delivery);
    }

    @Override
    public DeliveryResult send(Delivery delivery) {
      try {
        return sender.send(delivery);
      } catch (RateLimited e) {
        return DeliveryResult.RetryLater.paced(Duration.ofSeconds(30), "429 for this channel");
      }
    }
  }

  @Test
  void aSendLongerThanTheLeaseKeepsItsRowThroughRenewals() {
    FakePlatform.Sender slowSender = sender();
    slowSender.beforeCall =
        d -> {
          if (FakePlatform.target(d).equals("m1")) {
            FakePlatform.sleep(Duration.ofSeconds(3)); // three leases long
          }
        };
    instance(Duration.ofSeconds(1), holding(MEMBERS), slowSender)
        .worker()
        .start(Duration.ofMillis(50));
    awaitTrue(() -> sentRows() >= MEMBERS - 1, "the first instance sent all but the slow one");
    DeliveryWorker other =
        instance(Duration.ofSeconds(1), DeliveryWorker.Settings.DEFAULT, sender()).worker();
    other.start(Duration.ofMillis(50));

    awaitTrue(() -> sentRows() == MEMBERS, "the slow one was sent too");
    assertEveryMemberHasExactlyOneMessage();
    assertThat(platform.calls()).as("the other instance never took it").hasSize(MEMBERS);
  }

  private static int sentRows() {
    return TestDatabase.dsl().fetchCount(OUTBOX, OUTBOX.STATUS.eq("sent"));
  }

  private void assertEveryMemberHasExactlyOneMessage() {
    assertThat(platform.messages()).hasSize(MEMBERS);
    assertThat(platform.messages().values()).containsOnly(1);
    assertThat(platform.messageCount()).isEqualTo(MEMBERS);
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    awaitTrue(condition, what, LIVENESS);
  }

  private static void awaitTrue(BooleanSupplier condition, String what, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within + ": " + what);
      }
      FakePlatform.sleep(Duration.ofMillis(20));
    }
  }
}
