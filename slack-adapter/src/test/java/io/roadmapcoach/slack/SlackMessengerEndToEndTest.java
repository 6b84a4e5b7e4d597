package io.roadmapcoach.slack;

import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.DeliveryResult.Who;
import io.roadmapcoach.core.delivery.DeliveryWorker;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.schedule.NudgeSweep;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.FakeSlack.Answer;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The outbox's deliveries reaching (the fake) Slack through the adapter's messenger. */
@ExtendWith(PostgresExtension.class)
class SlackMessengerEndToEndTest {
  // 09:00 in Berlin on the Tuesday after enrolling: Ana's daily nudge is due
  private static final Instant TUESDAY_NINE_BERLIN = Instant.parse("2026-03-03T08:00:30Z");

  private SlackHarness slack;
  private DSLContext dsl;
  private DeliveryWorker worker;
  private NudgeSweep sweep;

  @BeforeEach
  void start(DSLContext dsl) {
    this.dsl = dsl;
    slack = new SlackHarness(dsl);
    slack.fake.user("U1", "Ana", "Europe/Berlin", false);
    worker = slack.core.deliveries().register(slack.adapter.messenger());
    sweep = new NudgeSweep(dsl, new Transactions(dsl));
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  private void enrollAnaAndSweepTuesdayMorning() {
    slack.command("U1", "start");
    slack.fake.clear();
    slack.clock.set(TUESDAY_NINE_BERLIN);
    assertThat(sweep.sweep(slack.clock.instant())).isEqualTo(1);
  }

  @Test
  void aNudgeThroughTheOutboxReachesSlackAsOneDirectMessage() {
    enrollAnaAndSweepTuesdayMorning();

    worker.drainDue();

    assertThat(slack.fake.calls("conversations.open")).hasSize(1);
    assertThat(slack.fake.calls("chat.postMessage")).hasSize(1);
    FakeSlack.Call post = slack.fake.calls("chat.postMessage").get(0);
    assertThat(post.params()).containsEntry("channel", "DU1");
    assertThat(post.params().get("text")).isNotBlank();
    assertThat(post.jsonArray("blocks").size()).isBetween(1, 50);
    assertThat(post.authorization()).isEqualTo("Bearer " + SlackHarness.TOKEN);
    assertThat(dsl.select(MEMBER.DM_CHANNEL_ID).from(MEMBER).fetchSingle().value1())
        .isEqualTo("DU1");
    assertThat(dsl.select(OUTBOX.STATUS).from(OUTBOX).fetchSingle().value1()).isEqualTo("sent");
  }

  @Test
  void theDirectMessageChannelIsOpenedOncePerMember() {
    enrollAnaAndSweepTuesdayMorning();
    worker.drainDue();

    slack.clock.set(TUESDAY_NINE_BERLIN.plus(Duration.ofDays(1)));
    assertThat(sweep.sweep(slack.clock.instant())).isEqualTo(1);
    worker.drainDue();

    assertThat(slack.fake.calls("chat.postMessage")).hasSize(2);
    assertThat(slack.fake.calls("conversations.open")).hasSize(1);
  }

  @Test
  void a429IsWaitedOutAndTheMessageSentOnce() {
    enrollAnaAndSweepTuesdayMorning();
    slack.fake.next("chat.postMessage", Answer.rateLimited(2));

    worker.drainDue();

    assertThat(dsl.select(OUTBOX.STATUS).from(OUTBOX).fetchSingle().value1()).isEqualTo("pending");
    assertThat(worker.pausedUntil(Platform.SLACK)).contains(TUESDAY_NINE_BERLIN.plusSeconds(2));
    worker.drainDue(); // still paused: nothing is sent
    assertThat(slack.fake.calls("chat.postMessage")).hasSize(1);

    slack.clock.advance(Duration.ofSeconds(3));
    worker.drainDue();

    assertThat(slack.fake.calls("chat.postMessage")).hasSize(2); // the 429, then the one that went
    assertThat(dsl.select(OUTBOX.STATUS).from(OUTBOX).fetchSingle().value1()).isEqualTo("sent");
    worker.drainDue();
    assertThat(slack.fake.calls("chat.postMessage")).hasSize(2);
  }

  @Test
  void aDeactivatedMemberIsMarkedUndeliverableNotRetried() {
    enrollAnaAndSweepTuesdayMorning();
    slack.fake.next("conversations.open", Answer.error("user_disabled"));

    worker.drainDue();

    assertThat(dsl.select(MEMBER.DELIVERABLE).from(MEMBER).fetchSingle().value1()).isFalse();
    assertThat(dsl.select(OUTBOX.STATUS).from(OUTBOX).fetchSingle().value1())
        .isEqualTo("undeliverable");
    assertThat(slack.fake.calls("chat.postMessage")).isEmpty();
  }

  // ---- the messenger's answers, one Slack error at a time

  private static Delivery direct(Optional<String> dm) {
    return new Delivery(
        1, "k1", FakeSlack.TEAM, new Delivery.Direct("U1", "Ana", dm), Reply.text("Time to learn"));
  }

  private static Delivery channel(String id) {
    return new Delivery(
        2,
        "k2",
        FakeSlack.TEAM,
        new Delivery.ChannelPost(id, "general"),
        Reply.text("Today in #general"));
  }

  private DeliveryResult send(Delivery d) {
    return slack.adapter.messenger().send(d);
  }

  @Test
  void errorsSayWhoCannotBeReached() {
    slack.fake.next("chat.postMessage", Answer.error("account_inactive"));
    assertThat(send(direct(Optional.of("DU1"))))
        .isEqualTo(new DeliveryResult.Unreachable(Who.MEMBER, "slack: account_inactive"));

    slack.fake.next("conversations.open", Answer.error("user_not_found"));
    assertThat(send(direct(Optional.empty())))
        .isEqualTo(new DeliveryResult.Unreachable(Who.MEMBER, "slack: user_not_found"));

    for (String error : new String[] {"channel_not_found", "not_in_channel", "is_archived"}) {
      slack.fake.next("chat.postMessage", Answer.error(error));
      assertThat(send(channel("C" + error)))
          .isEqualTo(new DeliveryResult.Unreachable(Who.CHANNEL, "slack: " + error));
    }

    slack.fake.next("chat.postMessage", Answer.error("invalid_auth"));
    assertThat(send(channel("C0GENERAL")))
        .isEqualTo(new DeliveryResult.Unreachable(Who.WORKSPACE, "slack: invalid_auth"));
  }

  @Test
  void aStoredDirectMessageChannelThatIsGoneIsOpenedAgainOnce() {
    slack.fake.next("chat.postMessage", Answer.error("channel_not_found"));

    DeliveryResult result = send(direct(Optional.of("DGONE")));

    assertThat(result).isEqualTo(new DeliveryResult.Sent(Optional.of("DU1")));
    assertThat(slack.fake.calls("conversations.open")).hasSize(1);
    assertThat(slack.fake.calls("chat.postMessage"))
        .extracting(c -> c.params().get("channel"))
        .containsExactly("DGONE", "DU1");
  }

  @Test
  void serverErrorsAreRetriedLaterAndOtherErrorsFailForTheWorkerToBackOff() {
    slack.fake.next("chat.postMessage", new Answer(503, Map.of(), "{\"ok\":false}"));
    assertThat(send(direct(Optional.of("DU1")))).isInstanceOf(DeliveryResult.RetryLater.class);

    slack.fake.next("chat.postMessage", Answer.error("invalid_blocks"));
    assertThat(send(direct(Optional.of("DU2"))))
        .isEqualTo(new DeliveryResult.Failed("slack: invalid_blocks"));
  }

  @Test
  void aWorkspaceThisTokenDoesNotServeIsUnreachable() {
    Delivery elsewhere =
        new Delivery(
            3,
            "k3",
            "T0OTHER",
            new Delivery.Direct("U1", "Ana", Optional.empty()),
            Reply.text("hi"));

    assertThat(send(elsewhere)).isInstanceOf(DeliveryResult.Unreachable.class);
    assertThat(slack.fake.calls("chat.postMessage")).isEmpty();
  }

  @Test
  void postsToOneChannelAreAtLeastASecondApart() {
    send(channel("C0GENERAL"));
    long first = System.nanoTime();
    send(channel("C0GENERAL"));
    long gapMillis = (System.nanoTime() - first) / 1_000_000;

    assertThat(slack.fake.calls("chat.postMessage")).hasSize(2);
    assertThat(gapMillis).isGreaterThanOrEqualTo(900);
  }
}
