package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void theNetworkAndLogSettingsHaveTheirDefaults() {
    Config config = Config.from(Map.of());

    assertThat(config.bindAddress()).isEmpty();
    assertThat(config.managementPort()).isEmpty();
    assertThat(config.healthPort()).isEqualTo(3000);
    assertThat(config.logFormat()).isEqualTo(Config.LogFormat.PLAIN);
  }

  @Test
  void theNetworkAndLogSettingsAreRead() {
    Config config =
        Config.from(
            Map.of(
                "BIND_ADDRESS", "127.0.0.1",
                "PORT", "8080",
                "MANAGEMENT_PORT", "9000",
                "LOG_FORMAT", "JSON"));

    assertThat(config.bindAddress()).contains("127.0.0.1");
    assertThat(config.managementPort()).contains(9000);
    assertThat(config.healthPort()).isEqualTo(9000);
    assertThat(config.logFormat()).isEqualTo(Config.LogFormat.JSON);
    assertThat(Config.from(Map.of("PORT", "8080", "MANAGEMENT_PORT", "8080")).managementPort())
        .as("the same port is no port of its own")
        .isEmpty();
  }

  @Test
  void everyBadSettingIsNamedAtOnce() {
    assertThatThrownBy(
            () ->
                Config.from(
                    Map.of(
                        "BIND_ADDRESS", "my host",
                        "MANAGEMENT_PORT", "70000",
                        "LOG_FORMAT", "xml",
                        "SLACK_BOT_TOKEN", "xoxb-1")))
        .isInstanceOfSatisfying(
            Config.ConfigException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anyMatch(p -> p.startsWith("BIND_ADDRESS must be an address"))
                    .anyMatch(p -> p.startsWith("MANAGEMENT_PORT must be a number from 1 to 65535"))
                    .anyMatch(p -> p.equals("LOG_FORMAT must be json or plain, not xml"))
                    .anyMatch(
                        p -> p.startsWith("SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET")));
  }

  @Test
  void aPasswordInTheDatabaseUrlNeverShowsWhenTheSettingsArePrinted() {
    Config config =
        Config.from(
            Map.of(
                "ROADMAP_DB_URL",
                "jdbc:postgresql://db:5432/roadmap?user=rc&password=Hunter2",
                "ROADMAP_DB_PASSWORD",
                "Other-Secret",
                "SLACK_BOT_TOKEN",
                "xoxb-123",
                "SLACK_SIGNING_SECRET",
                "signing"));

    assertThat(config.toString())
        .contains("database=jdbc:postgresql://db:5432/roadmap?user=rc&password=***")
        .doesNotContain("Hunter2", "Other-Secret", "xoxb-123", "signing");
    assertThat(config.dbUrl())
        .isEqualTo(Optional.of("jdbc:postgresql://db:5432/roadmap?user=rc&password=Hunter2"));
  }
}
