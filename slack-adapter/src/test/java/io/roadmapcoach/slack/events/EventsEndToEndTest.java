package io.roadmapcoach.slack.events;

import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static io.roadmapcoach.slack.testing.BlockKit.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events API deliveries: opening the App Home publishes the member's status, a retried event is
 * handled once, an uninstall or a revoked bot token stops deliveries, and the events URL answers
 * Slack's verification challenge.
 */
@ExtendWith(PostgresExtension.class)
class EventsEndToEndTest {
  private SlackHarness slack;
  private DSLContext dsl;

  @BeforeEach
  void start(DSLContext dsl) {
    this.dsl = dsl;
    slack = new SlackHarness(dsl);
    slack.fake.user("U1", "Ana", "Europe/Berlin", false);
    slack.fake.user("U2", "Bob", "UTC", false);
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void openingTheAppHomePublishesTheMembersOwnStatus() {
    slack.command("U1", "start");

    HttpResponse<String> ack = slack.event("Ev001", homeOpened("U1"), null);

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeSlack.Call publish = slack.fake.await("views.publish", 1).get(0);
    assertThat(publish.params()).containsEntry("user_id", "U1");
    JsonObject view = publish.json("view");
    assertThat(view.get("type").getAsString()).isEqualTo("home");
    assertThat(header(view)).startsWith("Stage 1 of 15");
    JsonArray viewBlocks = view.getAsJsonArray("blocks");
    assertThat(viewBlocks.size()).isBetween(3, 100);
  }

  @Test
  void aRetriedEventIsAcknowledgedAndNotHandledTwice() throws InterruptedException {
    slack.command("U1", "start");
    slack.event("Ev002", homeOpened("U1"), null);
    slack.fake.await("views.publish", 1);

    HttpResponse<String> retry = slack.event("Ev002", homeOpened("U1"), 1);
    HttpResponse<String> again = slack.event("Ev002", homeOpened("U1"), 2);
    Thread.sleep(300);

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(slack.fake.calls("views.publish")).hasSize(1);
  }

  @Test
  void uninstallingTheAppStopsDeliveriesToTheWorkspace() {
    slack.command("U1", "start");
    assertThat(deliverable()).isTrue();

    HttpResponse<String> ack = slack.event("Ev003", "{\"type\":\"app_uninstalled\"}", null);

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(deliverable()).isFalse();
  }

  @Test
  void revokingTheBotTokenStopsDeliveriesButRevokingUserTokensDoesNot() {
    slack.command("U1", "start");

    slack.event(
        "Ev004", "{\"type\":\"tokens_revoked\",\"tokens\":{\"oauth\":[\"U1\"],\"bot\":[]}}", null);
    assertThat(deliverable()).isTrue();

    slack.event(
        "Ev005",
        "{\"type\":\"tokens_revoked\",\"tokens\":{\"oauth\":[],\"bot\":[\"UBOT\"]}}",
        null);
    assertThat(deliverable()).isFalse();
  }

  @Test
  void theEventsUrlVerificationChallengeIsAnswered() {
    String body =
        "{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
    var headers = new LinkedHashMap<>(SlackHarness.signed(body, SlackHarness.now()));
    headers.put("Content-Type", "application/json");

    HttpResponse<String> response = slack.send(body, headers);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  private boolean deliverable() {
    return dsl.select(WORKSPACE.DELIVERABLE)
        .from(WORKSPACE)
        .where(WORKSPACE.EXTERNAL_ID.eq(FakeSlack.TEAM))
        .fetchSingle()
        .value1();
  }

  private static String homeOpened(String user) {
    return "{\"type\":\"app_home_opened\",\"user\":\""
        + user
        + "\",\"channel\":\"D"
        + user
        + "\",\"tab\":\"home\",\"event_ts\":\"1700000000.000100\"}";
  }
}
