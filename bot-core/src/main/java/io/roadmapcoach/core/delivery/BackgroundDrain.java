package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import io.roadmapcoach.core.delivery.DeliveryQueue.Claimed;
import io.roadmapcoach.core.delivery.DeliveryQueue.Held;
import io.roadmapcoach.core.tx.DatabaseUnavailable;
import io.roadmapcoach.core.tx.OutageLog;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker in the background: one thread claims a batch whenever a platform's lane has room
 * (waking every poll, or when told), each batch is composed and each of its rows sent on a virtual
 * thread of its own, marks are batched across senders, and the leases of held rows are renewed
 * while their attempts run.
 */
final class BackgroundDrain {
  private static final Logger log = LoggerFactory.getLogger(BackgroundDrain.class);

  private final DeliveryQueue queue;
  private final Transactions transactions;
  private final Clock clock;
  private final DeliveryWorker.Settings settings;
  private final Map<Platform, Lane> lanes;
  private final HeldRows held;
  private final Composing composing;
  private final RowSender sender;
  private final StopSignal stop;
  private final OutageLog outages = new OutageLog(log, Duration.ofMinutes(1));

  private final ExecutorService senders =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("outbox-send-", 0).factory());
  private final Marks.Batched marks;
  private final ScheduledExecutorService renewer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("outbox-lease").daemon(true).factory());
  private volatile Thread claimer;

  BackgroundDrain(
      DeliveryQueue queue,
      Transactions transactions,
      Clock clock,
      DeliveryWorker.Settings settings,
      Map<Platform, Lane> lanes,
      HeldRows held,
      Composing composing,
      RowSender sender,
      StopSignal stop) {
    this.queue = queue;
    this.transactions = transactions;
    this.clock = clock;
    this.settings = settings;
    this.lanes = lanes;
    this.held = held;
    this.composing = composing;
    this.sender = sender;
    this.stop = stop;
    this.marks = new Marks.Batched(queue, transactions, clock);
  }

  /**
   * Starts renewing leases (three times a lease) and claiming, waking every {@code poll} or when
   * {@link #wake()} is called.
   */
  void start(Duration poll) {
    long every = Math.max(1, queue.lease().toMillis() / 3);
    renewer.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    claimer =
        Thread.ofPlatform()
            .name("outbox-claim")
            .daemon(true)
            .start(
                () -> {
                  while (!stop.stopping()) {
                    boolean claimed = false;
                    try {
                      claimed = claimRound();
                      outages.reachable();
                    } catch (DatabaseUnavailable e) {
                      outages.unavailable("Claiming deliveries", e);
                    } catch (RuntimeException e) {
                      log.error("Claiming deliveries failed; trying again shortly", e);
                    }
                    if (!claimed && !stop.stopping()) {
                      LockSupport.parkNanos(poll.toNanos());
                    }
                  }
                });
  }

  /** New rows are in the outbox, or a lane has room again: look now. */
  void wake() {
    Thread c = claimer;
    if (c != null) {
      LockSupport.unpark(c);
    }
  }

  /** Claims a batch for every platform with room; true when anything was claimed. */
  private boolean claimRound() {
    boolean claimedAny = false;
    for (Map.Entry<Platform, Lane> entry : lanes.entrySet()) {
      Lane lane = entry.getValue();
      Instant now = clock.instant();
      int room = lane.free.availablePermits();
      int capacity = settings.inFlightPerPlatform();
      // claim in batches: wait for a quarter of the room unless the lane is idle
      int worthIt = Math.max(1, Math.min(settings.claimBatch(), capacity) / 4);
      if (stop.stopping() || lane.pausedAt(now) || room < Math.min(worthIt, capacity)) {
        continue;
      }
      int limit = Math.min(room, settings.claimBatch());
      List<Claimed> batch =
          transactions.inTransaction(() -> queue.claim(now, entry.getKey(), limit));
      if (batch.isEmpty()) {
        continue;
      }
      claimedAny = true;
      // only this thread takes permits, so they are there
      lane.free.acquireUninterruptibly(batch.size());
      held.holdAll(batch);
      senders.execute(() -> composeAndSend(lane, batch));
    }
    return claimedAny;
  }

  private void composeAndSend(Lane lane, List<Claimed> batch) {
    List<Composed> composed;
    try {
      composed = composing.composeAll(batch);
    } catch (RuntimeException e) {
      // not renewed any more: their leases run out and they are claimed again
      log.error("Composing {} deliveries failed", batch.size(), e);
      held.forgetAll(batch);
      lane.free.release(batch.size());
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      Claimed row = batch.get(i);
      Composed one = composed.get(i);
      senders.execute(
          () -> {
            try {
              sender.deliver(lane, row, one, marks);
            } catch (RuntimeException e) {
              log.error("Delivering outbox row {} failed", row.id(), e);
            } finally {
              lane.free.release();
              wake();
            }
          });
    }
  }

  private void renewLeases() {
    if (held.isEmpty() || stop.halted()) {
      return;
    }
    List<Held> rows = held.leases();
    try {
      transactions.inTransaction(() -> queue.renew(rows, clock.instant()));
    } catch (RuntimeException e) {
      log.warn("Renewing the leases of {} deliveries failed", rows.size(), e);
    }
  }

  /** Waits (at most ten seconds) for the claiming thread to see that the worker stops. */
  void awaitClaimer() {
    Thread c = claimer;
    if (c != null) {
      try {
        c.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Writes the marks queued, then stops every thread. */
  void close() {
    marks.close();
    renewer.shutdownNow();
    senders.shutdownNow();
  }

  /** Stops at once and writes nothing more, as a crash would. */
  void abandon() {
    marks.abandon();
    renewer.shutdownNow();
    senders.shutdownNow();
    Thread c = claimer;
    if (c != null) {
      c.interrupt();
    }
  }
}
