package io.roadmapcoach.slack.actions;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.slack.testing.BlockKit.allText;
import static io.roadmapcoach.slack.testing.BlockKit.blocks;
import static io.roadmapcoach.slack.testing.BlockKit.header;
import static io.roadmapcoach.slack.testing.BlockKit.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
/**
 * Our buttons pressed in Slack: a quiz answer updates its message in place (by {@code chat.update},
 * or through {@code response_url} when it was ephemeral), other presses answer with a new message,
 * and presses in the bot's direct messages count in the member's home channel.
 */
class ButtonPressesEndToEndTest {
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

  private static List<String> actionIds(JsonObject message) {
    List<String> ids = new ArrayList<>();
    for (JsonObject block : blocks(message)) {
      if (block.get("type").getAsString().equals("actions")) {
        for (var element : block.getAsJsonArray("elements")) {
          ids.add(element.getAsJsonObject().get("action_id").getAsString());
        }
      }
    }
    return ids;
  }

  @Test
  void answeringAQuizTheBotPostedUpdatesThatMessageInPlace() {
    slack.command("U1", "start");
    JsonObject quiz = json(slack.command("U1", "quiz"));
    assertThat(header(quiz)).contains("question 1 of 5");
    String answer = actionIds(quiz).get(0);
    assertThat(answer).startsWith("rc:a:");

    HttpResponse<String> ack = slack.press("U1", "DU1", answer, "1700000000.000042", false);

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeSlack.Call update = slack.fake.await("chat.update", 1).get(0);
    assertThat(update.params())
        .containsEntry("channel", "DU1")
        .containsEntry("ts", "1700000000.000042");
    JsonObject replaced = new JsonObject();
    replaced.add("blocks", update.jsonArray("blocks"));
    assertThat(allText(replaced)).containsAnyOf("✅", "❌");
    assertThat(header(replaced)).contains("question 2 of 5");
    assertThat(slack.fake.calls("response_url")).isEmpty();
  }

  @Test
  void answeringAQuizInAnEphemeralMessageReplacesItThroughResponseUrl() {
    slack.command("U1", "start");
    JsonObject quiz = json(slack.command("U1", "quiz"));

    slack.press("U1", SlackHarness.CHANNEL, actionIds(quiz).get(1), "1700000000.000043", true);

    JsonObject message = slack.fake.await("response_url", 1).get(0).bodyJson();
    assertThat(message.get("replace_original").getAsBoolean()).isTrue();
    assertThat(header(message)).contains("question 2 of 5");
    assertThat(slack.fake.calls("chat.update")).isEmpty();
  }

  @Test
  void aDoneButtonAnswersWithANewMessageAndKeepsTheOriginal() {
    slack.command("U1", "start");
    JsonObject status = json(slack.command("U1", "status"));
    String done =
        actionIds(status).stream().filter(id -> id.startsWith("rc:d:")).findFirst().orElseThrow();

    slack.press("U1", SlackHarness.CHANNEL, done, "1700000000.000044", true);

    JsonObject message = slack.fake.await("response_url", 1).get(0).bodyJson();
    assertThat(message.get("replace_original").getAsBoolean()).isFalse();
    assertThat(message.get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(allText(message)).contains("1 of");
  }

  @Test
  void aButtonPressedInTheBotsDirectMessagesCountsInTheHomeChannel() {
    slack.command("U1", "start");
    String done =
        actionIds(json(slack.command("U1", "status"))).stream()
            .filter(id -> id.startsWith("rc:d:"))
            .findFirst()
            .orElseThrow();

    slack.press("U1", "D0ANA", done, "1700000000.000045", false);
    assertThat(allText(slack.fake.await("response_url", 1).get(0).bodyJson())).contains("1 of");

    JsonObject board =
        json(
            slack.post(
                SlackHarness.slashBody(
                    "U1", "D0ANA", "directmessage", "leaderboard", slack.responseUrl())));
    assertThat(allText(board)).contains("Ana").contains(SlackHarness.CHANNEL_NAME);
    assertThat(dsl.fetchExists(CHANNEL, CHANNEL.EXTERNAL_ID.eq("D0ANA")))
        .as("the direct conversation is no channel of the coach")
        .isFalse();
  }

  @Test
  void aButtonThatIsNotOursIsNotHandled() {
    slack.command("U1", "start");
    HttpResponse<String> response =
        slack.press("U1", SlackHarness.CHANNEL, "someone-else:1", "1.2", true);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(slack.fake.calls("response_url")).isEmpty();
  }
}
