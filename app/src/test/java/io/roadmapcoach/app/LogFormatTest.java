package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roadmapcoach.app.logging.KnownSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The production logging configuration, loaded on its own: both formats, secrets masked, the
 * environment's own secrets whole wherever a message or a stack trace carries them, spaces and
 * separators included.
 */
class LogFormatTest {
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

  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final LoggerContext context = new LoggerContext();

  @AfterEach
  void stop() {
    context.stop();
    System.clearProperty("roadmap.log.file");
  }

  private Path configure(String resource) throws Exception {
    Path file = dir.resolve("roadmap-coach.log");
    System.setProperty("roadmap.log.file", file.toString());
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    context.start();
    KnownSecrets.tell(context, KnownSecrets.in(ENV));
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getResource(resource));
    List<Status> errors =
        context.getStatusManager().getCopyOfStatusList().stream()
            .filter(status -> status.getLevel() >= Status.WARN)
            .toList();
    assertThat(errors).as("logback configuration problems").isEmpty();
    return file;
  }

  @Test
  void plainLinesCarryNoPasswordTokenOrSecret() throws Exception {
    Path file = configure("/logback.xml");
    Logger log = context.getLogger("io.roadmapcoach.Test");

    log.info("Opening PostgreSQL at {}", "jdbc:postgresql://db/r?user=rc&password=Hunter2");
    log.warn(
        "Failed",
        new IllegalStateException("refused SLACK_BOT_TOKEN=xoxb-123-456 at https://rc:pw@h/"));
    context.stop();

    String written = Files.readString(file);
    assertThat(written)
        .contains("INFO  [", "Opening PostgreSQL at jdbc:postgresql://db/r?user=rc&password=***")
        .contains("IllegalStateException: refused SLACK_BOT_TOKEN=*** at https://rc:***@h/")
        .doesNotContain("Hunter2", "xoxb-123-456", ":pw@");
  }

  @Test
  void jsonLinesAreOneObjectEachWithTheSecretsMasked() throws Exception {
    Path file = configure("/logback-json.xml");
    Logger log = context.getLogger("io.roadmapcoach.Test");

    log.info("Opening PostgreSQL at {}", "jdbc:postgresql://db/r?user=rc&password=Hunter2");
    log.warn("Failed", new IllegalStateException("refused client_secret: abc123"));
    context.stop();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.path("level").asText()).isEqualTo("INFO");
    assertThat(first.path("logger_name").asText()).isEqualTo("io.roadmapcoach.Test");
    assertThat(first.path("message").asText())
        .isEqualTo("Opening PostgreSQL at jdbc:postgresql://db/r?user=rc&password=***");
    JsonNode second = JSON.readTree(lines.get(1));
    assertThat(second.path("stack_trace").asText())
        .contains("IllegalStateException: refused client_secret: ***");
    assertThat(String.join("\n", lines)).doesNotContain("Hunter2", "abc123");
  }

  private String logTheEnvironmentsSecrets(String configuration) throws Exception {
    Path file = configure(configuration);
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
    String written = logTheEnvironmentsSecrets("/logback.xml");

    assertThat(written).contains("failed with ***", "refused *** and ***", "\tat ");
    assertThat(written).doesNotContain("Kq9w", "Secret,", "Tail9", "Vx%q2", "Url Only", "MTA.");
  }

  @Test
  void jsonLinesMaskTheEnvironmentsSecretsWhole() throws Exception {
    String written = logTheEnvironmentsSecrets("/logback-json.xml");

    assertThat(written).contains("failed with ***", "refused *** and ***");
    assertThat(written).doesNotContain("Kq9w", "Secret,", "Tail9", "Vx%q2", "Url Only", "MTA.");
  }

  @Test
  void onlySecretVariablesAreKnownNotEverySetting() {
    assertThat(KnownSecrets.in(ENV).apply("PORT 3000, user rc, db/r"))
        .isEqualTo("PORT 3000, user rc, db/r");
  }
}
