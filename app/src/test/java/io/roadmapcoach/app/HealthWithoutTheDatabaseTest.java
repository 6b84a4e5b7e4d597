package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roadmapcoach.app.health.DatabaseCheck;
import io.roadmapcoach.app.health.HealthChecks;
import io.roadmapcoach.app.health.OutboxCheck;
import io.roadmapcoach.app.http.AppMetrics;
import io.roadmapcoach.app.http.HttpServer;
import io.roadmapcoach.core.delivery.OutboxBacklog;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.DatabaseSettings;
import io.roadmapcoach.db.testing.ClusterTemplates;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database stops under a running server: health says so, within two seconds, every time. */
class HealthWithoutTheDatabaseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void healthAnswersWithinTwoSecondsAndNamesTheDatabaseWhileItIsGone(@TempDir Path dir)
      throws Exception {
    EmbeddedPostgres postgres = ClusterTemplates.startEmpty();
    DatabaseSettings settings =
        new DatabaseSettings(
            Optional.of(postgres.getJdbcUrl("postgres", "postgres")),
            Optional.empty(),
            Optional.empty(),
            dir,
            4);
    try (Database database = Database.open(settings)) {
      HealthChecks health =
          new HealthChecks(() -> false)
              .register(new DatabaseCheck(database::healthy))
              .register(new OutboxCheck(new OutboxBacklog(database.dsl()), Clock.systemUTC()));
      try (HttpServer server =
          new HttpServer(
              Optional.of("127.0.0.1"),
              0,
              Optional.empty(),
              Optional.of(new HttpServer.Management(health, AppMetrics.create())))) {
        server.start();
        URI healthz = URI.create("http://127.0.0.1:" + server.port() + "/healthz");
        URI readyz = URI.create("http://127.0.0.1:" + server.port() + "/readyz");
        // a cold first probe on a busy machine may miss the checks' budget: wait until healthy
        HttpResponse<String> before = get(healthz);
        for (int tries = 0; tries < 40 && before.statusCode() != 200; tries++) {
          Thread.sleep(250);
          before = get(healthz);
        }
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(JSON.readTree(before.body()).path("parts").path("outbox").path("due").asInt())
            .isZero();

        postgres.close();

        for (int probe = 0; probe < 3; probe++) {
          long started = System.nanoTime();
          HttpResponse<String> during = get(healthz);
          assertThat(Duration.ofNanos(System.nanoTime() - started))
              .isLessThan(Duration.ofSeconds(2));
          assertThat(during.statusCode()).isEqualTo(503);
          JsonNode parts = JSON.readTree(during.body()).path("parts");
          assertThat(parts.path("database").path("status").asText()).isEqualTo("DOWN");
          assertThat(parts.path("outbox").path("status").asText()).isEqualTo("DOWN");

          long readyStarted = System.nanoTime();
          assertThat(get(readyz).statusCode()).isEqualTo(503);
          assertThat(Duration.ofNanos(System.nanoTime() - readyStarted))
              .isLessThan(Duration.ofSeconds(2));
        }
      }
    }
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
