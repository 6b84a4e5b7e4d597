package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {

  @Test
  void withoutATokenDiscordIsOff() {
    assertThat(DiscordSettings.fromEnvironment(Map.of())).isEmpty();
    assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", " "))).isEmpty();
  }

  @Test
  void everyVariableIsRead() {
    DiscordSettings settings =
        DiscordSettings.fromEnvironment(
                Map.of(
                    "DISCORD_BOT_TOKEN", "secret-token",
                    "DISCORD_API_URL", "http://127.0.0.1:8080",
                    "DISCORD_GATEWAY_URL", "ws://127.0.0.1:8080/",
                    "DISCORD_SHARDS", "4",
                    "DISCORD_SHARD_IDS", "0-1, 3",
                    "DISCORD_GLOBAL_COMMANDS", "true"))
            .orElseThrow();

    assertThat(settings.token()).isEqualTo("secret-token");
    assertThat(settings.restBaseUrl()).contains("http://127.0.0.1:8080/api/v10/");
    assertThat(settings.gatewayUrl()).contains("ws://127.0.0.1:8080/");
    assertThat(settings.sharded()).isTrue();
    assertThat(settings.shards()).containsExactly(0, 1, 3);
    assertThat(settings.globalCommands()).isTrue();
  }

  @Test
  void aRestBaseThatNamesItsVersionIsKept() {
    DiscordSettings settings =
        new DiscordSettings(
            "t",
            Optional.of("http://proxy:9000/api/v10/"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(settings.restBaseUrl()).contains("http://proxy:9000/api/v10/");
  }

  @Test
  void aTotalWithoutIdsRunsEveryShard() {
    DiscordSettings settings =
        new DiscordSettings(
            "t", Optional.empty(), Optional.empty(), Optional.of(3), Optional.empty());
    assertThat(settings.shards()).containsExactly(0, 1, 2);
    assertThat(DiscordSettings.of("t").sharded()).isFalse();
    assertThat(DiscordSettings.of("t").shards()).isEmpty();
  }

  @Test
  void badShardSettingsNameTheVariable() {
    assertThatThrownBy(() -> env("DISCORD_SHARDS", "many")).hasMessageContaining("DISCORD_SHARDS");
    assertThatThrownBy(() -> env("DISCORD_SHARDS", "0")).hasMessageContaining("DISCORD_SHARDS");
    assertThatThrownBy(() -> env("DISCORD_SHARD_IDS", "0"))
        .hasMessageContaining("DISCORD_SHARD_IDS needs DISCORD_SHARDS");
    assertThatThrownBy(() -> env("DISCORD_SHARDS", "2", "DISCORD_SHARD_IDS", "2"))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> env("DISCORD_SHARDS", "4", "DISCORD_SHARD_IDS", "3-1"))
        .hasMessageContaining("DISCORD_SHARD_IDS");
    assertThatThrownBy(() -> env("DISCORD_SHARDS", "4", "DISCORD_SHARD_IDS", "a,b"))
        .hasMessageContaining("like 0,1 or 0-3");
  }

  @Test
  void urlsMustBeOfTheRightKind() {
    assertThatThrownBy(() -> env("DISCORD_API_URL", "ws://x/"))
        .hasMessageContaining("DISCORD_API_URL");
    assertThatThrownBy(() -> env("DISCORD_GATEWAY_URL", "http://x/"))
        .hasMessageContaining("DISCORD_GATEWAY_URL");
  }

  @Test
  void theTokenIsNeverPrinted() {
    DiscordSettings settings = env("DISCORD_SHARDS", "2");
    assertThat(settings.toString()).doesNotContain("secret-token").contains("hidden");
  }

  private static DiscordSettings env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("DISCORD_BOT_TOKEN", "secret-token");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return DiscordSettings.fromEnvironment(env).orElseThrow();
  }
}
