package io.roadmapcoach.slack.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.roadmapcoach.core.CoreServices;
import io.roadmapcoach.core.command.Caller;
import io.roadmapcoach.core.member.Platform;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.schedule.QuizSchedule;
import io.roadmapcoach.db.testing.TestDatabase;
import io.roadmapcoach.slack.SlackAdapter;
import io.roadmapcoach.slack.SlackHttpBridge;
import io.roadmapcoach.slack.SlackSettings;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Signed {@code /roadmap status} requests from concurrent clients against the whole Slack path
 * (Jetty, our bridge, Bolt, the core on PostgreSQL), then the same load against a bare Bolt app on
 * the same bridge that only acknowledges. Prints requests/s, p50 and p99 for both and their ratio.
 *
 * <p>A third line, the core alone (the same {@code status} calls from as many threads, without HTTP
 * or Slack), shows how much of the time is the coach's own database work.
 *
 * <p>Run it as docs/slack.md says; {@code -Dbench.seconds}, {@code -Dbench.clients}, {@code
 * -Dbench.warmup} change the load. Everything stays on 127.0.0.1 and stops by itself.
 */
public final class SlackBenchmark {
  private static final int MEMBERS = 64;

  record Result(String name, long requests, long errors, double seconds, long[] nanos) {
    double perSecond() {
      return requests / seconds;
    }

    double percentileMillis(double p) {
      if (nanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p * nanos.length) - 1;
      return nanos[Math.max(0, Math.min(index, nanos.length - 1))] / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 30);
    int clients = Integer.getInteger("bench.clients", 32);
    int warmup = Integer.getInteger("bench.warmup", 10);

    TestDatabase.truncateAll();
    var dsl = TestDatabase.dsl();
    try (FakeSlack fake = new FakeSlack()) {
      for (int i = 0; i < MEMBERS; i++) {
        fake.user(user(i), "Member " + i, "UTC", false);
      }
      Roadmap roadmap = new RoadmapLoader().load(RoadmapSource.builtIn());
      CoreServices core =
          CoreServices.create(
              dsl,
              roadmap,
              new QuizBankLoader().load(RoadmapSource.builtIn(), roadmap),
              Clock.systemUTC(),
              new SplittableRandom(1),
              QuizSchedule.NONE);
      SlackSettings settings =
          new SlackSettings(
              SlackHarness.TOKEN, SlackHarness.SIGNING_SECRET, Optional.empty(), fake.apiUrl());

      Result app;
      try (SlackAdapter adapter =
          new SlackAdapter(
              settings,
              core.coach(),
              new Workspaces(dsl, core.transactions(), Clock.systemUTC()),
              Clock.systemUTC())) {
        Server server = serve(adapter.handler());
        URI uri = uri(server);
        for (int i = 0; i < MEMBERS; i++) {
          send(HttpClient.newHttpClient(), uri, i, "start");
        }
        app = load("Roadmap Coach", uri, clients, warmup, seconds);
        server.stop();
      }

      App bare = bareApp(fake);
      Server server =
          serve(SlackHttpBridge.forApp(bare, SlackHarness.SIGNING_SECRET, Clock.systemUTC()));
      Result ack = load("bare Bolt (ack only)", uri(server), clients, warmup, seconds);
      server.stop();
      bare.stop();

      // for reading the figures: the core's own cost, same callers, no HTTP, no Slack
      Result coreOnly = coreOnly(core, clients, warmup, seconds);

      System.out.printf(
          "%nSlack /roadmap status: %d clients, %d s each (after %d s warm-up), same bridge%n",
          clients, seconds, warmup);
      System.out.printf("%-22s %10s %9s %9s %7s%n", "", "req/s", "p50 ms", "p99 ms", "errors");
      for (Result r : List.of(app, ack, coreOnly)) {
        System.out.printf(
            "%-22s %10.0f %9.2f %9.2f %7d%n",
            r.name(),
            r.perSecond(),
            r.percentileMillis(0.50),
            r.percentileMillis(0.99),
            r.errors());
      }
      double ratio = app.perSecond() / ack.perSecond();
      System.out.printf("throughput ratio (app / bare): %.2f%n", ratio);
      System.out.printf(
          "goal: p99 < 50 ms %s, ratio >= 0.5 %s%n",
          app.percentileMillis(0.99) < 50 ? "met" : "NOT met", ratio >= 0.5 ? "met" : "NOT met");
      System.out.printf(
          "machine: %d cores, load average %s (the load generator shares them)%n",
          Runtime.getRuntime().availableProcessors(), loadAverage());
    }
    System.exit(0);
  }

