package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roadmapcoach.app.http.Addresses;
import io.roadmapcoach.db.testing.ClusterTemplates;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real app in a JVM of its own, stopped the way an operator or a terminal stops it (SIGTERM, as
 * {@link Process#destroy()} sends): it exits within 10 s and leaves no PostgreSQL behind. And what
 * a server run shows its operator on the way: health on its own port, logs without secrets.
 */
class StopAndServeTest {
  private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  private FakePlatforms platforms;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void fakes() throws IOException {
    platforms = new FakePlatforms();
  }

  @AfterEach
  void stopFakes() throws IOException {
    platforms.close();
    // a failed test must not leave its PostgreSQL running
    ChildApp.postgresHolding(dataDir).ifPresent(ProcessHandle::destroyForcibly);
  }

  @Test
  void theConsoleStopsWithinSecondsOnSigtermAndStopsItsPostgres() throws Exception {
    try (ChildApp app = ChildApp.start(Map.of("ROADMAP_DATA_DIR", dataDir.toString()), "console")) {
      OutputStream in = app.process().getOutputStream();
      in.write("/roadmap start\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      awaitOut(app, "Welcome");
      assertThat(ChildApp.postgresHolding(dataDir)).isPresent();
      assertThat(app.err()).startsWith("Starting Roadmap Coach\u2026");

      long started = System.nanoTime();
      app.process().destroy();

      assertThat(app.process().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS))
          .as("stopped within %s; stderr:%n%s", STOP_LIMIT, app.err())
          .isTrue();
      assertThat(app.process().exitValue()).isIn(0, 143);
      assertThat(ChildApp.postgresHolding(dataDir)).isEmpty();
      assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
      System.out.printf(
          "console stopped in %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    ConsoleRun again = ConsoleRun.of(dataDir, "/roadmap status");
    assertThat(again.answerTo("/roadmap status")).contains("Stage 1 of 15");
  }

  @Test
  void ctrlCStopsTheConsoleWithinASecondEvenInTheMiddleOfAClockRun() throws Exception {
    try (ChildApp app = ChildApp.start(Map.of("ROADMAP_DATA_DIR", dataDir.toString()), "console")) {
      OutputStream in = app.process().getOutputStream();
      in.write("/roadmap start\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      awaitOut(app, "Welcome");
      // a week, minute by minute, each minute running every routine: many seconds of work
      in.write(":clock +7d\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      Thread.sleep(700);
      assertThat(app.out()).as("the clock run is under way").doesNotContain("It is now");

      long started = System.nanoTime();
      new ProcessBuilder("kill", "-INT", String.valueOf(app.process().pid())).start().waitFor();

      assertThat(app.process().waitFor(1, TimeUnit.SECONDS))
          .as("stopped within a second of Ctrl-C; stderr:%n%s", app.err())
          .isTrue();
      System.out.printf(
          "console stopped mid-:clock in %d ms%n",
          Duration.ofNanos(System.nanoTime() - started).toMillis());
      assertThat(ChildApp.postgresHolding(dataDir)).isEmpty();
    }
  }

  @Test
  void aServerTurnsUnreadyAndStopsWithinSecondsOnSigtermWithHealthOnItsOwnPort() throws Exception {
    int port = freePort();
    int managementPort = freePort();
    Map<String, String> env =
        Map.of(
            "ROADMAP_DATA_DIR", dataDir.toString(),
            "SLACK_BOT_TOKEN", "xoxb-good",
            "SLACK_SIGNING_SECRET", "a-signing-secret",
            "SLACK_API_URL", platforms.slackUrl(),
            "PORT", String.valueOf(port),
            "MANAGEMENT_PORT", String.valueOf(managementPort),
            "BIND_ADDRESS", "127.0.0.1");
    try (ChildApp app = ChildApp.start(env, "serve")) {
      app.awaitErr("Roadmap Coach is running", Duration.ofSeconds(90));

      HttpResponse<String> health = get(managementPort, "/healthz");
      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      JsonNode parts = JSON.readTree(health.body()).path("parts");
      assertThat(parts.fieldNames())
          .toIterable()
          .containsExactly("database", "scheduler", "outbox", "slack");
      assertThat(parts.path("scheduler").path("clusterMembers").asInt()).isEqualTo(1);
      assertThat(get(managementPort, "/readyz").statusCode()).isEqualTo(200);
      assertThat(get(managementPort, "/metrics").body()).contains("roadmap_outbox_pending");
      assertThat(get(port, "/healthz").statusCode()).isEqualTo(404);
      assertThat(post(port, "/slack/events").statusCode()).isEqualTo(401);

      long started = System.nanoTime();
      app.process().destroy();

      assertThat(app.process().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS))
          .as("stopped within %s; stderr:%n%s", STOP_LIMIT, app.err())
          .isTrue();
      assertThat(app.process().exitValue()).isIn(0, 143);
      assertThat(ChildApp.postgresHolding(dataDir)).isEmpty();
      app.awaitOutput();
      assertThat(app.err()).contains("Stopping: no new work is taken").contains("Stopped in ");
      System.out.printf(
          "server stopped in %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
  }

  @Test
  void aPasswordInTheDatabaseUrlNeverReachesTheLogsAndJsonLinesAreJson() throws Exception {
    String password = "Sup3r-Secret-Pw";
    try (EmbeddedPostgres external = ClusterTemplates.startEmpty()) {
      String url = external.getJdbcUrl("postgres", "postgres") + "&password=" + password;
      Map<String, String> env =
          Map.of(
              "ROADMAP_DATA_DIR",
              dataDir.toString(),
              "ROADMAP_DB_URL",
              url,
              "LOG_FORMAT",
              "json",
              "SLACK_BOT_TOKEN",
              "xoxb-good",
              "SLACK_SIGNING_SECRET",
              "a-signing-secret",
              "SLACK_API_URL",
              platforms.slackUrl(),
              "PORT",
              String.valueOf(freePort()),
              "MANAGEMENT_PORT", // not the default port on 127.0.0.1, which another run may hold
              String.valueOf(freePort()),
              "BIND_ADDRESS",
              "127.0.0.1");
      try (ChildApp app = ChildApp.start(env, "serve")) {
        app.awaitErr("Roadmap Coach is running", Duration.ofSeconds(90));
        app.process().destroy();
        assertThat(app.process().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        app.awaitOutput();

        String logFile = Files.readString(dataDir.resolve("roadmap-coach.log"));
        // issue 25: the database is named by where it is, its URL's parameters left out
        assertThat(app.err()).doesNotContain(password).doesNotContain("password=");
        assertThat(logFile).doesNotContain(password).doesNotContain("password=");
        List<String> logLines = logFile.lines().filter(line -> !line.isBlank()).toList();
        assertThat(logLines).isNotEmpty();
        for (String line : logLines) {
          JsonNode event = JSON.readTree(line);
          assertThat(event.has("@timestamp") && event.has("level") && event.has("message"))
              .as(line)
              .isTrue();
        }
        assertThat(logLines).anyMatch(line -> line.contains("Opening PostgreSQL at"));
      }
    }
  }

  @Test
  void withoutAManagementPortHealthAndMetricsAreOnThisMachineOnlyAndPortHasBareProbes()
      throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        portFree(Config.DEFAULT_MANAGEMENT_PORT),
        "port " + Config.DEFAULT_MANAGEMENT_PORT + " is taken on this machine");
    int port = freePort();
    Map<String, String> env =
        Map.of(
            "ROADMAP_DATA_DIR",
            dataDir.toString(),
            "SLACK_BOT_TOKEN",
            "xoxb-good",
            "SLACK_SIGNING_SECRET",
            "a-signing-secret",
            "SLACK_API_URL",
            platforms.slackUrl(),
            "PUBLIC_URL",
            "https://coach.example.org",
            "PORT",
            String.valueOf(port));
    try (ChildApp app = ChildApp.start(env, "serve")) {
      app.awaitErr("Roadmap Coach is running", Duration.ofSeconds(90));
      int management = Config.DEFAULT_MANAGEMENT_PORT;
      // under an https PUBLIC_URL every answer of the public port asks for https only
      for (String path : new String[] {"/readyz", "/dashboard", "/nowhere"}) {
        HttpResponse<String> answer = get(port, path);
        assertThat(answer.headers().firstValue("Strict-Transport-Security"))
            .as(path)
            .hasValue("max-age=31536000");
        assertThat(answer.headers().firstValue("Server")).as(path).isEmpty();
      }

      HttpResponse<String> health = get(management, "/healthz");
      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      assertThat(JSON.readTree(health.body()).path("parts").has("database")).isTrue();
      assertThat(get(management, "/metrics").body()).contains("roadmap_outbox_pending");
      for (String path : new String[] {"/healthz", "/metrics"}) {
        HttpResponse<String> refused = get(port, path);
        assertThat(refused.statusCode()).as(path).isEqualTo(404);
        assertThat(refused.body()).as(path).doesNotContain("jvm_", "database");
      }
      HttpResponse<String> ready = get(port, "/readyz");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body().strip()).isEqualTo("{\"status\":\"UP\"}");
      assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
      assertThat(app.err()).contains("management=127.0.0.1:" + management);
      java.util.Optional<java.net.InetAddress> other = Addresses.anyButLoopback();
      if (other.isPresent()) {
        Addresses.assertRefused(other.get(), management);
      }
      app.process().destroy();
      assertThat(app.process().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
  }

  private static boolean portFree(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private static void awaitOut(ChildApp app, String text) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!app.out().contains(text)) {
      if (!app.process().isAlive() || System.nanoTime() > until) {
        throw new AssertionError("no \"" + text + "\" in:\n" + app.out() + "\n" + app.err());
      }
      Thread.sleep(100);
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(int port, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .POST(HttpRequest.BodyPublishers.ofString("command=%2Froadmap"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
