package io.roadmapcoach.discord;

import io.roadmapcoach.core.delivery.SharedBudget;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's global limit at the wire, in JDA's HTTP client. Every request but interaction answers
 * (which Discord does not count against it) is spaced at this process's share of the cluster's
 * {@code DISCORD_DELIVERIES_PER_SECOND}, right before it is written: the delivery worker's pacing
 * reserves the turns, but a stall on the way (a database mark, a busy core) would let the turns
 * bunch into a burst past the limit. And a 429 for the global limit ({@code X-RateLimit-Global} or
 * {@code X-RateLimit-Scope: global}), which JDA waits out only in this process, is written to the
 * budgets the instances share, so every instance holds back as long.
 */
final class GlobalLimits implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(GlobalLimits.class);
  private static final Duration AT_LEAST = Duration.ofMillis(100);

  private final List<SharedBudget> budgets = new CopyOnWriteArrayList<>();
  private final double clusterPerSecond;
  private long nextFreeNanos;

  /**
   * @param clusterPerSecond the requests a second all instances together may make
   */
  GlobalLimits(double clusterPerSecond) {
    this.clusterPerSecond = clusterPerSecond;
  }

  /** A messenger's shared budget, to pause on a global 429. */
  void watch(SharedBudget budget) {
    budgets.add(budget);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (!chain.request().url().encodedPath().contains("/interactions/")) {
      awaitTurn();
    }
    Response response = chain.proceed(chain.request());
    if (response.code() == 429
        && ("true".equalsIgnoreCase(response.header("X-RateLimit-Global"))
            || "global".equalsIgnoreCase(response.header("X-RateLimit-Scope")))) {
      Duration wait = retryAfter(response.header("Retry-After"));
      log.info("Discord's global rate limit: every instance waits {} ms", wait.toMillis());
      budgets.forEach(budget -> budget.pauseAll(wait));
    }
    return response;
  }

  /**
   * Waits for this process's next turn: its messengers' share of the cluster's rate, with each
   * messenger one instance among those its shared budget sees.
   */
  private void awaitTurn() throws IOException {
    if (budgets.isEmpty()) {
      return; // nothing delivers yet: command registration and the like go as JDA sends them
    }
    int instances = 1;
    int here = 0;
    for (SharedBudget budget : budgets) {
      // as last counted: a budget beats when its messenger paces, so a stopped one fades away
      int counted = budget.lastCounted();
      instances = Math.max(instances, counted);
      here += counted > 0 ? 1 : 0;
    }
    double perSecond = clusterPerSecond * Math.clamp(here, 1, instances) / instances;
    long interval = Math.round(1e9 / perSecond);
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextFreeNanos);
      nextFreeNanos = slot + interval;
      wait = slot - now;
    }
    if (wait > 0) {
      try {
        Thread.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted waiting for a turn under Discord's global limit", e);
      }
    }
  }

  private static Duration retryAfter(String header) {
    try {
      double seconds = header == null ? 1 : Double.parseDouble(header);
      Duration wait = Duration.ofMillis(Math.round(seconds * 1000));
      return wait.compareTo(AT_LEAST) < 0 ? AT_LEAST : wait;
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }
}
