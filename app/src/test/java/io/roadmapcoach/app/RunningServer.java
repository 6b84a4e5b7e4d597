package io.roadmapcoach.app;

import com.slack.api.app_backend.SlackSignature;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.roadmapcoach.app.health.HealthChecks;
import io.roadmapcoach.app.http.AppMetrics;
import io.roadmapcoach.app.http.CoreMetrics;
import io.roadmapcoach.app.http.HttpServer;
import io.roadmapcoach.app.http.OutboxGauges;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.delivery.OutboxBacklog;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.schedule.Routine;
import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.DatabaseSettings;
import io.roadmapcoach.slack.SlackAdapter;
import io.roadmapcoach.slack.SlackSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server run as {@link ServerMode} wires it, in this JVM, on a PostgreSQL the test controls: the
 * core with Quartz and the delivery worker, the Slack adapter (its Web API a {@link FakePlatforms})
 * on a local HTTP port with {@code /metrics}, and a messenger that records what is delivered to
 * Slack. Commands are sent the way Slack sends them, signed.
 */
final class RunningServer implements AutoCloseable {
  static final String SIGNING_SECRET = "a-signing-secret";
  static final String TEAM = "T0TEST";
  static final String CHANNEL = "C0GENERAL";

  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());
  private static final QuizBank BANK = new QuizBankLoader().load(RoadmapSource.builtIn(), ROADMAP);

  /** Deliveries as the Slack messenger would have sent them. */
  final List<Delivery> delivered = new CopyOnWriteArrayList<>();

  final Database database;
  private final FakePlatforms platforms;
  private final Core core;
  private final SlackAdapter slack;
  private final HttpServer http;
  private final HttpClient client = HttpClient.newHttpClient();
  private final AtomicInteger requests = new AtomicInteger();

  RunningServer(String jdbcUrl, Path dataDir) throws Exception {
    this.platforms = new FakePlatforms();
    this.database =
        Database.open(
            new DatabaseSettings(
                Optional.of(jdbcUrl), Optional.empty(), Optional.empty(), dataDir, 4));
    Clock clock = Clock.systemUTC();
    PrometheusMeterRegistry metrics = AppMetrics.create();
    database.reportPoolTo(metrics);
    new OutboxGauges(new OutboxBacklog(database.dsl()), clock).bindTo(metrics);
    CoreMetrics coreMetrics = new CoreMetrics(metrics);
    this.core =
        Core.builder(database.dsl(), ROADMAP, BANK)
            .clock(clock)
            .quartz(database.dataSource())
            .observer(coreMetrics)
            .build();
    coreMetrics.expectingRoutines(core.routines().all().stream().map(Routine::name).toList());
    this.slack =
        new SlackAdapter(
            new SlackSettings("xoxb-good", SIGNING_SECRET, Optional.empty(), platforms.slackUrl()),
            core.coach(),
            core.workspaces(),
            clock);
    core.deliveries().register(new Recorder());
    core.start();
    HealthChecks health = HealthParts.of(database, core, clock, () -> false);
    this.http =
        new HttpServer(
            Optional.of("127.0.0.1"),
            0,
            Optional.of(slack.handler()),
            Optional.of(new HttpServer.Management(health, metrics)));
    http.start();
  }

  private final class Recorder implements Messenger {
    @Override
    public Platform platform() {
      return Platform.SLACK;
    }

    @Override
    public DeliveryResult send(Delivery delivery) {
      delivered.add(delivery);
      return DeliveryResult.Sent.plain();
    }
  }

  /** {@code /roadmap <text>} from {@code userId} in #general, signed now; Slack's answer. */
  HttpResponse<String> command(String userId, String text) throws Exception {
    String body =
        form(
            Map.of(
                "team_id",
                TEAM,
                "team_domain",
                "test",
                "channel_id",
                CHANNEL,
                "channel_name",
                "general",
                "user_id",
                userId,
                "user_name",
                userId.toLowerCase(),
                "command",
                "/roadmap",
                "text",
                text,
                "response_url",
                platforms.slackUrl() + "response/" + requests.incrementAndGet(),
                "trigger_id",
                "trigger-" + requests.get()));
    String ts = String.valueOf(System.currentTimeMillis() / 1000);
    HttpRequest request =
        HttpRequest.newBuilder(uri("/slack/events"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
            .header(
                SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
                new SlackSignature.Generator(SIGNING_SECRET).generate(ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Every scheduled routine, now: what Quartz does each minute. */
  void runRoutines() {
    core.routines().runAll(java.time.Instant.now());
  }

  /** What {@code /metrics} shows now. */
  String metrics() throws Exception {
    return client
        .send(HttpRequest.newBuilder(uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + http.port() + path);
  }

  private static String form(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    fields.forEach(
        (k, v) ->
            out.append(out.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }

  @Override
  public void close() throws Exception {
    http.close();
    slack.close();
    core.close();
    database.close();
    platforms.close();
  }
}
