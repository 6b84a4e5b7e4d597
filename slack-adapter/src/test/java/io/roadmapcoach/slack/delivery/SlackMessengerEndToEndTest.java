package io.roadmapcoach.slack.delivery;

import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.DeliveryResult.Who;
import io.roadmapcoach.core.delivery.DeliveryWorker;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.delivery.Pace;
import io.roadmapcoach.core.progress.NudgeSweep;
import io.roadmapcoach.core.reply.Attachment;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.SlackSettings;
import io.roadmapcoach.slack.install.SlackTokens;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.FakeSlack.Answer;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    // the channels these tests post in invited the bot (Slack refuses posts elsewhere)
    slack.fake.invite("C0ONE").invite("C0TWO").invite("C0BUSY");
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
  void a429PausesOnlyThatConversationAndTheMessageIsSentOnceAfterItsRetryAfter()
      throws InterruptedException {
    enrollAnaAndSweepTuesdayMorning();
    slack.fake.next("chat.postMessage", Answer.rateLimited(1));

    worker.drainDue();

    assertThat(dsl.select(OUTBOX.STATUS).from(OUTBOX).fetchSingle().value1()).isEqualTo("pending");
    assertThat(worker.pausedUntil(Platform.SLACK)).as("the rest of Slack goes on").isEmpty();
    assertThat(dsl.select(OUTBOX.NEXT_ATTEMPT_AT).from(OUTBOX).fetchSingle().value1().toInstant())
        .isEqualTo(TUESDAY_NINE_BERLIN.plusSeconds(1));
    worker.drainDue(); // not due yet: nothing is sent
    assertThat(slack.fake.calls("chat.postMessage")).hasSize(1);

    Thread.sleep(1_100); // the conversation's own pause runs on real time
    slack.clock.advance(Duration.ofSeconds(2));
    worker.drainDue();

    assertThat(slack.fake.calls("chat.postMessage")).hasSize(2); // the 429, then the one that went
    assertThat(dsl.select(OUTBOX.STATUS).from(OUTBOX).fetchSingle().value1()).isEqualTo("sent");
    assertThat(dsl.select(OUTBOX.ATTEMPTS).from(OUTBOX).fetchSingle().value1())
        .as("a wait Slack asked for is not a failed attempt")
        .isEqualTo(1);
  }

  @Test
  void a429OnOneChannelDoesNotSlowAnother() {
    slack.fake.next("chat.postMessage", Answer.rateLimited(30));
    Messenger messenger = slack.adapter.messenger();

    DeliveryResult first = messenger.send(channel("C0ONE"));

    assertThat(first)
        .isInstanceOfSatisfying(
            DeliveryResult.RetryLater.class,
            r -> {
              assertThat(r.after()).isEqualTo(Duration.ofSeconds(30));
              assertThat(r.wholePlatform()).isFalse();
              assertThat(r.rateLimited()).isTrue();
            });
    assertThat(messenger.pace(channel("C0ONE"))).isInstanceOf(Pace.NotBefore.class);
    assertThat(messenger.pace(channel("C0TWO"))).isEqualTo(Pace.NOW);
    assertThat(messenger.send(channel("C0TWO"))).isEqualTo(DeliveryResult.Sent.plain());
  }

  @Test
  void everyPostCarriesItsDeliveryKeyAsMessageMetadata() {
    enrollAnaAndSweepTuesdayMorning();

    worker.drainDue();

    JsonObject metadata = slack.fake.calls("chat.postMessage").get(0).json("metadata");
    long row = dsl.select(OUTBOX.ID).from(OUTBOX).fetchSingle().value1();
    assertThat(metadata.get("event_type").getAsString()).isEqualTo("roadmap_coach_delivery");
    assertThat(metadata.getAsJsonObject("event_payload").get("delivery_key").getAsString())
        .isEqualTo("outbox-" + row);
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
  void aDigestCarriesItsChartIntoTheSameDirectMessage() {
    Reply digest =
        Reply.text("📊 #general this week")
            .withAttachment(
                new Attachment("general-12-weeks.png", "image/png", new byte[] {(byte) 0x89, 'P'}));
    Delivery delivery =
        new Delivery(
            3, "k3", FakeSlack.TEAM, new Delivery.Direct("U1", "Ana", Optional.of("DU1")), digest);

    assertThat(send(delivery)).isEqualTo(new DeliveryResult.Sent(Optional.of("DU1")));

    assertThat(slack.fake.calls("chat.postMessage")).hasSize(1);
    slack.fake.await("files.getUploadURLExternal", 1);
    FakeSlack.Call complete = slack.fake.await("files.completeUploadExternal", 1).get(0);
    assertThat(complete.params()).containsEntry("channel_id", "DU1");
    assertThat(complete.params().get("files")).contains("general-12-weeks.png");
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
  void serverErrorsLeaveThePostInDoubtAndOtherErrorsFailForTheWorkerToBackOff() {
    slack.fake.next("chat.postMessage", new Answer(503, Map.of(), "{\"ok\":false}"));
    assertThat(send(direct(Optional.of("DU1")))).isInstanceOf(DeliveryResult.Unknown.class);

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
    Messenger messenger = slack.adapter.messenger();

    assertThat(messenger.pace(channel("C0GENERAL"))).isEqualTo(Pace.NOW);
    assertThat(messenger.pace(channel("C0GENERAL")))
        .isInstanceOfSatisfying(
            Pace.Go.class, go -> assertThat(go.after()).isGreaterThan(Duration.ofMillis(900)));
    assertThat(messenger.pace(channel("C0OTHER"))).isEqualTo(Pace.NOW);
  }

  // ---- deliveries left in doubt by a crash

  private static Delivery inDoubt(Delivery d, Instant firstSend) {
    return d.withInDoubt(Optional.of(new Delivery.InDoubt(firstSend, firstSend.plusSeconds(30))));
  }

  /** A messenger for a token granted {@code scopes} (comma-separated), as Slack reports them. */
  private SlackMessenger messenger(String scopes) {
    slack.fake.scopes(scopes);
    var api =
        SlackClients.webApi(
            new SlackSettings(SlackHarness.TOKEN, "s", Optional.empty(), slack.fake.apiUrl())
                .apiUrl());
    Set<String> granted =
        SlackTokens.scopesIn(java.util.Map.of("x-oauth-scopes", java.util.List.of(scopes)));
    return new SlackMessenger(
        new SlackClients(api, SlackTokens.single(FakeSlack.TEAM, SlackHarness.TOKEN, granted)),
        SlackMessenger.channelPacer(),
        SlackDelivery.DEFAULT);
  }

  @Test
  void aDeliveryInDoubtThatSlackAlreadyHasIsNotPostedAgain() {
    SlackMessenger messenger = messenger(FakeSlack.HISTORY_SCOPES);
    Instant firstSend = Instant.now();
    assertThat(messenger.send(direct(Optional.of("DU1")))).isInstanceOf(DeliveryResult.Sent.class);

    DeliveryResult again = messenger.send(inDoubt(direct(Optional.of("DU1")), firstSend));

    assertThat(again).isEqualTo(new DeliveryResult.Sent(Optional.of("DU1"), true));
    assertThat(slack.fake.calls("chat.postMessage")).hasSize(1);
    FakeSlack.Call lookUp = slack.fake.calls("conversations.history").get(0);
    assertThat(lookUp.params())
        .containsEntry("channel", "DU1")
        .containsEntry("include_all_metadata", "1")
        .containsEntry("limit", "15");
  }

  @Test
  void aDeliveryInDoubtThatSlackDoesNotHaveIsPostedOnce() {
    SlackMessenger messenger = messenger(FakeSlack.HISTORY_SCOPES);
    // another delivery in the same conversation does not count
    messenger.send(
        new Delivery(
            9,
            "outbox-9",
            FakeSlack.TEAM,
            new Delivery.Direct("U1", "Ana", Optional.of("DU1")),
            Reply.text("yesterday's")));

    DeliveryResult result = messenger.send(inDoubt(direct(Optional.of("DU1")), Instant.now()));

    assertThat(result).isEqualTo(new DeliveryResult.Sent(Optional.of("DU1")));
    assertThat(slack.fake.calls("conversations.history")).hasSize(1);
    assertThat(slack.fake.calls("chat.postMessage")).hasSize(2);
  }

  @Test
  void withoutTheHistoryScopesADeliveryInDoubtIsPostedAgainUnchecked() {
    SlackMessenger messenger = messenger(FakeSlack.BASE_SCOPES);
    assertThat(messenger.checks(false, FakeSlack.TEAM)).isFalse();

    messenger.send(direct(Optional.of("DU1")));
    messenger.send(inDoubt(direct(Optional.of("DU1")), Instant.now()));

    assertThat(slack.fake.calls("conversations.history")).isEmpty();
    assertThat(slack.fake.calls("chat.postMessage")).hasSize(2);
  }

  @Test
  void lookUpsArePacedWithinSlacksHistoryLimitAndDeliveriesInDoubtWaitTheirTurn() {
    SlackMessenger messenger = messenger(FakeSlack.HISTORY_SCOPES);
    Instant firstSend = Instant.now();

    Pace first = messenger.pace(inDoubt(direct(Optional.of("DU1")), firstSend));
    Pace second = messenger.pace(inDoubt(direct(Optional.of("DU2")), firstSend));

    assertThat(first).isEqualTo(Pace.NOW);
    assertThat(second)
        .as("one look-up a minute outside the Marketplace")
        .isInstanceOfSatisfying(
            Pace.NotBefore.class,
            later -> assertThat(later.after()).isGreaterThan(Duration.ofSeconds(55)));
    assertThat(messenger.pace(direct(Optional.of("DU3"))))
        .as("deliveries not in doubt do not wait for look-ups")
        .isEqualTo(Pace.NOW);
  }

  @Test
  void aConversationWithMoreMessagesThanOneLookUpReturnsIsNotPostedAgainBlindly() {
    SlackMessenger messenger = messenger(FakeSlack.HISTORY_SCOPES);
    Instant firstSend = Instant.now();
    for (int i = 0; i < 16; i++) {
      messenger.send(
          new Delivery(
              100 + i,
              "outbox-" + (100 + i),
              FakeSlack.TEAM,
              new Delivery.ChannelPost("C0BUSY", "busy"),
              Reply.text("chatter " + i)));
    }

    DeliveryResult result = messenger.send(inDoubt(channel("C0BUSY"), firstSend));

    assertThat(result).isInstanceOf(DeliveryResult.Unconfirmed.class);
    assertThat(slack.fake.calls("chat.postMessage")).hasSize(16);
  }
}
