package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Settings read from the environment: network and logs, Slack in one or many workspaces, the secret
 * key and the retention period.
 */
class ConfigTest {
  // issue 25: 32 times the same letter is now refused as weak; a random one instead
  private static final String KEY = "sPUDTaT2e0Mle1Ly6NWBnwRXo1LE8G36qXAXY6sSNEs=";

  private static Map<String, String> installs() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_CLIENT_ID", "1111.2222");
    env.put("SLACK_CLIENT_SECRET", "client-secret");
    env.put("SLACK_SIGNING_SECRET", "signing-secret");
    env.put("ROADMAP_SECRET_KEY", KEY);
    return env;
  }

  private static String problems(Map<String, String> env) {
    assertThatThrownBy(() -> Config.from(env)).isInstanceOf(Config.ConfigException.class);
    try {
      Config.from(env);
      return "";
    } catch (Config.ConfigException e) {
      return e.getMessage();
    }
  }

  @Test
  void slackInstallsNeedTheClientPairASigningSecretAndAKey() {
    Config config = Config.from(installs());

    assertThat(config.slackEnabled()).isTrue();
    assertThat(config.slackInstalls()).isTrue();
    assertThat(config.retentionDays()).isEqualTo(30);
    assertThat(config.toString())
        .contains("slack=installs in many workspaces")
        .doesNotContain("client-secret")
        .doesNotContain(KEY);
  }

  @Test
  void anInstallWithoutASecretKeyIsRefusedSayingHowToMakeOne() {
    Map<String, String> env = installs();
    env.remove("ROADMAP_SECRET_KEY");

    assertThat(problems(env)).contains("need ROADMAP_SECRET_KEY").contains("openssl rand");
  }

  @Test
  void aShortSecretKeyIsRefusedWithoutPrintingIt() {
    Map<String, String> env = installs();
    env.put("ROADMAP_SECRET_KEY", "short-key");

    assertThat(problems(env)).contains("at least 32 characters").doesNotContain("short-key");
  }

  @Test
  void aWeakSecretKeyIsRefusedSayingWhyWithoutPrintingIt() {
    Map<String, String> env = installs();
    for (var weak :
        Map.of(
                "a".repeat(32), "only 1 different characters",
                "correct-horse-".repeat(3), "different characters",
                "0123456789abcdef".repeat(3), "repeats the same 16 characters")
            .entrySet()) {
      env.put("ROADMAP_SECRET_KEY", weak.getKey());

      assertThat(problems(env)).contains(weak.getValue()).doesNotContain(weak.getKey());
    }
  }

  @Test
  void aPreviousKeyRotatesAwayEvenFromAWeakOneButNeedsACurrentOne() {
    Map<String, String> env = installs();
    env.put("ROADMAP_SECRET_KEY_PREVIOUS", "a".repeat(32));
    Config rotating = Config.from(env);
    assertThat(rotating.previousSecretKey()).contains("a".repeat(32));
    assertThat(rotating.toString()).doesNotContain("aaaa");

    env.put("ROADMAP_SECRET_KEY_PREVIOUS", KEY);
    assertThat(problems(env)).contains("ROADMAP_SECRET_KEY_PREVIOUS is the same");

    env.remove("ROADMAP_SECRET_KEY");
    env.remove("SLACK_CLIENT_ID");
    env.remove("SLACK_CLIENT_SECRET");
    env.remove("SLACK_SIGNING_SECRET");
    env.put("ROADMAP_SECRET_KEY_PREVIOUS", KEY);
    assertThat(problems(env))
        .contains("ROADMAP_SECRET_KEY_PREVIOUS is set without ROADMAP_SECRET_KEY")
        .doesNotContain(KEY);
  }

  @Test
  void halfTheClientPairOrBothSlackModesAtOnceAreRefused() {
    Map<String, String> half = installs();
    half.remove("SLACK_CLIENT_SECRET");
    assertThat(problems(half)).contains("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together");

    Map<String, String> both = installs();
    both.put("SLACK_BOT_TOKEN", "xoxb-1");
    assertThat(problems(both)).contains("not both");

    Map<String, String> socket = installs();
    socket.put("SLACK_APP_TOKEN", "xapp-1");
    assertThat(problems(socket)).contains("SLACK_APP_TOKEN (Socket Mode) serves one workspace");

    Map<String, String> unsigned = installs();
    unsigned.remove("SLACK_SIGNING_SECRET");
    assertThat(problems(unsigned)).contains("SLACK_SIGNING_SECRET is not");
  }

  @Test
  void theRetentionPeriodIsAWholeNumberOfDays() {
    Map<String, String> env = new HashMap<>(Map.of("ROADMAP_RETENTION_DAYS", "7"));
    assertThat(Config.from(env).retentionDays()).isEqualTo(7);
    assertThat(Config.from(Map.of("ROADMAP_RETENTION_DAYS", "0")).retentionDays()).isZero();

    assertThat(problems(Map.of("ROADMAP_RETENTION_DAYS", "a month")))
        .contains("ROADMAP_RETENTION_DAYS must be a whole number of days from 0 to 3650");
    assertThat(problems(Map.of("ROADMAP_RETENTION_DAYS", "-1"))).contains("ROADMAP_RETENTION_DAYS");
  }

  @Test
  void aSingleBotTokenKeepsWorkingWithoutAKey() {
    Config config =
        Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "signing-secret"));

    assertThat(config.slackEnabled()).isTrue();
    assertThat(config.slackInstalls()).isFalse();
    assertThat(config.secretKey()).isEmpty();
  }

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
  void withoutAManagementPortHealthAndMetricsListenOnThisMachineOnly() {
    Config unset = Config.from(Map.of("BIND_ADDRESS", "0.0.0.0", "PORT", "8080"));
    Config set = Config.from(Map.of("BIND_ADDRESS", "0.0.0.0", "MANAGEMENT_PORT", "9000"));

    assertThat(unset.managementListener())
        .isEqualTo(new Config.Listener(Optional.of("127.0.0.1"), Config.DEFAULT_MANAGEMENT_PORT));
    assertThat(unset.toString()).contains("management=127.0.0.1:9464");
    assertThat(set.managementListener())
        .isEqualTo(new Config.Listener(Optional.of("0.0.0.0"), 9000));
    assertThat(problems(Map.of("PORT", "9464"))).contains("PORT is 9464", "MANAGEMENT_PORT");
    assertThat(Config.from(Map.of("PORT", "9464", "MANAGEMENT_PORT", "9000")).port())
        .isEqualTo(9464);
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
        // issue 25: where the database is, without the URL's user or parameters
        .contains("database=jdbc:postgresql://db:5432/roadmap,")
        .doesNotContain("Hunter2", "user=rc", "Other-Secret", "xoxb-123", "signing");
    assertThat(config.dbUrl())
        .isEqualTo(Optional.of("jdbc:postgresql://db:5432/roadmap?user=rc&password=Hunter2"));
  }
}
