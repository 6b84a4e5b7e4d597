package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox through the platforms' messengers: claims due rows under a lease, composes each
 * from current state, sends it, and records how it went. A platform that says "slow down" (429) is
 * paused for as long as it asks; a failed send is retried with growing back-off, a limited number
 * of times; an unreachable recipient is marked so it is not tried again.
 */
public final class DeliveryWorker implements AutoCloseable {
  public static final int MAX_ATTEMPTS = 8;
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(15);
  static final Duration LONGEST_BACKOFF = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int BATCH = 100;

  private final DeliveryQueue queue;
  private final DeliveryComposer composer;
  private final Map<Platform, Messenger> messengers;
  private final Transactions transactions;
  private final Clock clock;
  private final Map<Platform, Instant> pausedUntil = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private volatile Thread thread;
  private volatile boolean stopping;

  public DeliveryWorker(
      DeliveryQueue queue, DeliveryComposer composer, Transactions transactions, Clock clock) {
    this.queue = queue;
    this.composer = composer;
    this.messengers = new ConcurrentHashMap<>();
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Rows of a platform are claimed only once its messenger is here. */
  public DeliveryWorker register(Messenger messenger) {
    messengers.put(messenger.platform(), messenger);
    return this;
  }

  /** Sends everything due now; returns how many rows were handled (sent, retried or ended). */
  public int drainDue() {
    int handled = 0;
    while (!stopping) {
      Instant now = clock.instant();
      List<Platform> open = openPlatforms(now);
      List<DeliveryQueue.Claimed> batch =
          transactions.inTransaction(() -> queue.claim(now, open, BATCH));
      if (batch.isEmpty()) {
        return handled;
      }
      for (DeliveryQueue.Claimed row : batch) {
        deliver(row);
        handled++;
      }
    }
    return handled;
  }

  private List<Platform> openPlatforms(Instant now) {
    return messengers.keySet().stream()
        .filter(p -> !pausedUntil.getOrDefault(p, Instant.MIN).isAfter(now))
        .toList();
  }

  private void deliver(DeliveryQueue.Claimed row) {
    Instant now = clock.instant();
    DeliveryComposer.Composed composed;
    try {
      composed = transactions.inTransaction(() -> composer.compose(row, now));
    } catch (RuntimeException e) {
      log.error("Could not compose outbox row {}", row.id(), e);
      fail(row, now, "compose: " + e.getClass().getSimpleName());
      return;
    }
    switch (composed) {
      case DeliveryComposer.Drop drop ->
          transactions.run(() -> queue.close(row.id(), "dropped", drop.reason()));
      case DeliveryComposer.Send send -> send(row, send);
    }
  }

  private void send(DeliveryQueue.Claimed row, DeliveryComposer.Send send) {
    Messenger messenger = messengers.get(row.platform());
    DeliveryResult result;
    try {
      result = messenger.send(send.delivery());
    } catch (RuntimeException e) {
      log.warn("Sending outbox row {} through {} failed", row.id(), row.platform(), e);
      result = new DeliveryResult.Failed(e.getClass().getSimpleName());
    }
    record(row, send, result);
  }

  private void record(
      DeliveryQueue.Claimed row, DeliveryComposer.Send send, DeliveryResult result) {
    Instant now = clock.instant();
    switch (result) {
      case DeliveryResult.Sent sent ->
          transactions.run(() -> queue.sent(row.id(), now, send.memberId(), sent.dmChannel()));
      case DeliveryResult.RetryLater later -> {
        Instant at = now.plus(later.after());
        if (later.wholePlatform()) {
          pausedUntil.merge(row.platform(), at, (a, b) -> a.isAfter(b) ? a : b);
          log.info("{} asked to wait {} ({})", row.platform(), later.after(), later.reason());
        }
        // a wait the platform asked for is not a failed attempt; a timeout is
        transactions.run(() -> queue.retryAt(row.id(), at, later.reason(), !later.wholePlatform()));
      }
      case DeliveryResult.Failed failed -> fail(row, now, failed.reason());
      case DeliveryResult.Unreachable gone -> unreachable(row, send, gone);
    }
  }

  private void fail(DeliveryQueue.Claimed row, Instant now, String reason) {
    if (row.attempts() >= MAX_ATTEMPTS) {
      log.warn("Outbox row {} failed {} times; giving up: {}", row.id(), row.attempts(), reason);
      transactions.run(() -> queue.close(row.id(), "failed", reason));
      return;
    }
    transactions.run(
        () -> queue.retryAt(row.id(), now.plus(backoff(row.attempts())), reason, true));
  }

  /** 15 s, 30 s, 1 min, ... up to an hour. */
  static Duration backoff(int attempts) {
    long factor = 1L << Math.min(Math.max(attempts - 1, 0), 16);
    Duration wait = FIRST_BACKOFF.multipliedBy(factor);
    return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
  }

  private void unreachable(
      DeliveryQueue.Claimed row, DeliveryComposer.Send send, DeliveryResult.Unreachable gone) {
    log.info("Outbox row {}: {} unreachable ({})", row.id(), gone.who(), gone.reason());
    transactions.run(
        () -> {
          queue.close(row.id(), "undeliverable", gone.reason());
          switch (gone.who()) {
            case MEMBER ->
                send.memberId()
                    .ifPresent(
                        id -> {
                          queue.memberUnreachable(id);
                          queue.dropPendingFor(id, gone.reason());
                        });
            case CHANNEL -> send.channelId().ifPresent(queue::channelUnreachable);
            case WORKSPACE -> queue.workspaceUnreachable(row.workspaceId());
          }
        });
  }

  /** Drains in the background, waking every {@code poll} or when {@link #wake()} is called. */
  public void start(Duration poll) {
    Thread t =
        Thread.ofPlatform()
            .name("outbox-delivery")
            .daemon(true)
            .start(
                () -> {
                  while (!stopping) {
                    try {
                      drainDue();
                    } catch (RuntimeException e) {
                      log.error("Delivery round failed; trying again shortly", e);
                    }
                    sleep(poll);
                  }
                });
    this.thread = t;
  }

  /** New rows are in the outbox: look now rather than at the next poll. */
  public void wake() {
    lock.lock();
    try {
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void sleep(Duration poll) {
    lock.lock();
    try {
      wake.awaitNanos(poll.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    } finally {
      lock.unlock();
    }
  }

  public Optional<Instant> pausedUntil(Platform platform) {
    return Optional.ofNullable(pausedUntil.get(platform));
  }

  @Override
  public void close() {
    stopping = true;
    wake();
    Thread t = thread;
    if (t != null) {
      try {
        t.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
