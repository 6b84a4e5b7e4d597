package io.roadmapcoach.slack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.util.JsonOps;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import org.junit.jupiter.api.Test;

/** A reply that must not be previewed asks Slack not to unfurl its links; others ask nothing. */
class LinkPreviewsTest {
  private static final Reply LINK =
      Reply.text(Text.of("Yours: ").link("open", "https://coach.example.org/dashboard/link/x"));

  @Test
  void aCommandsAnswerWithoutPreviewsAsksSlackNotToUnfurl() {
    String json = JsonOps.toJsonString(SlashCommands.response(LINK.withoutLinkPreviews()));

    assertThat(json).contains("\"unfurl_links\":false", "\"unfurl_media\":false");
    assertThat(json).contains("https://coach.example.org/dashboard/link/x");
  }

  @Test
  void otherAnswersLeaveUnfurlingToSlack() {
    String json = JsonOps.toJsonString(SlashCommands.response(LINK));

    assertThat(json).doesNotContain("unfurl");
  }
}
