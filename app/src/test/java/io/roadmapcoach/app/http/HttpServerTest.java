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

  /** A part that serving does not need, down. */
  private static HealthCheck outboxDown() {
    return new HealthCheck() {
      @Override
      public String name() {
        return "outbox";
      }

      @Override
      public Status check() {
        return Status.down("deliveries have waited more than 15 minutes");
      }
    };
  }

  @Test
  void readinessAsksOnlyWhatServingNeeds() throws Exception {
    health.register(outboxDown());
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

  // ---- quiet errors (issue 25)

  /** A route that reads its query the way the dashboard and Slack's install pages do. */
  private static Handler queryReader() {
    return new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        Request.extractQueryParameters(request); // throws on a malformed encoding
        response.setStatus(200);
        callback.succeeded();
        return true;
      }
    };
  }

  private HttpServer withRoute() throws Exception {
    HttpServer started =
        new HttpServer(
            Optional.of("127.0.0.1"),
            0,
            Optional.empty(),
            Optional.of(new HttpServer.Management(health, AppMetrics.create())));
    started.route("/pages/*", queryReader());
    started.start();
    return started;
  }

  private static void assertSmallPage(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'none'"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(response.body()).doesNotContainIgnoringCase("jetty").doesNotContain("<script");
  }

  @Test
  void noAnswerNamesTheServerOrItsVersion() throws Exception {
    server = withRoute();

    for (String path : new String[] {"/livez", "/pages/a", "/nowhere", "/pages/a?x=%ff"}) {
      HttpResponse<String> answer = get(server, path);
      assertThat(answer.headers().firstValue("Server")).as(path).isEmpty();
      assertThat(answer.body()).as(path).doesNotContainIgnoringCase("jetty");
    }
  }

  @Test
  void anAddressNothingServesGetsTheAppsOwnPageWithACsp() throws Exception {
    server = withRoute();

    HttpResponse<String> nowhere = get(server, "/nowhere/at/all");

    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(nowhere.body()).contains("<h1>Not Found</h1>");
    assertSmallPage(nowhere);
  }

  @Test
  void aMalformedEncodingIsA400WithOneLogLineAndNoStackTrace() throws Exception {
    server = withRoute();
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.roadmapcoach");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
        new ch.qos.logback.core.read.ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try {
      for (int i = 0; i < 50; i++) {
        for (String path :
            new String[] {
              "/pages/a?x=%ff", "/pages/a?sort=%e2%28", "/pages/%ff", "/nowhere?a=%ff%fe"
            }) {
          HttpResponse<String> refused = get(server, path);
          assertThat(refused.statusCode()).as(path).isEqualTo(400);
          assertSmallPage(refused);
        }
      }
    } finally {
      logger.detachAppender(lines);
    }

    assertThat(get(server, "/pages/a?x=%C3%A9&y=a+b").statusCode()).isEqualTo(200);
    assertThat(lines.list).hasSize(1);
    assertThat(lines.list.getFirst().getThrowableProxy()).isNull();
    assertThat(lines.list.getFirst().getFormattedMessage())
        .contains("Refused a request with a malformed percent-encoding", "GET /pages/a")
        .doesNotContain("%ff");
  }

  @Test
  void anEncodingIsWellFormedOnlyAsWholeEscapesOfUtf8() {
    assertThat(Guard.wellEncoded(null)).isTrue();
    assertThat(Guard.wellEncoded("sort=points&dir=desc")).isTrue();
    assertThat(Guard.wellEncoded("name=%C3%A9t%C3%A9+%F0%9F%8C%B4")).isTrue();
    assertThat(Guard.wellEncoded("a=%f")).isFalse();
    assertThat(Guard.wellEncoded("a=%")).isFalse();
    assertThat(Guard.wellEncoded("a=%zz")).isFalse();
    assertThat(Guard.wellEncoded("a=%ff")).isFalse();
    assertThat(Guard.wellEncoded("a=%C3")).isFalse(); // half a character
  }

  @Test
  void whatJettyRefusesItselfGetsTheAppsPageToo() throws Exception {
    server = withRoute();

    String answer;
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket
          .getOutputStream()
          .write(
              "GET /livez HTTP/1.1\r\nHost: x\r\nA header without a colon\r\n\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    assertThat(answer).startsWith("HTTP/1.1 400 ");
    assertThat(answer)
        .contains("Content-Security-Policy: default-src 'none'", "<h1>Bad Request</h1>")
        .doesNotContainIgnoringCase("jetty")
        .doesNotContain("Server:");
  }

  @Test
  void underAnHttpsPublicAddressEveryAnswerAsksForHttpsOnly() throws Exception {
    HttpServer plain = withRoute();
    second = plain;
    server = new HttpServer(Optional.of("127.0.0.1"), 0, Optional.empty(), Optional.empty());
    server.route("/pages/*", queryReader());
    server.strictTransportSecurity();
    server.start();

    for (String path : new String[] {"/pages/a", "/nowhere", "/pages/a?x=%ff"}) {
      assertThat(get(server, path).headers().firstValue("Strict-Transport-Security"))
          .as(path)
          .hasValue("max-age=31536000");
      assertThat(get(plain, path).headers().firstValue("Strict-Transport-Security"))
          .as(path)
          .isEmpty();
    }
  }

  @Test
  void probesOnAPublicPortSayTheStatusOnly() throws Exception {
    health.register(outboxDown());
    server = new HttpServer(Optional.of("127.0.0.1"), 0, Optional.empty(), Optional.empty());
    server.probes(health);
    server.start();

    HttpResponse<String> ready = get(server, "/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body().strip()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(get(server, "/livez").statusCode()).isEqualTo(200);
    assertThat(get(server, "/healthz").statusCode()).isEqualTo(404);
    assertThat(get(server, "/metrics").statusCode()).isEqualTo(404);
    databaseUp.set(false);
    HttpResponse<String> down = get(server, "/readyz");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).doesNotContain("database");
  }

  @Test
  void aBindAddressOfLoopbackRefusesConnectionsToTheMachinesOtherAddresses() throws Exception {
    java.util.Optional<java.net.InetAddress> other = Addresses.anyButLoopback();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        other.isPresent(), "this machine has no address but loopback");
    server = start(Optional.empty(), true);

    assertThat(get(server, "/livez").statusCode()).isEqualTo(200);
    Addresses.assertRefused(other.get(), server.port());
  }
}
