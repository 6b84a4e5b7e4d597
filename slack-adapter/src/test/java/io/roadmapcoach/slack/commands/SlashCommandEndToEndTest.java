package io.roadmapcoach.slack.commands;

import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.slack.testing.BlockKit.allText;
import static io.roadmapcoach.slack.testing.BlockKit.blocks;
import static io.roadmapcoach.slack.testing.BlockKit.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class SlashCommandEndToEndTest {
  private SlackHarness slack;
  private DSLContext dsl;

  @BeforeEach
  void start(DSLContext dsl) {
    this.dsl = dsl;
    slack = new SlackHarness(dsl);
    slack.fake.user("U1", "Ana", "Europe/Berlin", false);
    slack.fake.user("U2", "Bob", "America/New_York", false);
    slack.fake.user("UADMIN", "Alice", "Asia/Tokyo", true);
    slack.fake.owner("UOWNER", "Olga", "UTC");
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  static List<String> types(JsonObject message) {
    return blocks(message).stream().map(b -> b.get("type").getAsString()).toList();
  }

  @Test
  void aStagesResourcesArriveAsSlackLinks() {
    JsonObject message = json(slack.command("U1", "stage 1"));

    assertThat(allText(message))
        .contains(
            "📖 <https://mml-book.github.io/|Mathematics for Machine Learning> · Deisenroth,"
                + " Faisal, Ong (Cambridge University Press) · free");
  }

  @Test
  void statusIsAnsweredInTheAcknowledgementAsBlockKit() {
    assertThat(slack.command("U1", "start").statusCode()).isEqualTo(200);

    HttpResponse<String> response = slack.command("U1", "status");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject message = json(response);
    assertThat(message.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(types(message)).startsWith("header").contains("section", "context", "actions");
    JsonObject header = blocks(message).get(0).getAsJsonObject("text");
    assertThat(header.get("type").getAsString()).isEqualTo("plain_text");
    assertThat(header.get("text").getAsString()).startsWith("Stage 1 of 15: ");
    assertThat(allText(message)).contains("░").contains("objectives across the roadmap");
    JsonObject buttons =
        blocks(message).stream()
            .filter(b -> b.get("type").getAsString().equals("actions"))
            .findFirst()
            .orElseThrow();
    JsonObject first = buttons.getAsJsonArray("elements").get(0).getAsJsonObject();
    assertThat(first.get("type").getAsString()).isEqualTo("button");
    assertThat(first.get("action_id").getAsString()).startsWith("rc:");
    assertThat(message.get("text").getAsString()).contains("Stage 1 of 15");
    assertThat(slack.fake.calls("response_url")).isEmpty();
  }

  @Test
  void fieldsAreRenderedAsSectionFieldsWithBoldLabels() {
    slack.command("U1", "start");

    JsonObject message = json(slack.command("U1", "status"));

    JsonObject withFields =
        blocks(message).stream().filter(b -> b.has("fields")).findFirst().orElseThrow();
    JsonArray fields = withFields.getAsJsonArray("fields");
    assertThat(fields.size()).isBetween(1, 10);
    assertThat(fields.get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("mrkdwn");
    assertThat(fields.get(0).getAsJsonObject().get("text").getAsString())
        .matches("(?s)\\*[^*]+\\*\n.+");
  }

  @Test
  void enrollingTakesTheMembersNameAndTimeZoneFromSlack() {
    slack.command("U1", "start");

    var member = dsl.selectFrom(MEMBER).where(MEMBER.EXTERNAL_ID.eq("U1")).fetchSingle();
    assertThat(member.getDisplayName()).isEqualTo("Ana");
    assertThat(member.getPlatformTimeZone()).isEqualTo("Europe/Berlin");
    assertThat(member.getTimeZone()).isNull();
  }

  @Test
  void aFirstStartIsAnsweredInlineWhileSlackIsSlowToSayWhoTheMemberIs() throws Exception {
    slack.fake.user("U7", "Gia", "Asia/Tokyo", true).delay("users.info", Duration.ofSeconds(4));

    long started = System.nanoTime();
    HttpResponse<String> ack = slack.command("U7", "start");
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(tookMillis).isLessThan(1500);
    assertThat(ack.body()).contains("Welcome");
    var member = dsl.selectFrom(MEMBER).where(MEMBER.EXTERNAL_ID.eq("U7")).fetchSingle();
    assertThat(member.getDisplayName()).isEqualTo("u7"); // the name the request carried
    // once Slack has answered, the member's next command brings their profile
    slack.fake.await("users.info", 1);
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!"Gia"
            .equals(
                dsl.select(MEMBER.DISPLAY_NAME)
                    .from(MEMBER)
                    .where(MEMBER.EXTERNAL_ID.eq("U7"))
                    .fetchSingle()
                    .value1())
        && System.nanoTime() < until) {
      Thread.sleep(200);
      slack.command("U7", "status");
    }
    member = dsl.selectFrom(MEMBER).where(MEMBER.EXTERNAL_ID.eq("U7")).fetchSingle();
    assertThat(member.getDisplayName()).isEqualTo("Gia");
    assertThat(member.getPlatformTimeZone()).isEqualTo("Asia/Tokyo");
    assertThat(slack.fake.calls("users.info")).hasSize(1);
  }

  @Test
  void usersInfoIsAskedOncePerMemberForAFewMinutes() {
    slack.command("U1", "start");
    slack.command("U1", "status");
    slack.command("U1", "stages");

    assertThat(slack.fake.calls("users.info")).hasSize(1);
    assertThat(slack.fake.calls("users.info").get(0).params()).containsEntry("user", "U1");
  }

  @Test
  void workspaceAdminsAndOwnersAreLeadsAndOthersAreNot() {
    slack.command("U1", "start"); // first in the channel: lead of #general
    slack.command("U2", "start");

    String refused = allText(json(slack.command("U2", "team")));
    String admin = allText(json(slack.command("UADMIN", "team")));
    String owner = allText(json(slack.command("UOWNER", "team")));

    assertThat(refused).doesNotContain("on the roadmap");
    assertThat(admin)
        .contains("#general: 2 members on the roadmap")
        .contains("Ana")
        .contains("Bob");
    assertThat(owner).contains("#general: 2 members on the roadmap");
  }

  @Test
  void mentionsArriveEscapedAsSlackSendsThemAndNameTheMember() {
    slack.command("U1", "start");
    slack.command("U2", "start");

    String text = allText(json(slack.command("UADMIN", "status <@U2|bob>")));

    assertThat(text).contains("Bob · Stage 1 of 15");
  }

  @Test
  void leaderboardGoesToTheChannel() {
    slack.command("U1", "start");

    JsonObject message = json(slack.command("U1", "leaderboard"));

    assertThat(message.get("response_type").getAsString()).isEqualTo("in_channel");
    assertThat(types(message)).startsWith("header");
  }

  @Test
  void badInputGetsAShortAnswerOnlyTheCallerSees() {
    JsonObject message = json(slack.command("U1", "remind at 25:00"));

    assertThat(message.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(allText(message)).contains("25:00").contains("`/roadmap remind at");
  }

  @Test
  void aSlowAnswerIsAcknowledgedEmptyAndFinishedThroughResponseUrl(DSLContext dsl) {
    try (SlackHarness slow = new SlackHarness(dsl, Duration.ofMillis(200))) {
      slow.fake.user("U9", "Slow", "UTC", false).delay(Duration.ofMillis(700));

      long started = System.nanoTime();
      HttpResponse<String> ack = slow.command("U9", "stages");
      long tookMillis = (System.nanoTime() - started) / 1_000_000;

      assertThat(ack.statusCode()).isEqualTo(200);
      assertThat(ack.body()).isEmpty();
      assertThat(tookMillis).isLessThan(2500);
      FakeSlack.Call late = slow.fake.await("response_url", 1).get(0);
      JsonObject message = late.bodyJson();
      assertThat(message.get("response_type").getAsString()).isEqualTo("ephemeral");
      assertThat(allText(message)).contains("15");
      assertThat(types(message)).contains("header");
    }
  }

  @Test
  void teamCsvArrivesAsAFileInTheLeadsDirectMessages() {
    slack.command("U1", "start");
    slack.command("U2", "start");

    JsonObject ack = json(slack.command("UADMIN", "team csv"));

    assertThat(allText(ack)).contains("📎").contains("team-general.csv");
    FakeSlack.Call complete = slack.fake.await("files.completeUploadExternal", 1).get(0);
    assertThat(complete.params()).containsEntry("channel_id", "DUADMIN");
    assertThat(slack.fake.calls("conversations.open").get(0).params())
        .containsEntry("users", "UADMIN");
    assertThat(slack.fake.calls("files.getUploadURLExternal").get(0).params())
        .containsEntry("filename", "team-general.csv");
    String uploaded = slack.fake.calls("file_upload").get(0).body();
    assertThat(uploaded).contains("member,stage").contains("Ana").contains("Bob");
  }

  @Test
  void teamOfManyMembersStaysWithinSlacksLimits() {
    for (int i = 0; i < 30; i++) {
      String id = "UM" + i;
      slack.fake.user(id, "Member number " + i + " with a rather long display name", "UTC", false);
      slack.command(id, "start");
    }

    JsonObject message = json(slack.command("UADMIN", "team"));

    assertThat(blocks(message)).hasSizeLessThanOrEqualTo(50);
    for (JsonObject block : blocks(message)) {
      if (block.has("text") && block.get("type").getAsString().equals("section")) {
        assertThat(block.getAsJsonObject("text").get("text").getAsString().length())
            .isLessThanOrEqualTo(3000);
      }
    }
    assertThat(allText(message))
        .contains("30 members on the roadmap")
        .contains("/roadmap team csv");
  }
}
