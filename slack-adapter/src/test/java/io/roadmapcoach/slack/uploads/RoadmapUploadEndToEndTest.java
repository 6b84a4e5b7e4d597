package io.roadmapcoach.slack.uploads;

import static io.roadmapcoach.db.schema.Tables.ROADMAP;
import static io.roadmapcoach.db.schema.Tables.ROADMAP_PREVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.curriculum.TestRoadmaps;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /roadmap roadmap upload} on Slack, end to end with signed requests: the form it opens, the
 * file read back from Slack, the core's answer shown to the uploader alone, and what is refused.
 */
@ExtendWith(PostgresExtension.class)
class RoadmapUploadEndToEndTest {
  private static final String LEAD = "UADMIN";
  private static final String MEMBER = "U1";
  private static final String UPLOAD = "roadmap upload";

  private SlackHarness slack;
  private DSLContext dsl;

  @BeforeEach
  void start(DSLContext dsl) {
    this.dsl = dsl;
    slack = new SlackHarness(dsl);
    slack.fake.user(MEMBER, "Ana", "Europe/Berlin", false);
    slack.fake.user(LEAD, "Alice", "Europe/Berlin", true);
    slack.command(LEAD, "start");
    slack.command(MEMBER, "start");
  }

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void theCommandOpensAFormWithOneYamlFileInput() {
    HttpResponse<String> ack = slack.command(LEAD, UPLOAD);

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).doesNotContain("goes with this command");
    JsonObject view = slack.fake.openedViews().getFirst();
    assertThat(view.get("type").getAsString()).isEqualTo("modal");
    assertThat(view.get("callback_id").getAsString()).isEqualTo(UploadModal.CALLBACK_ID);
    assertThat(view.get("private_metadata").getAsString()).isNotBlank();
    JsonObject input = inputOf(view);
    assertThat(input.get("type").getAsString()).isEqualTo("file_input");
    assertThat(input.get("max_files").getAsInt()).isEqualTo(1);
    assertThat(input.getAsJsonArray("filetypes").toString()).contains("yaml", "yml", "txt");
    assertThat(FakeSlack.texts(view)).anyMatch(t -> t.contains("Nothing changes until"));
    assertThat(slack.fake.refusedBlocks()).isEmpty();
    assertThat(slack.fake.calls("files.info")).isEmpty();
  }

  @Test
  void aValidFileGivesThePreviewAndOnlyItsUploaderCanApplyIt() {
    String file = slack.fake.file("web.yaml", bytes(TestRoadmaps.webV1()));
    slack.command(LEAD, UPLOAD);

    HttpResponse<String> closed = slack.submit(LEAD, file);

    assertThat(closed.statusCode()).isEqualTo(200);
    assertThat(closed.body()).doesNotContain("errors");
    FakeSlack.Call shown = slack.fake.await("chat.postEphemeral", 1).getFirst();
    assertThat(shown.params()).containsEntry("channel", SlackHarness.CHANNEL);
    assertThat(shown.params()).containsEntry("user", LEAD);
    String preview = String.join(" ", FakeSlack.texts(shown.jsonArray("blocks")));
    assertThat(preview).contains("Web development").contains("Apply");
    assertThat(slack.fake.calls("file_download").getFirst().authorization())
        .isEqualTo("Bearer " + SlackHarness.TOKEN);
    assertThat(shown.body()).doesNotContain(SlackHarness.TOKEN);
    assertThat(dsl.fetchCount(ROADMAP, ROADMAP.KEY.eq("web-dev"))).isZero();
    String apply = applyButton(shown.jsonArray("blocks"));

    slack.press(MEMBER, SlackHarness.CHANNEL, apply, "1700000000.000100", true);
    String refused = lastResponse(1);
    assertThat(refused).contains("Only the member who uploaded that file can apply it");
    assertThat(dsl.fetchCount(ROADMAP, ROADMAP.KEY.eq("web-dev"))).isZero();

    slack.press(LEAD, SlackHarness.CHANNEL, apply, "1700000000.000100", true);
    lastResponse(2);
    assertThat(dsl.fetchCount(ROADMAP, ROADMAP.KEY.eq("web-dev"))).isOne();
  }

  @Test
  void aBrokenFileIsAnsweredWithItsProblemsByLineAndField() {
    String broken = TestRoadmaps.webV1().replaceFirst("      - id: css-layout\n", "      - \n");
    String file = slack.fake.file("broken.yaml", bytes(broken));
    slack.command(LEAD, UPLOAD);

    slack.submit(LEAD, file);

    String answer = shownToTheUploader();
    assertThat(answer)
        .contains("I can't use broken.yaml")
        .contains("line 16, stages[1] (\"The basics\").objectives[2].id: objective `id` missing");
    assertThat(dsl.fetchCount(ROADMAP_PREVIEW)).isZero();
  }

  @Test
  void aFileOverTheLimitIsRefusedBySizeWithoutBeingDownloaded() {
    byte[] large = new byte[Upload.MAX_READ + 100];
    Arrays.fill(large, (byte) '#');
    String file = slack.fake.file("huge.yaml", large);
    slack.command(LEAD, UPLOAD);

    slack.submit(LEAD, file);

    assertThat(shownToTheUploader()).contains("huge.yaml").contains("larger than 512 KB");
    assertThat(slack.fake.calls("files.info")).hasSize(1);
    assertThat(slack.fake.calls("file_download")).isEmpty();
    assertThat(dsl.fetchCount(ROADMAP_PREVIEW)).isZero();
  }

  @Test
  void anInstallWithoutFilesReadIsAskedToReinstall() {
    String file = slack.fake.file("web.yaml", bytes(TestRoadmaps.webV1()));
    slack.command(LEAD, UPLOAD);
    slack.fake.scopes(FakeSlack.BASE_SCOPES.replace(",files:read", ""));

    slack.submit(LEAD, file);

    assertThat(shownToTheUploader()).contains("reinstall").contains("files:read");
    assertThat(slack.fake.calls("file_download")).isEmpty();
    assertThat(dsl.fetchCount(ROADMAP_PREVIEW)).isZero();
  }

  @Test
  void aSubmissionWithABadSignatureIsRefused() {
    String file = slack.fake.file("web.yaml", bytes(TestRoadmaps.webV1()));
    slack.command(LEAD, UPLOAD);
    String body =
        SlackHarness.viewSubmissionBody(
            FakeSlack.TEAM, LEAD, slack.fake.openedViews().getFirst(), List.of(file));
    Map<String, String> headers = new LinkedHashMap<>(SlackHarness.signed(body + "x", now()));
    headers.put("Content-Type", "application/x-www-form-urlencoded");

    HttpResponse<String> answer = slack.send(body, headers);

    assertThat(answer.statusCode()).isEqualTo(401);
    assertNothingWasRead();
  }

  @Test
  void aFormAlteredToNameAnotherChannelIsRefused() {
    String file = slack.fake.file("web.yaml", bytes(TestRoadmaps.webV1()));
    slack.command(LEAD, UPLOAD);
    JsonObject view = slack.fake.openedViews().getFirst();
    String metadata = view.get("private_metadata").getAsString();
    String[] fields = metadata.split("\\.");
    fields[2] = b64("C0OTHER");
    view.addProperty("private_metadata", String.join(".", fields));

    HttpResponse<String> answer =
        slack.post(SlackHarness.viewSubmissionBody(FakeSlack.TEAM, LEAD, view, List.of(file)));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("errors");
    assertNothingWasRead();
  }

  @Test
  void aFormSubmittedFromAnotherWorkspaceOrByAnotherMemberIsRefused() {
    String file = slack.fake.file("web.yaml", bytes(TestRoadmaps.webV1()));
    slack.command(LEAD, UPLOAD);
    JsonObject view = slack.fake.openedViews().getFirst();

    HttpResponse<String> elsewhere =
        slack.post(SlackHarness.viewSubmissionBody("T0OTHER", LEAD, view, List.of(file)));
    HttpResponse<String> someoneElse =
        slack.post(SlackHarness.viewSubmissionBody(FakeSlack.TEAM, MEMBER, view, List.of(file)));

    assertThat(elsewhere.body()).contains("errors");
    assertThat(someoneElse.body()).contains("errors");
    assertNothingWasRead();
  }

  @Test
  void aTriggerUsedBeforeOrTooLateOpensNoFormAndSaysSo() {
    slack.fake.clock(slack.clock);
    String late = slack.fake.trigger();
    slack.clock.advance(Duration.ofSeconds(4));

    HttpResponse<String> tooLate = slack.post(body(late));
    String used = slack.fake.trigger();
    slack.post(body(used));
    HttpResponse<String> again = slack.post(body(used));

    assertThat(tooLate.body()).contains("did not let me open the upload form");
    assertThat(again.body()).contains("did not let me open the upload form");
    assertThat(slack.fake.calls("views.open")).hasSize(3);
    assertThat(slack.fake.openedViews()).hasSize(3);
    assertThat(dsl.fetchCount(ROADMAP_PREVIEW)).isZero();
  }

  @Test
  void anUploadFromADirectMessageIsAnsweredThere() {
    String file = slack.fake.file("web.yaml", bytes(TestRoadmaps.webV1()));
    slack.command(LEAD, "D0LEAD", "directmessage", UPLOAD);

    slack.submit(LEAD, file);

    FakeSlack.Call shown = slack.fake.await("chat.postMessage", 1).getLast();
    assertThat(String.join(" ", FakeSlack.texts(shown.jsonArray("blocks"))))
        .contains("Web development")
        .contains("Apply");
    assertThat(slack.fake.calls("chat.postEphemeral")).isEmpty();
  }

  private String body(String trigger) {
    return SlackHarness.slashBody(
        FakeSlack.TEAM,
        LEAD,
        SlackHarness.CHANNEL,
        SlackHarness.CHANNEL_NAME,
        UPLOAD,
        slack.responseUrl(),
        trigger);
  }

  /** The words of the first answer shown to the uploader alone, in the channel. */
  private String shownToTheUploader() {
    FakeSlack.Call shown = slack.fake.await("chat.postEphemeral", 1).getFirst();
    return String.join(" ", FakeSlack.texts(shown.jsonArray("blocks")));
  }

  private void assertNothingWasRead() {
    assertThat(slack.fake.calls("files.info")).isEmpty();
    assertThat(slack.fake.calls("file_download")).isEmpty();
    assertThat(slack.fake.calls("chat.postEphemeral")).isEmpty();
    assertThat(dsl.fetchCount(ROADMAP_PREVIEW)).isZero();
  }

  private String lastResponse(int count) {
    return slack.fake.await("response_url", count).get(count - 1).body();
  }

  private static JsonObject inputOf(JsonObject view) {
    for (JsonElement block : view.getAsJsonArray("blocks")) {
      if (block.getAsJsonObject().get("type").getAsString().equals("input")) {
        return block.getAsJsonObject().getAsJsonObject("element");
      }
    }
    throw new AssertionError("no input block in " + view);
  }

  private static String applyButton(JsonArray blocks) {
    for (JsonElement block : blocks) {
      JsonObject b = block.getAsJsonObject();
      if (!b.get("type").getAsString().equals("actions")) {
        continue;
      }
      for (JsonElement e : b.getAsJsonArray("elements")) {
        JsonObject button = e.getAsJsonObject();
        if (button.getAsJsonObject("text").get("text").getAsString().contains("Apply")) {
          return button.get("action_id").getAsString();
        }
      }
    }
    throw new AssertionError("no Apply button in " + JsonParser.parseString(blocks.toString()));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String b64(String text) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static long now() {
    return SlackHarness.now();
  }
}
