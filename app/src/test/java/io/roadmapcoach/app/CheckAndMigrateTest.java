package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.db.testing.ClusterTemplates;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} lists every problem of a configuration; {@code migrate} brings a schema up. */
class CheckAndMigrateTest {
  @TempDir Path dataDir;
  private FakePlatforms platforms;

  @BeforeEach
  void fakes() throws Exception {
    platforms = new FakePlatforms();
  }

  @AfterEach
  void stopFakes() {
    platforms.close();
  }

  private CommandRun run(Map<String, String> settings, String command) {
    Map<String, String> env = new HashMap<>(settings);
    env.putIfAbsent("ROADMAP_DATA_DIR", dataDir.toString());
    return CommandRun.of(env, command);
  }

  @Test
  void aGoodConfigurationChecksOutPartByPartAndExitsZero() {
    CommandRun check =
        run(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-good",
                "SLACK_SIGNING_SECRET", "secret",
                "SLACK_API_URL", platforms.slackUrl(),
                "DISCORD_BOT_TOKEN", "good-discord-token",
                "DISCORD_API_URL", platforms.discordUrl()),
            "check");

    assertThat(check.code()).as(check.out()).isZero();
    assertThat(check.out())
        .contains("ok       settings:")
        .contains("ok       roadmap: Machine Learning Engineer", "15 stages")
        .contains("ok       database: embedded PostgreSQL, its files in " + dataDir)
        .contains("ok       slack: auth.test accepts SLACK_BOT_TOKEN (workspace Test Team")
        .contains("ok       discord: Discord accepts DISCORD_BOT_TOKEN (bot Roadmap Coach)")
        .endsWith("Everything checks out.\n")
        .doesNotContain("xoxb-good", "good-discord-token");
    // issue 23: the settings as plain lines, not a Java record's toString
    assertThat(check.out())
        .doesNotContain("Config[", "database=")
        .contains("ok       settings: database embedded, its files in " + dataDir + "\n")
        .contains("\n           Slack over HTTP, Discord on\n");
    assertThat(platforms.asked)
        .containsExactlyInAnyOrder("POST /slack/api/auth.test", "GET /discord/api/v10/users/@me");
  }

  @Test
  void aBadConfigurationHasEveryProblemListedAndExitsNonZero() throws Exception {
    Path roadmap = dataDir.resolve("roadmap.yaml");
    Files.writeString(roadmap, "id: broken\nstages: [\n");

    CommandRun check =
        run(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-revoked",
                "SLACK_API_URL", platforms.slackUrl(),
                "DISCORD_BOT_TOKEN", "reset-discord-token",
                "DISCORD_API_URL", platforms.discordUrl(),
                "PORT", "http",
                "ROADMAP_FILE", roadmap.toString(),
                "ROADMAP_DB_URL", "jdbc:postgresql://127.0.0.1:1/roadmap?user=rc&password=Hunter2"),
            "check");

    assertThat(check.code()).isEqualTo(1);
    assertThat(check.out())
        .contains("PROBLEM  settings: PORT must be a number from 1 to 65535, not http")
        .contains("PROBLEM  settings: SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is not")
        .contains("PROBLEM  roadmap: ", roadmap.toString())
        // issue 25: where the database is, without the URL's user or parameters
        .contains(
            "PROBLEM  database: Cannot connect to PostgreSQL at"
                + " jdbc:postgresql://127.0.0.1:1/roadmap: ")
        .contains("PROBLEM  slack: Slack refused SLACK_BOT_TOKEN", "invalid_auth")
        .contains("PROBLEM  discord: Discord refused DISCORD_BOT_TOKEN", "HTTP 401")
        .endsWith("6 problems found.\n")
        .doesNotContain("Hunter2", "user=rc", "xoxb-revoked", "reset-discord-token");
  }

  @Test
  void aWeakSecretKeyFailsTheCheckAndTheStartSayingWhyWithoutShowingIt() {
    Map<String, String> env =
        Map.of(
            "SLACK_CLIENT_ID", "1111.2222",
            "SLACK_CLIENT_SECRET", "client-secret",
            "SLACK_SIGNING_SECRET", "signing-secret",
            "ROADMAP_SECRET_KEY", "a".repeat(32));

    CommandRun check = run(env, "check");
    CommandRun serve = run(env, "serve");

    assertThat(check.code()).isEqualTo(1);
    assertThat(check.out())
        .contains("PROBLEM  settings: ROADMAP_SECRET_KEY has only 1 different characters")
        .doesNotContain("aaaa");
    assertThat(serve.code()).isEqualTo(Application.USAGE);
    assertThat(serve.err())
        .contains("cannot start", "ROADMAP_SECRET_KEY has only 1 different characters")
        .doesNotContain("aaaa");
  }

  @Test
  void anUnreachablePlatformIsAProblemNamedWithItsAddress() {
    CommandRun check =
        run(
            Map.of(
                "SLACK_BOT_TOKEN", "xoxb-good",
                "SLACK_SIGNING_SECRET", "secret",
                "SLACK_API_URL", "http://127.0.0.1:1/api/"),
            "check");

    assertThat(check.code()).isEqualTo(1);
    assertThat(check.out())
        .contains("PROBLEM  slack: cannot reach http://127.0.0.1:1/api/auth.test");
  }

  @Test
  void migrateBringsAnExternalSchemaUpToDateOnceAndExitsZero() throws Exception {
    try (EmbeddedPostgres server = ClusterTemplates.startEmpty()) {
      Map<String, String> env = Map.of("ROADMAP_DB_URL", server.getJdbcUrl("postgres", "postgres"));

      CommandRun first = run(env, "migrate");
      assertThat(first.code()).as(first.err()).isZero();
      assertThat(first.out()).startsWith("Applied ").contains("migrations", "schema version");

      CommandRun again = run(env, "migrate");
      assertThat(again.code()).isZero();
      assertThat(again.out()).startsWith("The schema was already up to date");

      CommandRun check = run(env, "check");
      assertThat(check.out()).contains("schema version", "up to date)");
    }
  }
}
