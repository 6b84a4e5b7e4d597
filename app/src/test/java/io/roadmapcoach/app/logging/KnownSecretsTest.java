package io.roadmapcoach.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The secrets of the environment, masked whole in both log formats wherever a message or a stack
 * trace carries them, spaces and separators included.
 */
class KnownSecretsTest {
  private static final String PASSWORD = "Kq9w;Db Secret,Tail9&Vx%q2";
  private static final Map<String, String> ENV =
      Map.of(
          "ROADMAP_DB_URL",
          "jdbc:postgresql://db/r?user=rc&password=Url%20Only%3BPw",
          "ROADMAP_DB_PASSWORD",
          PASSWORD,
          "DISCORD_BOT_TOKEN",
          "MTA.discord token.with spaces",
          "PORT",
          "3000");

  @TempDir Path dir;
  private final LoggerContext context = new LoggerContext();

  @AfterEach
  void stop() {
    context.stop();
    System.clearProperty("roadmap.log.file");
  }

  private String logWith(String configuration) throws Exception {
    Path file = dir.resolve("roadmap-coach.log");
    System.setProperty("roadmap.log.file", file.toString());
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    context.start();
    KnownSecrets.tell(context, KnownSecrets.in(ENV));
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getResource(configuration));
    Logger log = context.getLogger("io.roadmapcoach.Test");
    log.warn("FATAL: password authentication failed with {}", PASSWORD);
    log.error(
        "Start-up failed",
        new IllegalStateException("refused Url Only;Pw and MTA.discord token.with spaces"));
    context.stop();
    return Files.readString(file);
  }

  @Test
  void plainLinesMaskTheEnvironmentsSecretsWhole() throws Exception {
    String written = logWith("/logback.xml");

    assertThat(written).contains("failed with ***", "refused *** and ***", "\tat ");
    assertThat(written).doesNotContain("Kq9w", "Secret,", "Tail9", "Vx%q2", "Url Only", "MTA.");
  }

  @Test
  void jsonLinesMaskTheEnvironmentsSecretsWhole() throws Exception {
    String written = logWith("/logback-json.xml");

    assertThat(written).contains("failed with ***", "refused *** and ***");
    assertThat(written).doesNotContain("Kq9w", "Secret,", "Tail9", "Vx%q2", "Url Only", "MTA.");
  }

  @Test
  void onlySecretVariablesAreKnownNotEverySetting() {
    assertThat(KnownSecrets.in(ENV).apply("PORT 3000, user rc, db/r"))
        .isEqualTo("PORT 3000, user rc, db/r");
  }
}
