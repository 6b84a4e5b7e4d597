package io.roadmapcoach.slack.delivery;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static io.roadmapcoach.slack.testing.BlockKit.allText;
import static io.roadmapcoach.slack.testing.BlockKit.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.delivery.DeliveryWorker;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.time.Instant;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A channel nobody invited the bot into (no {@code chat:write.public}, on purpose): the lead who
 * turns on something that posts there is told how to invite it, the channel's state is kept and
 * shown, a refused post tells its leads by DM, and the bot's invitation turns posts back on.
 */
@ExtendWith(PostgresExtension.class)
class ChannelPostingEndToEndTest {
  private static final String STUDY = "C0STUDY";

  private SlackHarness slack;
  private DSLContext dsl;
  private DeliveryWorker worker;

  @BeforeEach
  void start(DSLContext dsl) {
    this.dsl = dsl;
    slack = new SlackHarness(dsl);
    slack.fake.user("U1", "Ana", "Europe/Berlin", false).channelName(STUDY, "study-group");
    worker = slack.core.deliveries().register(slack.adapter.messenger());
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  private String say(String text) {
    return allText(
        json(
            slack.post(
                SlackHarness.slashBody("U1", STUDY, "study-group", text, slack.responseUrl()))));
  }

  private String postingState() {
    return dsl.select(CHANNEL.POSTING_STATE)
        .from(CHANNEL)
        .where(CHANNEL.EXTERNAL_ID.eq(STUDY))
        .fetchSingle()
        .value1();
  }

  private boolean deliverable() {
    return dsl.select(CHANNEL.DELIVERABLE)
        .from(CHANNEL)
        .where(CHANNEL.EXTERNAL_ID.eq(STUDY))
        .fetchSingle()
        .value1();
  }

  /** Slack's member_joined_channel event: {@code user} joined the study group. */
  private void joined(String eventId, String user) {
    slack.event(
        eventId,
        "{\"type\":\"member_joined_channel\",\"user\":\""
            + user
            + "\",\"channel\":\""
            + STUDY
            + "\",\"channel_type\":\"C\",\"team\":\""
            + FakeSlack.TEAM
            + "\",\"event_ts\":\"1700000000.000100\"}",
        null);
  }

  @Test
  void theFirstMemberOfAChannelTheBotIsNotInIsToldToInviteIt() {
    String welcome = say("start");

    assertThat(welcome)
        .contains("I'm not in #study-group yet")
        .contains("type /invite @Roadmap Coach there");
    assertThat(slack.fake.calls("conversations.info")).hasSize(1);
    assertThat(postingState()).isEqualTo("not_invited");
    assertThat(say("settings")).contains("Posting here").contains("not invited");
  }

  @Test
  void aLeadTurningThePostOnInAChannelTheBotIsInHearsNothingMore() {
    slack.fake.invite(STUDY);
    say("start");

    String answer = say("post on");

    assertThat(answer).doesNotContain("/invite");
    assertThat(postingState()).isEqualTo("can_post");
    assertThat(say("settings")).contains("can post");
  }

  @Test
  void anInstallWithoutTheChannelScopesSaysReinstallSoICanCheck() {
    slack.fake.scopes(FakeSlack.UNCHECKED_SCOPES);

    String welcome = say("start");

    assertThat(welcome).contains("reinstall so I can check");
    assertThat(postingState()).isEqualTo("unchecked");
    // unchecked is not refused: posts still go, and a refusal will tell
    assertThat(deliverable()).isTrue();
  }

  @Test
  void theBotInvitedIntoTheChannelTurnsItsPostsBackOn() {
    say("start");
    assertThat(postingState()).isEqualTo("not_invited");

    slack.fake.invite(STUDY);
    joined("Ev100", FakeSlack.BOT_USER);

    assertThat(postingState()).isEqualTo("can_post");
    assertThat(deliverable()).isTrue();
  }

  @Test
  void anotherMemberJoiningChangesNothing() {
    say("start");

    joined("Ev101", "U2");

    assertThat(postingState()).isEqualTo("not_invited");
  }

  @Test
  void aRefusedPostTellsTheLeadsOnceByDirectMessage() {
    slack.fake.invite(STUDY);
    say("start"); // Ana is the channel's first member, so its lead
    slack.fake.kick(STUDY); // someone removed the bot from the channel afterwards
    long workspace = dsl.select(WORKSPACE.ID).from(WORKSPACE).fetchSingle().value1();
    long channel =
        dsl.select(CHANNEL.ID)
            .from(CHANNEL)
            .where(CHANNEL.EXTERNAL_ID.eq(STUDY))
            .fetchSingle()
            .value1();
    OutboxRepository outbox = new OutboxRepository(dsl);
    Instant now = slack.clock.instant();
    outbox.channelNotice(workspace, channel, LocalDate.of(2026, 3, 2), "Ana finished stage 1", now);
    outbox.channelNotice(workspace, channel, LocalDate.of(2026, 3, 3), "Ana finished stage 2", now);

    worker.drainDue(); // both refused: the channel is marked, the lead's notice enqueued once
    worker.drainDue(); // the notice goes out by DM

    assertThat(postingState()).isEqualTo("not_invited");
    assertThat(
            slack.fake.calls("chat.postMessage").stream()
                .filter(c -> c.params().get("channel").startsWith("D"))
                .map(c -> c.params().get("text")))
        .singleElement()
        .asString()
        .contains("I'm not in #study-group yet")
        .contains("/invite @Roadmap Coach");
    assertThat(
            dsl.fetchCount(
                OUTBOX,
                OUTBOX.MEMBER_ID.eq(
                    dsl.select(MEMBER.ID).from(MEMBER).where(MEMBER.EXTERNAL_ID.eq("U1")))))
        .isEqualTo(1);
  }
}