  private static Result coreOnly(CoreServices core, int clients, int warmup, int seconds)
      throws InterruptedException {
    Caller[] callers = new Caller[MEMBERS];
    for (int i = 0; i < MEMBERS; i++) {
      callers[i] =
          new Caller(
              Platform.SLACK,
              FakeSlack.TEAM,
              "testteam",
              "C0BENCH",
              "bench",
              user(i),
              "Member " + i,
              false,
              Optional.of(ZoneId.of("UTC")));
    }
    return run(
        "core alone (no HTTP)",
        clients,
        warmup,
        seconds,
        (client, member) -> {
          core.coach().handleText(callers[member % MEMBERS], "status");
          return 200;
        });
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static App bareApp(FakeSlack fake) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(fake.apiUrl());
    config.getMethodsConfig().setStatsEnabled(false);
    App app =
        new App(
            AppConfig.builder()
                .slack(Slack.getInstance(config))
                .singleTeamBotToken(SlackHarness.TOKEN)
                .signingSecret(SlackHarness.SIGNING_SECRET)
                .clientId(null)
                .clientSecret(null)
                .build());
    app.command(SlackAdapter.COMMAND, (req, ctx) -> ctx.ack());
    app.start();
    return app;
  }

  private static Server serve(Handler handler) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(handler);
    server.start();
    return server;
  }

  private static URI uri(Server server) {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return URI.create("http://127.0.0.1:" + port + SlackHttpBridge.PATH);
  }

  private static String user(int i) {
    return "UB" + i;
  }

  private static int send(HttpClient http, URI uri, int member, String text) throws Exception {
    String body =
        SlackHarness.slashBody(user(member), "C0BENCH", "bench", text, "http://127.0.0.1:9/unused");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    SlackHarness.signed(body, SlackHarness.now()).forEach(request::header);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return response.statusCode();
  }

  /** Work without HTTP: returns 200 when it went well. */
  interface Work {
    int run(int client, int member) throws Exception;
  }

  private static Result load(String name, URI uri, int clients, int warmupSeconds, int seconds)
      throws InterruptedException {
    ThreadLocal<HttpClient> http =
        ThreadLocal.withInitial(
            () -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    return run(
        name,
        clients,
        warmupSeconds,
        seconds,
        (client, member) -> send(http.get(), uri, member % MEMBERS, "status"));
  }

  private static Result run(String name, int clients, int warmupSeconds, int seconds, Work work)
      throws InterruptedException {
    System.out.printf("%s: %d s warm-up, then %d s measured...%n", name, warmupSeconds, seconds);
    long start = System.nanoTime();
    long measureFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
    long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
    AtomicLong errors = new AtomicLong();
    List<long[]> perClient = new ArrayList<>();
    int[] counts = new int[clients];
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      int client = c;
      long[] samples = new long[2_000_000 / clients];
      perClient.add(samples);
      Thread.ofPlatform()
          .name("bench-client-" + c)
          .start(
              () -> {
                int n = 0;
                int member = client;
                try {
                  while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                      break;
                    }
                    int status;
                    try {
                      status = work.run(client, member);
                    } catch (Exception e) {
                      status = -1;
                    }
                    long t1 = System.nanoTime();
                    member += clients;
                    if (t0 >= measureFrom) {
                      if (status != 200) {
                        errors.incrementAndGet();
                      } else if (n < samples.length) {
                        samples[n++] = t1 - t0;
                      }
                    }
                  }
                } finally {
                  counts[client] = n;
                  done.countDown();
                }
              });
    }
    done.await();
    long total = 0;
    for (int count : counts) {
      total += count;
    }
    long[] all = new long[(int) total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    return new Result(name, total, errors.get(), seconds, all);
  }
}
