package io.roadmapcoach.slack.bench;

import com.slack.api.bolt.App;
import com.sun.management.OperatingSystemMXBean;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.db.testing.TestDatabase;
import io.roadmapcoach.slack.SlackAdapter;
import io.roadmapcoach.slack.SlackHttpBridge;
import io.roadmapcoach.slack.SlackSettings;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.SlackHarness;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
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
 * <p>How it keeps the figures honest:
 *
 * <ul>
 *   <li>Each phase warms up for at least {@code -Dbench.warmup} seconds <em>and</em> until the JIT
 *       has gone quiet (less than {@value #QUIET_JIT_MILLIS} ms of compiling in the last {@value
 *       #QUIET_WINDOW_SECONDS} s), at most {@code -Dbench.maxWarmup} seconds. On two busy cores the
 *       JIT needs a minute or more for this code; a fixed 10 s measured it half-compiled, and the
 *       phase that came later profited from what the earlier one had compiled.
 *   <li>The bare app is built by {@link SlackAdapter#boltApp}, the same Bolt configuration and
 *       middleware as the adapter's own; only the handler differs.
 *   <li>An answer counts only when it is the right one: 200 with Block Kit (and not the apology)
 *       from the app, 200 from the bare app, a reply other than the apology from the core.
 *   <li>The CPU each phase used is printed: the client threads' share of the machine, the rest of
 *       this JVM (server, GC, JIT), and everything else (PostgreSQL, the kernel, other processes).
 *       The load generator shares the cores with the server; these columns say how much.
 * </ul>
 *
 * <p>The client ({@code -Dbench.client}) is {@code socket} by default: one keep-alive HTTP/1.1
 * connection per client thread, written and read directly, which costs far less CPU than {@code
 * jdk} ({@link HttpClient}, one per client thread, the client used before), so more of the machine
 * is left to the server. Every request has a body and signature of its own, as Slack's do (the app
 * would acknowledge a repeated one without handling it).
 *
 * <p>An open-loop phase ({@code open}) follows the closed loop on the same app: a load generator in
 * a JVM of its own ({@link OpenLoopLoad}) sends {@code status} at a fixed {@code -Dbench.rate} (500
 * a second) whatever the answers do, for {@code -Dbench.openWarmup} seconds unmeasured and then
 * {@code -Dbench.seconds} measured, over at most {@code -Dbench.connections} keep-alive connections
 * (256), and reports p50, p99 and max from each request's due time. The closed loop says how much
 * the app can take; the open loop how long members wait at a given load.
 *
 * <p>Run it as docs/slack.md says; {@code -Dbench.seconds}, {@code -Dbench.clients}, {@code
 * -Dbench.warmup}, {@code -Dbench.maxWarmup}, {@code -Dbench.client} and {@code -Dbench.phases}
 * (any of {@code app,open,bare,core}) change it; {@code -Dbench.jfr=<dir>} records each phase's
 * measured window with Flight Recorder ({@code <dir>/<phase>.jfr}). Everything stays on 127.0.0.1
 * and stops by itself.
 */
public final class SlackBenchmark {
  private static final int MEMBERS = 64;
  static final int QUIET_JIT_MILLIS = 100;
  static final int QUIET_WINDOW_SECONDS = 5;
  private static final String SORRY = "something went wrong";

  record Cpu(double clients, double restOfJvm, double postgres, double otherProcesses) {}

  record Result(
      String name,
      long requests,
      long errors,
      double seconds,
      long[] nanos,
      double warmupSeconds,
      Cpu cpu) {
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

  record Settings(
      int seconds,
      int clients,
      int warmup,
      int maxWarmup,
      String client,
      Set<String> phases,
      Optional<Path> jfr,
      int rate,
      int openWarmup) {
    static Settings fromProperties() {
      String client = System.getProperty("bench.client", "socket");
      if (!client.equals("socket") && !client.equals("jdk")) {
        throw new IllegalArgumentException("bench.client is socket or jdk, not " + client);
      }
      return new Settings(
          Integer.getInteger("bench.seconds", 30),
          Integer.getInteger("bench.clients", 32),
          Integer.getInteger("bench.warmup", 10),
          Integer.getInteger("bench.maxWarmup", 180),
          client,
          Set.of(System.getProperty("bench.phases", "app,open,bare,core").split(",")),
          Optional.ofNullable(System.getProperty("bench.jfr")).map(Path::of),
          Integer.getInteger("bench.rate", 500),
          Integer.getInteger("bench.openWarmup", 60));
    }
  }

  public static void main(String[] args) throws Exception {
    Settings s = Settings.fromProperties();

    TestDatabase.truncateAll();
    var dsl = TestDatabase.dsl();
    List<Result> results = new ArrayList<>();
    Optional<OpenResult> open = Optional.empty();
    try (FakeSlack fake = new FakeSlack().invite("C0BENCH")) {
      for (int i = 0; i < MEMBERS; i++) {
        fake.user(user(i), "Member " + i, "UTC", false);
      }
      Roadmap roadmap = new RoadmapLoader().load(RoadmapSource.builtIn());
      Core core =
          Core.builder(dsl, roadmap, new QuizBankLoader().load(RoadmapSource.builtIn(), roadmap))
              .random(new SplittableRandom(1))
              .build();
      SlackSettings settings =
          new SlackSettings(
              SlackHarness.TOKEN, SlackHarness.SIGNING_SECRET, Optional.empty(), fake.apiUrl());

      try (SlackAdapter adapter =
          new SlackAdapter(settings, core.coach(), core.workspaces(), Clock.systemUTC())) {
        Server server = serve(adapter.handler());
        URI uri = uri(server);
        HttpClient enroll = HttpClient.newHttpClient();
        for (int i = 0; i < MEMBERS; i++) {
          send(enroll, uri, i, "start");
        }
        if (s.phases().contains("app")) {
          results.add(load("Roadmap Coach", uri, s, SlackBenchmark::statusAnswer));
        }
        if (s.phases().contains("open")) {
          open = Optional.of(openLoop(uri, s));
        }
        server.stop();
      }

      if (s.phases().contains("bare")) {
        // the same Bolt configuration and middleware as the adapter's, with an ack-only handler
        App bare = SlackAdapter.boltApp(settings);
        bare.command(SlackAdapter.COMMAND, (req, ctx) -> ctx.ack());
        bare.start();
        Server server =
            serve(SlackHttpBridge.forApp(bare, SlackHarness.SIGNING_SECRET, Clock.systemUTC()));
        results.add(load("bare Bolt (ack only)", uri(server), s, (status, body) -> status == 200));
        server.stop();
        bare.stop();
      }

      if (s.phases().contains("core")) {
        // for reading the figures: the core's own cost, same callers, no HTTP, no Slack
        results.add(coreOnly(core, s));
      }

      print(s, results);
      open.ifPresent(o -> printOpen(s, o));
    }
    System.exit(0);
  }

  /** What the open-loop generator reported, and the CPU the machine spent meanwhile. */
  record OpenResult(String line, Cpu cpu) {}

  /**
   * Runs {@link OpenLoopLoad} in a JVM of its own against the app: its CPU then shows apart from
   * the server's (under "other" processes), and the two do not share a garbage collector or a JIT.
   */
  private static OpenResult openLoop(URI uri, Settings s) throws Exception {
    System.out.printf(
        "Open loop: %d req/s from a separate JVM, %d s warm-up then %d s measured...%n",
        s.rate(), s.openWarmup(), s.seconds());
    String java = ProcessHandle.current().info().command().orElse("java");
    Process generator =
        new ProcessBuilder(
                java,
                "-Xshare:off",
                "-cp",
                System.getProperty("java.class.path"),
                OpenLoopLoad.class.getName(),
                uri.toString(),
                String.valueOf(s.rate()),
                String.valueOf(s.openWarmup()),
                String.valueOf(s.seconds()),
                String.valueOf(MEMBERS),
                String.valueOf(Integer.getInteger("bench.connections", 256)))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Thread.sleep(Duration.ofSeconds(s.openWarmup()).plusMillis(500));
    CpuSnapshot before = CpuSnapshot.take();
    Thread.sleep(Duration.ofSeconds(s.seconds()));
    CpuSnapshot after = CpuSnapshot.take();
    String output = new String(generator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!generator.waitFor(
        OpenLoopLoad.length(s.openWarmup(), s.seconds()).toSeconds(), TimeUnit.SECONDS)) {
      generator.destroyForcibly();
    }
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("RESULT "))
            .findFirst()
            .orElse("RESULT none: " + output);
    return new OpenResult(line.substring("RESULT ".length()), after.since(before));
  }

  private static void printOpen(Settings s, OpenResult open) {
    Map<String, String> figures = new HashMap<>();
    for (String pair : open.line().split(" ")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        figures.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    System.out.printf(
        "%nSlack /roadmap status, open loop: %d req/s from a separate JVM, %d s measured after %d s"
            + " at the same rate%n",
        s.rate(), s.seconds(), s.openWarmup());
    System.out.printf(
        "sent %s, answered right %s, errors %s, unanswered %s, late starts %s%n",
        figures.get("sent"),
        figures.get("ok"),
        figures.get("errors"),
        figures.get("unanswered"),
        figures.get("late"));
    System.out.printf(
        "p50 %s ms, p99 %s ms, max %s ms (from each request's due time)%n",
        figures.get("p50"), figures.get("p99"), figures.get("max"));
    double p99 = Double.parseDouble(figures.getOrDefault("p99", "NaN"));
    System.out.printf("goal: p99 < 50 ms %s%n", p99 < 50 ? "met" : "NOT met");
    System.out.printf(
        "CPU, %% of the machine: this JVM (server) %.1f / PostgreSQL %.1f / other (the generator,"
            + " the kernel, other processes) %.1f%n",
        100 * (open.cpu().clients() + open.cpu().restOfJvm()),
        100 * open.cpu().postgres(),
        100 * open.cpu().otherProcesses());
    System.out.printf(
        "machine: %d cores, load average %s%n",
        Runtime.getRuntime().availableProcessors(), loadAverage());
  }

  static boolean statusAnswer(int status, String body) {
    return status == 200 && body.contains("\"blocks\"") && !body.contains(SORRY);
  }

  private static void print(Settings s, List<Result> results) {
    System.out.printf(
        "%nSlack /roadmap status: %d clients (%s client), %d s measured after each warm-up,"
            + " same bridge%n",
        s.clients(), s.client(), s.seconds());
    System.out.printf(
        "%-22s %8s %8s %8s %7s %8s   %s%n",
        "",
        "req/s",
        "p50 ms",
        "p99 ms",
        "errors",
        "warm-up",
        "CPU, % of the machine: clients / rest of JVM / PostgreSQL / other");
    for (Result r : results) {
      System.out.printf(
          "%-22s %8.0f %8.2f %8.2f %7d %7.0fs   %5.1f / %5.1f / %5.1f / %5.1f%n",
          r.name(),
          r.perSecond(),
          r.percentileMillis(0.50),
          r.percentileMillis(0.99),
          r.errors(),
          r.warmupSeconds(),
          100 * r.cpu().clients(),
          100 * r.cpu().restOfJvm(),
          100 * r.cpu().postgres(),
          100 * r.cpu().otherProcesses());
    }
    Optional<Result> app = results.stream().filter(r -> r.name().startsWith("Roadmap")).findFirst();
    Optional<Result> bare = results.stream().filter(r -> r.name().startsWith("bare")).findFirst();
    if (app.isPresent() && bare.isPresent()) {
      double ratio = app.get().perSecond() / bare.get().perSecond();
      System.out.printf("throughput ratio (app / bare): %.2f%n", ratio);
      System.out.printf(
          "goal: p99 < 50 ms %s, ratio >= 0.5 %s%n",
          app.get().percentileMillis(0.99) < 50 ? "met" : "NOT met",
          ratio >= 0.5 ? "met" : "NOT met");
    }
    System.out.println(
        "(core alone: its client threads do the core's work themselves, so their CPU is the"
            + " work; other: the kernel and any other process on the machine)");
    System.out.printf(
        "machine: %d cores, load average %s (the load generator shares them)%n",
        Runtime.getRuntime().availableProcessors(), loadAverage());
  }

  private static Result coreOnly(Core core, Settings s) throws InterruptedException {
    Caller[] callers = new Caller[MEMBERS];
    for (int i = 0; i < MEMBERS; i++) {
      callers[i] =
          new Caller(
              Platform.SLACK,
              FakeSlack.TEAM,
              "testteam",
              Origin.channel("C0BENCH", "bench"),
              user(i),
              "Member " + i,
              false,
              Optional.of(ZoneId.of("UTC")),
              Optional.empty());
    }
    return run(
        "core alone (no HTTP)",
        s,
        client ->
            member -> {
              Reply reply = core.coach().handleText(callers[member % MEMBERS], "status");
              return reply.plainText().contains(SORRY) ? 500 : 200;
            });
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
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

  private static String body(int member, String text) {
    return body(member, text, "http://127.0.0.1:9/unused");
  }

  private static String body(int member, String text, String responseUrl) {
    return SlackHarness.slashBody(user(member), "C0BENCH", "bench", text, responseUrl);
  }

  private static int send(HttpClient http, URI uri, int member, String text) throws Exception {
    String body = body(member, text);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    SlackHarness.signed(body, SlackHarness.now()).forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** One unit of work for a client: 200 when it went well. */
  interface Work {
    int run(int member) throws Exception;
  }

  /** Makes each client thread's work (and whatever state it keeps, such as its connection). */
  interface Workers {
    Work forClient(int client);
  }

  /** Whether an answer is the right one. */
  interface Check {
    boolean ok(int status, String body);
  }

  private static Result load(String name, URI uri, Settings s, Check check)
      throws InterruptedException {
    return run(
        name,
        s,
        client -> {
          Signer signer = new Signer(client);
          if (s.client().equals("jdk")) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            return member -> {
              String body = signer.body(member % MEMBERS);
              HttpRequest.Builder request =
                  HttpRequest.newBuilder(uri)
                      .timeout(Duration.ofSeconds(10))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(body));
              signer.headers(body).forEach(request::header);
              HttpResponse<String> response =
                  http.send(request.build(), HttpResponse.BodyHandlers.ofString());
              return check.ok(response.statusCode(), response.body()) ? 200 : -1;
            };
          }
          SocketClient http = new SocketClient(uri);
          return member -> {
            String body = signer.body(member % MEMBERS);
            SocketClient.Answer answer = http.post(body, signer.headers(body));
            return check.ok(answer.status(), answer.body()) ? 200 : -1;
          };
        });
  }

  /**
   * A client's requests as Slack sends them: each with a body of its own (Slack's differ in their
   * {@code response_url} and {@code trigger_id}) and signed when sent. The app acknowledges a
   * repeat of a request it has seen without handling it, so identical signed requests would measure
   * that.
   */
  private static final class Signer {
    private final int client;
    private long sent;

    Signer(int client) {
      this.client = client;
    }

    String body(int member) {
      return SlackBenchmark.body(
          member, "status", "http://127.0.0.1:9/unused/" + client + "/" + sent++);
    }

    Map<String, String> headers(String body) {
      Map<String, String> headers = new HashMap<>(SlackHarness.signed(body, SlackHarness.now()));
      headers.put("Content-Type", "application/x-www-form-urlencoded");
      return headers;
    }
  }

  private static Result run(String name, Settings s, Workers workers) throws InterruptedException {
    System.out.printf(
        "%s: warm-up (at least %d s, until the JIT is quiet, at most %d s), then %d s"
            + " measured...%n",
        name, s.warmup(), s.maxWarmup(), s.seconds());
    int clients = s.clients();
    long start = System.nanoTime();
    // set once the warm-up is over; until then nothing is measured and nothing ends
    AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
    AtomicLong end = new AtomicLong(Long.MAX_VALUE);
    AtomicLong errors = new AtomicLong();
    List<long[]> perClient = new ArrayList<>();
    int[] counts = new int[clients];
    CountDownLatch finished = new CountDownLatch(clients);
    CountDownLatch release = new CountDownLatch(1);
    for (int c = 0; c < clients; c++) {
      int client = c;
      long[] samples = new long[4_000_000 / clients];
      perClient.add(samples);
      Thread.ofPlatform()
          .name("bench-client-" + c)
          .start(
              () -> {
                int n = 0;
                int member = client;
                try {
                  Work work = workers.forClient(client);
                  while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end.get()) {
                      break;
                    }
                    int status;
                    try {
                      status = work.run(member);
                    } catch (Exception e) {
                      status = -1;
                    }
                    long t1 = System.nanoTime();
                    member += clients;
                    if (t0 >= measureFrom.get()) {
                      if (status != 200) {
                        errors.incrementAndGet();
                      } else if (n < samples.length) {
                        samples[n++] = t1 - t0;
                      }
                    }
                  }
                } finally {
                  counts[client] = n;
                  finished.countDown();
                  // stay alive until the CPU figures are read
                  try {
                    release.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              });
    }
    long warmedAt = warmUp(start, s);
    Optional<Recording> recording = s.jfr().map(dir -> startRecording());
    CpuSnapshot before = CpuSnapshot.take();
    measureFrom.set(warmedAt);
    end.set(warmedAt + Duration.ofSeconds(s.seconds()).toNanos());
    sleepUntil(end.get());
    CpuSnapshot after = CpuSnapshot.take();
    recording.ifPresent(r -> stopRecording(r, s.jfr().get(), name));
    release.countDown();
    finished.await();
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
    return new Result(
        name, total, errors.get(), s.seconds(), all, (warmedAt - start) / 1e9, after.since(before));
  }

  /** Flight Recorder's "profile" settings, for the measured window only. */
  private static Recording startRecording() {
    try {
      Recording recording = new Recording(Configuration.getConfiguration("profile"));
      recording.start();
      return recording;
    } catch (IOException | ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void stopRecording(Recording recording, Path dir, String phase) {
    Path file = dir.resolve(phase.replaceAll("[^A-Za-z]+", "-").toLowerCase(Locale.ROOT) + ".jfr");
    try {
      recording.stop();
      Files.createDirectories(dir);
      recording.dump(file);
      recording.close();
      System.out.printf("  measured window recorded in %s%n", file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits at least the minimum warm-up and until the JIT has compiled for less than {@value
   * #QUIET_JIT_MILLIS} ms over the last {@value #QUIET_WINDOW_SECONDS} s, at most the maximum.
   * Returns when it ended (nanoTime).
   */
  private static long warmUp(long start, Settings s) throws InterruptedException {
    var jit = ManagementFactory.getCompilationMXBean();
    long[] compiled = new long[QUIET_WINDOW_SECONDS + 1]; // ms compiled, one entry a second
    for (int second = 1; ; second++) {
      sleepUntil(start + Duration.ofSeconds(second).toNanos());
      compiled[second % compiled.length] = jit.getTotalCompilationTime();
      long lastWindow =
          compiled[second % compiled.length] - compiled[(second + 1) % compiled.length];
      boolean quiet = second > QUIET_WINDOW_SECONDS && lastWindow < QUIET_JIT_MILLIS;
      if ((second >= s.warmup() && quiet) || second >= s.maxWarmup()) {
        if (!quiet) {
          System.out.printf(
              "  the JIT was still busy after %d s (%d ms in the last %d s); measuring anyway%n",
              second, lastWindow, QUIET_WINDOW_SECONDS);
        }
        return System.nanoTime();
      }
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(Duration.ofNanos(left));
    }
  }

  /**
   * CPU used so far: by the machine, by this JVM, by the load generator's threads, and by the
   * PostgreSQL server the benchmark uses (its postmaster and backends).
   */
  record CpuSnapshot(
      long wallNanos,
      long machineBusyNanos,
      long processNanos,
      long clientNanos,
      long postgresNanos) {
    private static final Set<String> CLIENT_THREADS = Set.of("bench-client-", "HttpClient-");
    private static final int POSTGRES_PORT = postgresPort();

    static CpuSnapshot take() {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long clients = 0;
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info != null && CLIENT_THREADS.stream().anyMatch(info.getThreadName()::startsWith)) {
          long cpu = threads.getThreadCpuTime(info.getThreadId());
          clients += Math.max(0, cpu);
        }
      }
      var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      return new CpuSnapshot(
          System.nanoTime(),
          machineBusy(),
          os.getProcessCpuTime(),
          clients,
          postgres(POSTGRES_PORT));
    }

    private static int postgresPort() {
      try (var connection = TestDatabase.dataSource().getConnection()) {
        return URI.create(connection.getMetaData().getURL().substring("jdbc:".length())).getPort();
      } catch (SQLException | RuntimeException e) {
        return -1;
      }
    }

    /** CPU time of the postmaster listening on {@code port} and its children (Linux /proc). */
    private static long postgres(int port) {
      try (var procs = Files.list(Path.of("/proc"))) {
        Map<Long, long[]> stats = new HashMap<>(); // pid -> {ppid, cpu ticks}
        long postmaster = -1;
        for (Path dir : procs.toList()) {
          String name = dir.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          try {
            String stat = Files.readString(dir.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state ppid ... utime (14th field overall) stime (15th)
            stats.put(
                Long.parseLong(name),
                new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])});
            if (postmaster < 0 && stat.contains("(postgres)")) {
              List<String> args =
                  Arrays.asList(Files.readString(dir.resolve("cmdline")).split("\0"));
              int p = args.indexOf("-p");
              if (p >= 0 && p + 1 < args.size() && args.get(p + 1).equals(String.valueOf(port))) {
                postmaster = Long.parseLong(name);
              }
            }
          } catch (IOException | RuntimeException gone) {
            // the process ended while we looked
          }
        }
        long ticks = 0;
        for (var e : stats.entrySet()) {
          if (e.getKey() == postmaster || e.getValue()[0] == postmaster) {
            ticks += e.getValue()[1];
          }
        }
        return postmaster < 0 ? 0 : ticks * 10_000_000L; // USER_HZ is 100 on Linux
      } catch (IOException e) {
        return 0;
      }
    }

    Cpu since(CpuSnapshot before) {
      double capacity =
          (double) (wallNanos - before.wallNanos) * Runtime.getRuntime().availableProcessors();
      double clientShare = (clientNanos - before.clientNanos) / capacity;
      double jvmShare = (processNanos - before.processNanos) / capacity;
      double machineShare = (machineBusyNanos - before.machineBusyNanos) / capacity;
      double postgresShare = (postgresNanos - before.postgresNanos) / capacity;
      return new Cpu(
          clientShare,
          jvmShare - clientShare,
          postgresShare,
          Math.max(0, machineShare - jvmShare - postgresShare));
    }

    /** Busy time of all cores from /proc/stat (Linux; 0 elsewhere), in nanoseconds. */
    private static long machineBusy() {
      try {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        // user nice system idle iowait irq softirq steal: all but idle and iowait are busy
        for (int i = 1; i <= 8 && i < f.length; i++) {
          if (i != 4 && i != 5) {
            busy += Long.parseLong(f[i]);
          }
        }
        return busy * 10_000_000L; // USER_HZ is 100 on Linux
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
  }

  /**
   * A minimal HTTP/1.1 client on one keep-alive connection: writes the request in one go, reads the
   * status, headers and body (Content-Length or chunked). Reconnects after an error or a close.
   */
  static final class SocketClient {
    record Answer(int status, String body) {}

    private final URI uri;
    private final byte[] requestLine;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    SocketClient(URI uri) {
      this.uri = uri;
      this.requestLine =
          ("POST "
                  + uri.getRawPath()
                  + " HTTP/1.1\r\nHost: "
                  + uri.getHost()
                  + ":"
                  + uri.getPort()
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII);
    }

    Answer post(String body, Map<String, String> headers) throws IOException {
      if (socket == null) {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
      }
      try {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256);
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        out.write(requestLine);
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.flush();
        return read();
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }

    private Answer read() throws IOException {
      String statusLine = line();
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      long length = -1;
      boolean chunked = false;
      boolean closes = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> closes = value.equalsIgnoreCase("close");
          default -> {}
        }
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      if (chunked) {
        for (int size = Integer.parseInt(line().split(";")[0].trim(), 16);
            size > 0;
            size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
          body.write(in.readNBytes(size));
          line();
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
          // trailers: none expected
        }
      } else if (length > 0) {
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length < length) {
          throw new IOException("connection closed in the middle of a body");
        }
        body.write(bytes);
      } else if (length < 0) {
        body.write(in.readAllBytes());
        closes = true;
      }
      if (closes) {
        close();
      }
      return new Answer(status, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          line.append((char) c);
        }
      }
      return line.toString();
    }

    private void close() {
      try {
        if (socket != null) {
          socket.close();
        }
      } catch (IOException e) {
        // closing anyway
      }
      socket = null;
    }
  }
}
