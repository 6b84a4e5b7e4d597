package io.roadmapcoach.core.delivery;

import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.progress.NudgeSweep;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.db.schema.tables.records.OutboxRecord;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class DeliveryWorkerTest {
  private static final Instant TUESDAY_NINE = Instant.parse("2026-03-03T09:00:00Z");

  private CoachFixture coach;
  private ScriptedMessenger messenger;
  private DeliveryWorker worker;
  private Caller ana;

  /** A messenger that answers from a script and records what it was asked to send. */
  static final class ScriptedMessenger implements Messenger {
    final Deque<DeliveryResult> script = new ArrayDeque<>();
    final List<Delivery> sent = new ArrayList<>();

    @Override
    public Platform platform() {
      return Platform.CONSOLE;
    }

    @Override
    public DeliveryResult send(Delivery delivery) {
      sent.add(delivery);
      return script.isEmpty() ? DeliveryResult.Sent.plain() : script.removeFirst();
    }
  }

  @BeforeEach
  void anaIsDueAtNine() {
    coach = CoachFixture.builtIn();
    ana = coach.caller("ana", "UTC");
    coach.at("2026-03-02T12:00:00Z").say(ana, "start");
    coach.clock().set(TUESDAY_NINE);
    new NudgeSweep(coach.dsl(), coach.services().transactions()).sweep(TUESDAY_NINE);
    messenger = new ScriptedMessenger();
    worker = coach.core().deliveries();
    worker.register(messenger);
  }

  private OutboxRecord nudge() {
    return coach.dsl().selectFrom(OUTBOX).where(OUTBOX.KIND.eq("nudge")).fetchSingle();
  }

  @Test
  void aNudgeNamesTheNextObjectiveAndCarriesDoneSnoozeAndQuizButtons() {
    worker.drainDue();

    assertThat(messenger.sent)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.target()).isInstanceOf(Delivery.Direct.class);
              assertThat(d.reply().plainText()).contains("stage 1 of 15", "Next: objective 1");
              assertThat(d.reply().buttons())
                  .extracting(b -> b.label())
                  .containsExactly("Mark objective 1 done", "Snooze 1 day", "Start quiz");
            });
    assertThat(nudge().getStatus()).isEqualTo("sent");
  }

  @Test
  void theNudgesButtonsWorkForItsMember() {
    worker.drainDue();
    String markDone = messenger.sent.getFirst().reply().buttons().getFirst().actionId();

    assertThat(coach.press(ana, markDone).plainText()).contains("Objective 1 of stage 1 done");
    assertThat(
            coach
                .press(ana, messenger.sent.getFirst().reply().buttons().get(1).actionId())
                .plainText())
        .contains("Nudges paused");
  }

  /** A messenger that looks something up first, then writes its request, as the platforms do. */
  private final class LooksUpFirst implements Messenger {
    final List<String> statusBeforeWriting = new ArrayList<>();
    final List<String> statusAfterWriting = new ArrayList<>();
    RuntimeException failAfterWriting;

    @Override
    public Platform platform() {
      return Platform.CONSOLE;
    }

    @Override
    public DeliveryResult send(Delivery delivery, Wire wire) {
      statusBeforeWriting.add(nudge().getStatus());
      if (!wire.writing()) {
        return DeliveryResult.Withdrawn.INSTANCE;
      }
      statusAfterWriting.add(nudge().getStatus());
      if (failAfterWriting != null) {
        throw failAfterWriting;
      }
      return send(delivery);
    }

    @Override
    public DeliveryResult send(Delivery delivery) {
      return messenger.send(delivery);
    }
  }

  private LooksUpFirst looksUpFirst() {
    LooksUpFirst looking = new LooksUpFirst();
    worker = coach.core().deliveries();
    worker.register(looking);
    return looking;
  }

  @Test
  void aRowIsMarkedAsBeingSentOnlyWhenItsRequestIsWritten() {
    LooksUpFirst looking = looksUpFirst();

    worker.drainDue();

    assertThat(looking.statusBeforeWriting).containsExactly("pending");
    assertThat(looking.statusAfterWriting).containsExactly("sending");
    assertThat(nudge().getStatus()).isEqualTo("sent");
  }

  @Test
  void aSendThatFailsBeforeItsRequestIsNotInDoubt() {
    // fails in its look-up: the messenger never writes its request
    Messenger lookUpFails =
        new Messenger() {
          @Override
          public Platform platform() {
            return Platform.CONSOLE;
          }

          @Override
          public DeliveryResult send(Delivery delivery, Wire wire) {
            throw new IllegalStateException("the look-up failed");
          }

          @Override
          public DeliveryResult send(Delivery delivery) {
            throw new AssertionError("not reached");
          }
        };
    worker = coach.core().deliveries();
    worker.register(lookUpFails);

    worker.drainDue();

    assertThat(nudge().getStatus()).isEqualTo("pending");
    assertThat(nudge().getFirstSendAt()).as("never on the wire").isNull();
    assertThat(nudge().getLastError()).isEqualTo("IllegalStateException");
  }

  @Test
  void aSendThatFailsAfterItsRequestWentOutLeavesTheRowInDoubt() {
    LooksUpFirst looking = looksUpFirst();
    looking.failAfterWriting = new IllegalStateException("connection reset after the request");

    worker.drainDue();

    assertThat(nudge().getStatus()).as("in doubt").isEqualTo("sending");
    assertThat(nudge().getFirstSendAt()).isNotNull();
    looking.failAfterWriting = null;
    coach.clock().advance(Duration.ofSeconds(15));
    worker.drainDue();
    assertThat(messenger.sent).hasSize(1);
    assertThat(messenger.sent.get(0).inDoubt()).as("checked before it goes again").isPresent();
  }

  @Test
  void aFailedSendIsRetriedWithBackOffAndSentOnce() {
    messenger.script.add(new DeliveryResult.Failed("connection reset"));

    worker.drainDue();
    assertThat(nudge().getStatus()).isEqualTo("pending");
    assertThat(nudge().getLastError()).isEqualTo("connection reset");

    worker.drainDue();
    assertThat(messenger.sent).as("not before its back-off").hasSize(1);

    coach.clock().advance(DeliveryWorker.backoff(1));
    worker.drainDue();
    worker.drainDue();

    assertThat(messenger.sent).hasSize(2);
    assertThat(nudge().getStatus()).isEqualTo("sent");
  }

  @Test
  void aRateLimitIsWaitedOutAndTheMessageSentOnce() {
    messenger.script.add(
        new DeliveryResult.RetryLater(Duration.ofSeconds(30), "429 Too Many Requests"));

    worker.drainDue();
    assertThat(worker.pausedUntil(Platform.CONSOLE)).contains(TUESDAY_NINE.plusSeconds(30));

    coach.clock().advance(Duration.ofSeconds(29));
    worker.drainDue();
    assertThat(messenger.sent).hasSize(1);

    coach.clock().advance(Duration.ofSeconds(1));
    worker.drainDue();
    assertThat(messenger.sent).hasSize(2);
    assertThat(nudge().getStatus()).isEqualTo("sent");
    assertThat(nudge().getAttempts())
        .as("a wait the platform asked for is not a failure")
        .isEqualTo(1);
  }

  @Test
  void aMemberWithClosedDmsIsMarkedAndNotTriedAgain() {
    messenger.script.add(
        new DeliveryResult.Unreachable(
            DeliveryResult.Who.MEMBER, "cannot send messages to this user"));

    worker.drainDue();
    coach.clock().advance(Duration.ofHours(1));
    worker.drainDue();

    assertThat(messenger.sent).hasSize(1);
    assertThat(nudge().getStatus()).isEqualTo("undeliverable");
    assertThat(coach.dsl().fetchValue(MEMBER.DELIVERABLE, MEMBER.ID.eq(coach.memberId(ana))))
        .isFalse();
    coach.clock().set(TUESDAY_NINE.plus(Duration.ofDays(1)));
    assertThat(new NudgeSweep(coach.dsl(), coach.services().transactions()).sweep(coach.now()))
        .isZero();
  }

  @Test
  void aMemberMarkedUnreachableGetsAnotherChanceWhenTheyComeBack() {
    messenger.script.add(new DeliveryResult.Unreachable(DeliveryResult.Who.MEMBER, "DMs closed"));
    worker.drainDue();

    coach.say(ana, "status");

    assertThat(coach.dsl().fetchValue(MEMBER.DELIVERABLE, MEMBER.ID.eq(coach.memberId(ana))))
        .isTrue();
  }

  @Test
  void aWaitForOneDeliveryDoesNotHoldBackTheOthers() {
    Caller bo = coach.caller("bo", "UTC");
    coach.at("2026-03-02T12:00:00Z").say(bo, "start");
    // the next minute's sweep: this minute's has been swept already, before bo was there
    coach.clock().set(TUESDAY_NINE.plusSeconds(60));
    new NudgeSweep(coach.dsl(), coach.services().transactions()).sweep(coach.now());
    messenger.script.add(DeliveryResult.RetryLater.thisOnly(Duration.ofMinutes(1), "timed out"));

    worker.drainDue();

    assertThat(messenger.sent).hasSize(2);
    assertThat(worker.pausedUntil(Platform.CONSOLE)).isEmpty();
    assertThat(coach.dsl().fetchCount(OUTBOX, OUTBOX.STATUS.eq("sent"))).isEqualTo(1);
  }

  @Test
  void aSendThatKeepsFailingIsGivenUpAfterTheLastAttempt() {
    for (int i = 0; i < DeliveryWorker.MAX_ATTEMPTS; i++) {
      messenger.script.add(new DeliveryResult.Failed("502"));
    }
    for (int i = 1; i <= DeliveryWorker.MAX_ATTEMPTS; i++) {
      worker.drainDue();
      coach.clock().advance(DeliveryWorker.backoff(i));
    }
    worker.drainDue();

    assertThat(nudge().getStatus()).isEqualTo("failed");
    assertThat(messenger.sent).hasSize(DeliveryWorker.MAX_ATTEMPTS);
  }

  @Test
  void theDmChannelOpenedOnceIsKeptForTheNextDelivery() {
    messenger.script.add(new DeliveryResult.Sent(Optional.of("D0123")));
    worker.drainDue();
    coach.clock().set(TUESDAY_NINE.plus(Duration.ofDays(1)));
    new NudgeSweep(coach.dsl(), coach.services().transactions()).sweep(coach.now());

    worker.drainDue();

    assertThat(messenger.sent).hasSize(2);
    assertThat(((Delivery.Direct) messenger.sent.get(1).target()).knownDmChannel())
        .contains("D0123");
  }

  @Test
  void aNudgeIsDroppedWhenTheMemberGotActiveBeforeItWentOut() {
    coach.say(ana, "done 1");

    worker.drainDue();

    assertThat(messenger.sent).isEmpty();
    assertThat(nudge().getStatus()).isEqualTo("dropped");
  }

  @Test
  void aNudgeStillWaitingTheNextDayIsDroppedAndCountedAsStale() {
    coach.clock().set(TUESDAY_NINE.plus(Duration.ofDays(1)));

    worker.drainDue();

    assertThat(messenger.sent.stream().filter(d -> d.reply().plainText().contains("Next:")))
        .isEmpty();
    assertThat(nudge().getStatus()).isEqualTo("dropped");
    assertThat(
            worker
                .counts()
                .count(DeliveryOutcome.DROPPED_STALE, DeliveryKind.NUDGE, Platform.CONSOLE))
        .isEqualTo(1);
  }

  @Test
  void aNudgeDueAt2356FoundAt0030TheNextDayIsSent() {
    Caller kiri = coach.caller("kiri", "Pacific/Chatham");
    coach.at("2026-03-02T12:00:00Z").say(kiri, "start");
    coach.say(kiri, "remind at 23:56");
    ZoneId chatham = ZoneId.of("Pacific/Chatham");
    // the instances were down from before 23:56 on Wednesday until 00:30 on Thursday there
    Instant halfPastMidnight = LocalDateTime.parse("2026-03-05T00:30").atZone(chatham).toInstant();
    coach.clock().set(halfPastMidnight);
    assertThat(new NudgeSweep(coach.dsl(), coach.services().transactions()).sweep(coach.now()))
        .isGreaterThanOrEqualTo(1);

    worker.drainDue();

    assertThat(messenger.sent)
        .filteredOn(d -> ((Delivery.Direct) d.target()).memberName().equals("kiri"))
        .singleElement()
        .satisfies(d -> assertThat(d.reply().plainText()).contains("kiri, stage 1"));
    assertThat(
            coach
                .dsl()
                .select(OUTBOX.STATUS)
                .from(OUTBOX)
                .where(OUTBOX.MEMBER_ID.eq(coach.memberId(kiri)))
                .fetchSingle()
                .value1())
        .isEqualTo("sent");
  }

  @Test
  void aNudgeLeftInTheOutboxMoreThanTwoHoursPastItsTimeIsDroppedNotSentLate() {
    coach.clock().set(TUESDAY_NINE.plus(NudgeSweep.LATE_WINDOW).plusSeconds(1));

    worker.drainDue();

    assertThat(messenger.sent).isEmpty();
    assertThat(nudge().getStatus()).isEqualTo("dropped");
    assertThat(nudge().getLastError()).contains("late");
  }

  @Test
  void rowsOfAPlatformWithoutAMessengerHereAreLeftForAnInstanceThatHasOne() {
    DeliveryWorker elsewhere =
        new DeliveryWorker(
            new DeliveryQueue(coach.dsl()), null, coach.services().transactions(), coach.clock());

    assertThat(elsewhere.drainDue()).isZero();
    assertThat(nudge().getStatus()).isEqualTo("pending");
    assertThat(nudge().getAttempts()).isZero();
  }
}
