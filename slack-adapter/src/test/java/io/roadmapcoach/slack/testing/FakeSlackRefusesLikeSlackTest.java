package io.roadmapcoach.slack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.roadmapcoach.core.testing.TestClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fake refuses what Slack refuses around forms and files, so that the adapter's tests cannot
 * pass on something real Slack would turn down.
 */
class FakeSlackRefusesLikeSlackTest {
  private static final String TOKEN = "xoxb-known";

  private final TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
  private final FakeSlack fake = new FakeSlack().clock(clock).knownToken(TOKEN);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void aTriggerOpensOneViewWithinThreeSeconds() {
    String trigger = fake.trigger();
    assertThat(open(trigger, modal(v -> {}))).isEqualTo("ok");
    assertThat(open(trigger, modal(v -> {}))).isEqualTo("exchanged_trigger_id");
    assertThat(open("123.456.never-handed-out", modal(v -> {}))).isEqualTo("invalid_trigger_id");

    String late = fake.trigger();
    clock.advance(Duration.ofMillis(3001));
    assertThat(open(late, modal(v -> {}))).isEqualTo("expired_trigger_id");
  }

  @Test
  void aModalPastItsLimitsIsRefused() {
    assertThat(open(fake.trigger(), modal(v -> title(v, "x".repeat(25)))))
        .isEqualTo("invalid_arguments");
    assertThat(open(fake.trigger(), modal(v -> v.addProperty("callback_id", "c".repeat(256)))))
        .isEqualTo("invalid_arguments");
    assertThat(
            open(fake.trigger(), modal(v -> v.addProperty("private_metadata", "m".repeat(3001)))))
        .isEqualTo("invalid_arguments");
    assertThat(open(fake.trigger(), modal(v -> v.add("blocks", sections(101)))))
        .isEqualTo("invalid_arguments");
    assertThat(open(fake.trigger(), modal(v -> title(v, "x".repeat(24))))).isEqualTo("ok");
  }

  @Test
  void aFileInputNeedsAModalAndSaneFileTypesAndCount() {
    assertThat(open(fake.trigger(), modal(v -> fileInput(v).addProperty("max_files", 11))))
        .isEqualTo("invalid_arguments");
    assertThat(open(fake.trigger(), modal(v -> fileInput(v).add("filetypes", new JsonArray()))))
        .isEqualTo("invalid_arguments");
    JsonObject home = modal(v -> {});
    home.addProperty("type", "home");
    home.remove("title");
    assertThat(error(call("views.publish", Map.of("user_id", "U1", "view", home.toString()))))
        .isEqualTo("invalid_arguments");
    assertThat(fake.refusedBlocks()).anyMatch(r -> r.contains("input blocks only in modals"));
  }

  @Test
  void filesAreReadWithTheirScopeAndTheBotToken() {
    String id = fake.file("roadmap.yaml", "id: x\n".getBytes(StandardCharsets.UTF_8));
    assertThat(error(call("files.info", Map.of("file", "F999")))).isEqualTo("file_not_found");
    JsonObject info =
        JsonParser.parseString(call("files.info", Map.of("file", id)).body()).getAsJsonObject();
    String url = info.getAsJsonObject("file").get("url_private_download").getAsString();

    assertThat(download(url, "Bearer " + TOKEN).body()).isEqualTo("id: x\n");
    HttpResponse<String> stranger = download(url, "Bearer xoxb-someone-else");
    assertThat(stranger.statusCode()).isEqualTo(200);
    assertThat(stranger.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(stranger.body()).contains("Sign in").doesNotContain("id: x");

    fake.scopes(FakeSlack.UNCHECKED_SCOPES);
    assertThat(error(call("files.info", Map.of("file", id)))).isEqualTo("missing_scope");
  }

  // ---- views and requests

  private static JsonObject modal(Consumer<JsonObject> change) {
    JsonObject view = new JsonObject();
    view.addProperty("type", "modal");
    view.addProperty("callback_id", "rc:upload");
    title(view, "Upload a roadmap");
    JsonArray blocks = sections(1);
    JsonObject input = new JsonObject();
    input.addProperty("type", "input");
    input.addProperty("block_id", "file");
    input.add("label", plain("Roadmap file"));
    JsonObject element = new JsonObject();
    element.addProperty("type", "file_input");
    element.addProperty("action_id", "file");
    JsonArray types = new JsonArray();
    types.add("yaml");
    element.add("filetypes", types);
    element.addProperty("max_files", 1);
    input.add("element", element);
    blocks.add(input);
    view.add("blocks", blocks);
    change.accept(view);
    return view;
  }

  private static void title(JsonObject view, String text) {
    view.add("title", plain(text));
  }

  private static JsonObject fileInput(JsonObject view) {
    JsonArray blocks = view.getAsJsonArray("blocks");
    return blocks.get(blocks.size() - 1).getAsJsonObject().getAsJsonObject("element");
  }

  private static JsonArray sections(int count) {
    JsonArray blocks = new JsonArray();
    for (int i = 0; i < count; i++) {
      JsonObject section = new JsonObject();
      section.addProperty("type", "section");
      JsonObject text = new JsonObject();
      text.addProperty("type", "mrkdwn");
      text.addProperty("text", "Line " + i);
      section.add("text", text);
      blocks.add(section);
    }
    return blocks;
  }

  private static JsonObject plain(String text) {
    JsonObject object = new JsonObject();
    object.addProperty("type", "plain_text");
    object.addProperty("text", text);
    return object;
  }

  private String open(String trigger, JsonObject view) {
    return error(call("views.open", Map.of("trigger_id", trigger, "view", view.toString())));
  }

  private static String error(HttpResponse<String> response) {
    JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
    return body.get("ok").getAsBoolean() ? "ok" : body.get("error").getAsString();
  }

  private HttpResponse<String> call(String method, Map<String, String> params) {
    return send(
        HttpRequest.newBuilder(URI.create(fake.apiUrl() + method))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(SlackHarness.form(params)))
            .build());
  }

  private HttpResponse<String> download(String url, String authorization) {
    return send(
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
