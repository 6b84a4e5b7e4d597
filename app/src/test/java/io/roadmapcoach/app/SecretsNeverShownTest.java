package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.roadmapcoach.db.testing.ClusterTemplates;
import io.roadmapcoach.db.testing.QuickRun;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database password made of every character that once ended the masking ({@code ;}, {@code ,},
 * {@code &}, {@code %}, {@code =}) and spaces, written into {@code ROADMAP_DB_URL} and {@code
 * ROADMAP_DB_PASSWORD}: no part of it shows on standard error, in the log file (plain and JSON), in
 * {@code check}, {@code --help}, {@code /metrics} or {@code /healthz}, on a good start or a failed
 * one.
 */
@ExtendWith(QuickRun.class)
class SecretsNeverShownTest {
  /** The password the database is given; its parts, split at the awkward characters. */
  private static final String PASSWORD = "Kq9w;DbSecret,Tail9=Zeb7 Last7&Vxq2%Oddz";

  private static final List<String> PARTS =
      List.of("Kq9w", "DbSecret", "Tail9", "Zeb7", "Last7", "Vxq2", "Oddz");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EmbeddedPostgres external;

  @TempDir Path dataDir;
  private final HttpClient client = HttpClient.newHttpClient();
  private FakePlatforms platforms;

  @BeforeEach
  void fakes() throws Exception {
    platforms = new FakePlatforms();
  }

  @AfterEach
  void stopFakes() throws Exception {
    platforms.close();
    ChildApp.postgresHolding(dataDir).ifPresent(ProcessHandle::destroyForcibly);
  }

  @BeforeAll
  static void database() throws Exception {
    external = ClusterTemplates.startEmpty();
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    external.close();
  }

  /**
   * The URL as an operator might write it: {@code ;}, {@code ,}, {@code =} and the space as they
   * are (the driver takes them so), {@code &} and {@code %} escaped (it would not otherwise).
   */
  private static String url() {
    String written = PASSWORD.replace("%", "%25").replace("&", "%26");
    return external.getJdbcUrl("postgres", "postgres") + "&password=" + written;
  }

  private Map<String, String> env(String logFormat, int port, int managementPort) {
    Map<String, String> env = new HashMap<>();
    env.put("ROADMAP_DATA_DIR", dataDir.toString());
    env.put("ROADMAP_DB_URL", url());
    env.put("ROADMAP_DB_PASSWORD", PASSWORD);
    env.put("SLACK_BOT_TOKEN", "xoxb-good");
    env.put("SLACK_SIGNING_SECRET", "a-signing-secret");
    env.put("SLACK_API_URL", platforms.slackUrl());
    env.put("PORT", String.valueOf(port));
    env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
    env.put("BIND_ADDRESS", "127.0.0.1");
    env.put("LOG_FORMAT", logFormat);
    return env;
  }

  private static void assertNoPart(String where, String shown) {
    for (String part : PARTS) {
      assertThat(shown).as("%s shows %s:%n%s", where, part, shown).doesNotContain(part);
    }
  }

  @Test
  void aServerRunShowsNoPartOfItOnStandardErrorInItsJsonLogsMetricsOrHealth() throws Exception {
    int port = freePort();
    int managementPort = freePort();
    try (ChildApp app = ChildApp.start(env("json", port, managementPort), "serve")) {
      app.awaitErr("Roadmap Coach is running", Duration.ofSeconds(90));
      String metrics = get(managementPort, "/metrics");
      String health = get(managementPort, "/healthz");
      String ready = get(port, "/readyz");
      app.process().destroy();
      assertThat(app.process().waitFor(15, TimeUnit.SECONDS)).isTrue();
      app.awaitOutput();
      String log = Files.readString(dataDir.resolve("roadmap-coach.log"));

      assertThat(metrics).contains("hikaricp_connections");
      assertThat(health).contains("\"database\"");
      assertThat(app.err()).contains("database=jdbc:postgresql://localhost:");
      assertThat(log).contains("Opening PostgreSQL at jdbc:postgresql://localhost:");
      log.lines().filter(line -> !line.isBlank()).forEach(this::assertJson);
      assertNoPart("standard error", app.err());
      assertNoPart("the JSON log", log);
      assertNoPart("/metrics", metrics);
      assertNoPart("/healthz", health);
      assertNoPart("/readyz", ready);
    }
  }

  @Test
  void aFailedStartShowsNoPartOfItOnStandardErrorOrInItsPlainLog() throws Exception {
    try (ServerSocket taken = new ServerSocket(0);
        ChildApp app = ChildApp.start(env("plain", taken.getLocalPort(), freePort()), "serve")) {
      assertThat(app.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
      app.awaitOutput();
      String log = Files.readString(dataDir.resolve("roadmap-coach.log"));

      assertThat(app.process().exitValue()).isEqualTo(Application.CANNOT_START);
      assertThat(app.err()).contains("Roadmap Coach cannot start", "Failed to bind");
      assertThat(log).contains("Start-up failed", "\tat ");
      assertNoPart("standard error", app.err());
      assertNoPart("the plain log", log);
    }
  }

  @Test
  void checkAndHelpShowNoPartOfIt() {
    Map<String, String> env = env("plain", 3000, 9000);

    String check = run(env, "check");
    String help = run(env, "--help");

    assertThat(check).contains("ok       database: PostgreSQL at jdbc:postgresql://localhost:");
    assertThat(help).contains("ROADMAP_DB_PASSWORD");
    assertNoPart("check", check);
    assertNoPart("--help", help);
  }

  private void assertJson(String line) {
    try {
      assertThat(JSON.readTree(line).has("message")).as(line).isTrue();
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  private String run(Map<String, String> env, String command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Application.run(
        new String[] {command},
        env,
        new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        true);
    return out.toString(StandardCharsets.UTF_8);
  }

  private String get(int port, String path) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
