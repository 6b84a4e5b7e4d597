package io.roadmapcoach.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {
  private final AtomicBoolean databaseUp = new AtomicBoolean(true);
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = new HttpServer(0, databaseUp::get, AppMetrics.create(() -> 7), Optional.empty());
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthSaysOkWhileTheDatabaseAnswersAnd503WhenItDoesNot() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);

    databaseUp.set(false);

    HttpResponse<String> down = get("/healthz");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).contains("database unavailable");
  }

  @Test
  void metricsShowTheJvmAndTheOutboxInPrometheusFormat() throws Exception {
    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("roadmap_outbox_pending 7.0", "jvm_memory_used_bytes");
  }

  @Test
  void slackEventsAreNotServedWhenSlackIsOffAndOtherPathsAre404() throws Exception {
    assertThat(get("/slack/events").statusCode()).isEqualTo(404);
    assertThat(get("/admin").statusCode()).isEqualTo(404);
  }

  @Test
  void healthAndMetricsOnlyAnswerGet() throws Exception {
    HttpResponse<String> post =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(post.statusCode()).isEqualTo(405);
  }
}
