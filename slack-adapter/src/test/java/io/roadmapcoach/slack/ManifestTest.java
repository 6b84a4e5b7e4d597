package io.roadmapcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.roadmapcoach.slack.delivery.SlackDelivery;
import io.roadmapcoach.slack.install.OAuthInstall;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The manifest a workspace admin installs matches what the adapter serves, and asks no more. */
class ManifestTest {

  private static JsonNode manifest() throws IOException {
    return new ObjectMapper(new YAMLFactory())
        .readTree(Path.of("slack-app-manifest.yaml").toFile());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void theSlashCommandIsRoadmapWithMentionsEscaped() throws IOException {
    JsonNode command = manifest().at("/features/slash_commands/0");

    assertThat(command.get("command").asText()).isEqualTo(SlackAdapter.COMMAND);
    assertThat(command.get("should_escape").asBoolean()).isTrue();
    assertThat(command.get("url").asText()).endsWith(SlackHttpBridge.PATH);
  }

  @Test
  void everythingArrivesAtTheOneEventsUrl() throws IOException {
    JsonNode settings = manifest().get("settings");

    assertThat(settings.at("/interactivity/is_enabled").asBoolean()).isTrue();
    assertThat(settings.at("/interactivity/request_url").asText()).endsWith(SlackHttpBridge.PATH);
    assertThat(settings.at("/event_subscriptions/request_url").asText())
        .endsWith(SlackHttpBridge.PATH);
    assertThat(strings(settings.at("/event_subscriptions/bot_events")))
        .containsExactlyInAnyOrder(
            "app_home_opened",
            "app_uninstalled",
            "tokens_revoked",
            "user_change",
            "member_joined_channel");
    assertThat(manifest().at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
  }

  @Test
  void theBotAsksForTheScopesItUsesAndNoMore() throws IOException {
    assertThat(strings(manifest().at("/oauth_config/scopes/bot")))
        .containsExactlyInAnyOrder(
            "commands",
            "chat:write",
            "im:write",
            "users:read",
            "files:write",
            "files:read",
            "channels:read",
            "groups:read",
            "im:history",
            "channels:history",
            "groups:history");
    assertThat(manifest().at("/oauth_config/scopes/user").isMissingNode()).isTrue();
  }

  @Test
  void theManifestsScopesTurnOnTheLookUpOfDeliveriesInDoubt() throws IOException {
    Set<String> granted =
        new java.util.HashSet<>(strings(manifest().at("/oauth_config/scopes/bot")));

    assertThat(SlackDelivery.DEFAULT.checks(false, granted)).as("direct messages").isTrue();
    assertThat(SlackDelivery.DEFAULT.checks(true, granted)).as("channel posts").isTrue();
    granted.removeAll(Set.of("im:history", "channels:history", "groups:history"));
    assertThat(SlackDelivery.DEFAULT.checks(false, granted)).isFalse();
  }

  @Test
  void theInstallPageAsksForTheManifestsScopesAndComesBackToTheRedirectPath() throws IOException {
    assertThat(SlackAdapter.BOT_SCOPES)
        .containsExactlyInAnyOrderElementsOf(strings(manifest().at("/oauth_config/scopes/bot")));
    assertThat(strings(manifest().at("/oauth_config/redirect_urls")))
        .singleElement()
        .asString()
        .endsWith(OAuthInstall.REDIRECT_PATH);
  }
}
