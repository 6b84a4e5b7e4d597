package io.roadmapcoach.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roadmapcoach.app.health.DatabaseCheck;
import io.roadmapcoach.app.health.HealthCheck;
import io.roadmapcoach.app.health.HealthChecks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AtomicBoolean databaseUp = new AtomicBoolean(true);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final HttpClient client = HttpClient.newHttpClient();
  private final HealthChecks health =
      new HealthChecks(stopping::get).register(new DatabaseCheck(databaseUp::get));
  private HttpServer server;
  private HttpServer second;

  private HttpServer start(Optional<Handler> slack, boolean management) throws Exception {
    HttpServer started =
        new HttpServer(
            Optional.of("127.0.0.1"),
            0,
            slack,
            management
                ? Optional.of(new HttpServer.Management(health, AppMetrics.create()))
                : Optional.empty());
    started.start();
    return started;
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (second != null) {
      second.close();
    }
  }

  private HttpResponse<String> get(HttpServer on, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthNamesEachPartAsJsonAndTurns503WhenThePartIsDown() throws Exception {
    server = start(Optional.empty(), true);
    HttpResponse<String> up = get(server, "/healthz");
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    JsonNode body = JSON.readTree(up.body());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.path("parts").path("database").path("status").asText()).isEqualTo("UP");

    databaseUp.set(false);

    HttpResponse<String> down = get(server, "/healthz");
    assertThat(down.statusCode()).isEqualTo(503);
    JsonNode downBody = JSON.readTree(down.body());
    assertThat(downBody.path("status").asText()).isEqualTo("DOWN");
    assertThat(downBody.path("parts").path("database").path("reason").asText())
        .isEqualTo("no connection to the database");
  }

  @Test
  void aPartThatHangsIsReportedDownAndTheAnswerStillComesWithinTwoSeconds() throws Exception {
    health.register(
        new HealthCheck() {
          @Override
          public String name() {
            return "discord";
          }

          @Override
          public Status check() throws InterruptedException {
            Thread.sleep(30_000);
            return Status.ok();
          }
        });
    server = start(Optional.empty(), true);

    long started = System.nanoTime();
    HttpResponse<String> answer = get(server, "/healthz");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(Duration.ofSeconds(2));
    assertThat(answer.statusCode()).isEqualTo(503);
    JsonNode parts = JSON.readTree(answer.body()).path("parts");
    assertThat(parts.path("discord").path("reason").asText()).isEqualTo("no answer within 1500 ms");
    assertThat(parts.path("database").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void readinessTurns503AtOnceWhenAStopIsAskedForWhileLivenessStays200() throws Exception {
    server = start(Optional.empty(), true);
    assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);

    stopping.set(true);

    HttpResponse<String> ready = get(server, "/readyz");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(ready.body()).path("shuttingDown").asBoolean()).isTrue();
    assertThat(get(server, "/healthz").statusCode()).isEqualTo(503);
    HttpResponse<String> live = get(server, "/livez");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(live.body()).path("status").asText()).isEqualTo("UP");
  }

  @Test
  void readinessAsksOnlyWhatServingNeeds() throws Exception {
    health.register(
        new HealthCheck() {
          @Override
          public String name() {
            return "outbox";
          }

          @Override
          public Status check() {
            return Status.down("deliveries have waited more than 15 minutes");
          }
        });
    server = start(Optional.empty(), true);

    assertThat(get(server, "/healthz").statusCode()).isEqualTo(503);
    HttpResponse<String> ready = get(server, "/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ready.body()).path("parts").has("outbox")).isFalse();
  }

  @Test
  void metricsShowTheJvmInPrometheusFormat() throws Exception {
    server = start(Optional.empty(), true);
    HttpResponse<String> metrics = get(server, "/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes", "process_uptime_seconds");
  }

  @Test
  void withAManagementPortHealthAndMetricsAreThereAndNotBesideSlackEvents() throws Exception {
    Handler slack =
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            callback.succeeded();
            return true;
          }
        };
    server = start(Optional.of(slack), false);
    second = start(Optional.empty(), true);

    assertThat(get(server, "/slack/events").statusCode()).isEqualTo(200);
    for (String path : new String[] {"/healthz", "/readyz", "/livez", "/metrics"}) {
      assertThat(get(server, path).statusCode()).as(path).isEqualTo(404);
      assertThat(get(second, path).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(get(second, "/slack/events").statusCode()).isEqualTo(404);
  }

  @Test
  void slackEventsAreNotServedWhenSlackIsOffAndOtherPathsAre404() throws Exception {
    server = start(Optional.empty(), true);
    assertThat(get(server, "/slack/events").statusCode()).isEqualTo(404);
    assertThat(get(server, "/admin").statusCode()).isEqualTo(404);
  }

  @Test
  void healthAndMetricsOnlyAnswerGet() throws Exception {
    server = start(Optional.empty(), true);
    HttpResponse<String> post =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void aBindAddressOfLoopbackRefusesConnectionsToTheMachinesOtherAddresses() throws Exception {
    java.util.Optional<java.net.InetAddress> other =
        java.net.NetworkInterface.networkInterfaces()
            .flatMap(java.net.NetworkInterface::inetAddresses)
            .filter(address -> address instanceof java.net.Inet4Address)
            .filter(address -> !address.isLoopbackAddress())
            .findFirst();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        other.isPresent(), "this machine has no address but loopback");
    server = start(Optional.empty(), true);

    assertThat(get(server, "/livez").statusCode()).isEqualTo(200);
    try (java.net.Socket socket = new java.net.Socket()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  socket.connect(new java.net.InetSocketAddress(other.get(), server.port()), 2000))
          .isInstanceOf(java.io.IOException.class);
    }
  }
}
