package io.roadmapcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

  @Test
  void slackIsOffWithoutABotToken() {
    assertThat(SlackSettings.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s"))).isEmpty();
  }

  @Test
  void settingsComeFromTheEnvironment() {
    SlackSettings settings =
        SlackSettings.fromEnvironment(
                Map.of(
                    "SLACK_BOT_TOKEN", "xoxb-1",
                    "SLACK_SIGNING_SECRET", "secret",
                    "SLACK_API_URL", "http://127.0.0.1:9999/api"))
            .orElseThrow();

    assertThat(settings.apiUrl()).isEqualTo("http://127.0.0.1:9999/api/");
    assertThat(settings.socketMode()).isFalse();
    assertThat(
            SlackSettings.fromEnvironment(
                Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1")))
        .get()
        .satisfies(s -> assertThat(s.socketMode()).isTrue())
        .satisfies(s -> assertThat(s.apiUrl()).isEqualTo("https://slack.com/api/"));
  }

  @Test
  void httpModeNeedsTheSigningSecret() {
    assertThatThrownBy(() -> new SlackSettings("xoxb-1", "", Optional.empty(), null))
        .hasMessageContaining("SLACK_SIGNING_SECRET");
  }

  @Test
  void secretsNeverShowInToString() {
    SlackSettings settings =
        new SlackSettings("xoxb-TOPSECRET", "SIGNSECRET", Optional.of("xapp-APPSECRET"), null);

    assertThat(settings.toString())
        .doesNotContain("TOPSECRET")
        .doesNotContain("SIGNSECRET")
        .doesNotContain("APPSECRET")
        .contains("https://slack.com/api/");
  }
}
