package io.roadmapcoach.slack.bench;

import io.roadmapcoach.slack.testing.SlackHarness;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop load generator, run by {@link SlackBenchmark} in a JVM of its own: signed {@code
 * /roadmap status} requests sent at a fixed rate whatever the answers do, as Slack's users would
 * send them. Each request's latency counts from the moment it was <em>due</em>, not from when it
 * left: a server that stalls makes the requests queued behind it late too (no coordinated
 * omission). Every request has a body of its own (its {@code response_url}) and so a signature of
 * its own: the app refuses replays.
 *
 * <p>The requests share at most a fixed number of keep-alive connections, as a load generator such
 * as wrk2 does (and as Slack's own senders reuse theirs): a request that finds them all busy waits
 * for one, and that wait counts in its latency. Without the bound, answers that lag would open a
 * connection per request until the machine runs out of file descriptors or ports, which measures
 * the generator, not the app.
 *
 * <p>Arguments: the events URI, requests a second, seconds of warm-up (sent, not counted), seconds
 * measured, the number of members, and the most connections open at once. Prints one line: {@code
 * RESULT sent=.. ok=.. errors=.. late=.. p50=.. p99=.. max=..} (milliseconds), where {@code late}
 * counts requests the generator itself could not start within 5 ms of their time (the figures then
 * say more about it than about the server).
 */
public final class OpenLoopLoad {
  private OpenLoopLoad() {}

  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    int rate = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int members = Integer.parseInt(args[4]);
    Semaphore connections = new Semaphore(Integer.parseInt(args[5]));

    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    int total = rate * (warmup + seconds);
    int firstMeasured = rate * warmup;
    long[] latencies = new long[total];
    Arrays.fill(latencies, -1);
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger late = new AtomicInteger();
    CountDownLatch answered = new CountDownLatch(total);
    ConcurrentLinkedDeque<SlackBenchmark.SocketClient> idle = new ConcurrentLinkedDeque<>();

    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      if (System.nanoTime() - due > TimeUnit.MILLISECONDS.toNanos(5) && i >= firstMeasured) {
        late.incrementAndGet();
      }
      int request = i;
      Thread.ofVirtual()
          .start(
              () -> {
                connections.acquireUninterruptibly();
                SlackBenchmark.SocketClient client = idle.pollFirst();
                if (client == null) {
                  client = new SlackBenchmark.SocketClient(uri);
                }
                try {
                  String body = body(request, members);
                  SlackBenchmark.SocketClient.Answer answer = client.post(body, headers(body));
                  if (SlackBenchmark.statusAnswer(answer.status(), answer.body())) {
                    latencies[request] = System.nanoTime() - due;
                  } else if (request >= firstMeasured) {
                    errors.incrementAndGet();
                  }
                } catch (Exception e) {
                  if (request >= firstMeasured) {
                    errors.incrementAndGet();
                  }
                } finally {
                  idle.addFirst(client);
                  connections.release();
                  answered.countDown();
                }
              });
    }
    boolean all = answered.await(30, TimeUnit.SECONDS);
    long[] measured =
        Arrays.stream(latencies, firstMeasured, total).filter(l -> l >= 0).sorted().toArray();
    int errorsMeasured = errors.get();
    System.out.printf(
        "RESULT sent=%d ok=%d errors=%d unanswered=%d late=%d p50=%.2f p99=%.2f max=%.2f%n",
        total - firstMeasured,
        measured.length,
        errorsMeasured,
        all ? 0 : answered.getCount(),
        late.get(),
        percentile(measured, 0.50),
        percentile(measured, 0.99),
        measured.length == 0 ? Double.NaN : measured[measured.length - 1] / 1e6);
    System.exit(0);
  }

  private static String body(int request, int members) {
    return SlackHarness.slashBody(
        "UB" + (request % members),
        "C0BENCH",
        "bench",
        "status",
        "http://127.0.0.1:9/unused/open/" + request);
  }

  private static Map<String, String> headers(String body) {
    Map<String, String> headers = new HashMap<>(SlackHarness.signed(body, SlackHarness.now()));
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    return headers;
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
  }

  /** How long the whole run takes, for the parent's patience. */
  static Duration length(int warmup, int seconds) {
    return Duration.ofSeconds(warmup + seconds + 40);
  }
}
