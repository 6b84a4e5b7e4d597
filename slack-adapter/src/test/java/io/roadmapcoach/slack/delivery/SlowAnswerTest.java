package io.roadmapcoach.slack.delivery;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.delivery.DeliveryOutcome;
import io.roadmapcoach.core.delivery.DeliveryWorker;
import io.roadmapcoach.core.progress.NudgeSweep;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.install.SlackTokens;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Slack receives a post but answers after the client has stopped waiting: the timeout is no resend.
 * The row stays in doubt, and the in-doubt rules (a look-up in the conversation) decide.
 */
@ExtendWith(PostgresExtension.class)
class SlowAnswerTest {
  private static final Instant TUESDAY_NINE_BERLIN = Instant.parse("2026-03-03T08:00:30Z");
  private static final Duration ANSWER_WITHIN = Duration.ofMillis(400);

  private SlackHarness slack;
  private DSLContext dsl;

  @BeforeEach
  void start(DSLContext dsl) {
    this.dsl = dsl;
    slack = new SlackHarness(dsl);
    slack.fake.user("U1", "Ana", "Europe/Berlin", false);
    // Slack stamps its messages on the test's clock, as the look-up's window reads them
    slack.fake.clock(slack.clock).scopes(FakeSlack.HISTORY_SCOPES);
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  /** The worker with a messenger whose client waits {@link #ANSWER_WITHIN} for each answer. */
  private DeliveryWorker impatientWorker() {
    SlackMessenger messenger =
        new SlackMessenger(
            new SlackClients(
                SlackClients.webApi(slack.fake.apiUrl(), ANSWER_WITHIN),
                SlackTokens.single(
                    FakeSlack.TEAM,
                    SlackHarness.TOKEN,
                    SlackTokens.scopesIn(
                        Map.of("x-oauth-scopes", List.of(FakeSlack.HISTORY_SCOPES))))),
            SlackMessenger.channelPacer(),
            SlackDelivery.DEFAULT,
            slack.clock);
    return slack.core.deliveries().register(messenger);
  }

  @Test
  void aPostAnsweredAfterTheTimeoutStaysInDoubtAndIsLookedUpNotPostedAgain()
      throws InterruptedException {
    slack.command("U1", "start");
    slack.fake.clear();
    slack.clock.set(TUESDAY_NINE_BERLIN);
    assertThat(new NudgeSweep(dsl, new Transactions(dsl)).sweep(slack.clock.instant()))
        .isEqualTo(1);
    DeliveryWorker worker = impatientWorker();
    slack.fake.delay("chat.postMessage", ANSWER_WITHIN.multipliedBy(3));

    worker.drainDue();

    assertThat(dsl.select(OUTBOX.STATUS).from(OUTBOX).fetchSingle().value1())
        .as("the post timed out: in doubt, not pending")
        .isEqualTo("sending");
    awaitPosted(1);
    slack.fake.delay("chat.postMessage", Duration.ZERO);

    slack.clock.advance(Duration.ofMinutes(1));
    worker.drainDue();

    assertThat(slack.fake.posted()).as("Ana's messages").hasSize(1);
    assertThat(slack.fake.calls("chat.postMessage")).hasSize(1);
    assertThat(slack.fake.calls("conversations.history")).hasSize(1);
    assertThat(worker.counts().total(DeliveryOutcome.ALREADY_SENT)).isEqualTo(1);
    assertThat(dsl.select(OUTBOX.STATUS).from(OUTBOX).fetchSingle().value1()).isEqualTo("sent");
  }

  /** Slack keeps the post once its slow answer is written (after the client gave up). */
  private void awaitPosted(int count) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (slack.fake.posted().size() < count && System.nanoTime() < until) {
      Thread.sleep(20);
    }
  }
}
