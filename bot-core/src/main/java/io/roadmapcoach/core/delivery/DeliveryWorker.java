package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.DeliveryQueue.Claimed;
import io.roadmapcoach.core.delivery.DeliveryQueue.Held;
import io.roadmapcoach.core.delivery.DeliveryQueue.Mark;
import io.roadmapcoach.core.tx.DatabaseUnavailable;
import io.roadmapcoach.core.tx.OutageLog;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox through the platforms' messengers. In the background ({@link #start}) many
 * deliveries are in flight at once, each on a virtual thread of its own, up to a bound per
 * platform, so a slow call holds up nothing but itself; each messenger paces its platform (per
 * channel, route or workspace) and a 429 pauses only what it names. Claims and marks are written a
 * batch at a time.
 *
 * <p>Never doubled: before the platform call a row is marked as being sent under its attempt's id;
 * a row left so by an instance that died is in doubt, and its messenger checks before sending it
 * again. Leases are short and renewed while an attempt runs; {@link #close} stops claiming,
 * finishes what is being sent (for a few seconds at most), gives everything else back at once, and
 * only then returns.
 *
 * <p>A failed send is retried with growing back-off, a limited number of times; an unreachable
 * recipient is marked so it is not tried again. Every outcome is counted ({@link #counts()}).
 */
public final class DeliveryWorker implements AutoCloseable {
  public static final int MAX_ATTEMPTS = 8;
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(15);
  static final Duration LONGEST_BACKOFF = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

  /**
   * How much the worker takes on.
   *
   * @param inFlightPerPlatform rows held at once per platform (composing, waiting for their turn,
   *     or being sent)
   * @param claimBatch the most rows one claim takes
   * @param shutdownGrace how long {@link #close} lets sends in progress finish
   */
  public record Settings(int inFlightPerPlatform, int claimBatch, Duration shutdownGrace) {
    public static final Settings DEFAULT = new Settings(256, 256, Duration.ofSeconds(5));

    public Settings {
      if (inFlightPerPlatform < 1 || claimBatch < 1) {
        throw new IllegalArgumentException("inFlightPerPlatform and claimBatch must be positive");
      }
    }
  }

  private final DeliveryQueue queue;
  private final DeliveryComposer composer;
  private final Transactions transactions;
  private final Clock clock;
  private final Settings settings;
  private final Map<Platform, Lane> lanes = new ConcurrentHashMap<>();
  private final Map<Long, InFlight> held = new ConcurrentHashMap<>();
  private final DeliveryCounts counts = new DeliveryCounts();
  private final OutageLog outages = new OutageLog(log, Duration.ofMinutes(1));
  private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>(List.of(counts));
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile boolean halted;
  private volatile Thread claimer;
  private volatile Background background;

  public DeliveryWorker(
      DeliveryQueue queue, DeliveryComposer composer, Transactions transactions, Clock clock) {
    this(queue, composer, transactions, clock, Settings.DEFAULT);
  }

  public DeliveryWorker(
      DeliveryQueue queue,
      DeliveryComposer composer,
      Transactions transactions,
      Clock clock,
      Settings settings) {
    this.queue = queue;
    this.composer = composer;
    this.transactions = transactions;
    this.clock = clock;
    this.settings = settings;
  }

  /** One platform's messenger and how much of it is in use. */
  private static final class Lane {
    final Messenger messenger;
    final Semaphore free;
    volatile Instant pausedUntil = Instant.MIN;

    Lane(Messenger messenger, int capacity) {
      this.messenger = messenger;
      this.free = new Semaphore(capacity);
    }
  }

  /** A row this instance holds, and whether its platform call may be under way. */
  private static final class InFlight {
    final Claimed row;
    volatile boolean sending;

    InFlight(Claimed row) {
      this.row = row;
    }
  }

  /** Rows of a platform are claimed only once its messenger is here. */
  public DeliveryWorker register(Messenger messenger) {
    lanes.put(messenger.platform(), new Lane(messenger, settings.inFlightPerPlatform()));
    return this;
  }

  /** Also tells {@code listener} every outcome (the worker's own {@link #counts()} always do). */
  public DeliveryWorker listen(DeliveryListener listener) {
    listeners.add(listener);
    return this;
  }

  /** Every outcome since the worker was built, per outcome, kind and platform. */
  public DeliveryCounts counts() {
    return counts;
  }

  public Optional<Instant> pausedUntil(Platform platform) {
    Lane lane = lanes.get(platform);
    return lane == null || lane.pausedUntil.equals(Instant.MIN)
        ? Optional.empty()
        : Optional.of(lane.pausedUntil);
  }

  // ---- one round on the calling thread (the console, tests)

  /**
   * Sends everything due now, one row after another on the calling thread (the console's output
   * keeps its order); returns how many rows were handled (sent, retried or ended).
   */
  public int drainDue() {
    int handled = 0;
    boolean claimed = true;
    while (claimed && !stopping) {
      claimed = false;
      for (Map.Entry<Platform, Lane> entry : lanes.entrySet()) {
        Instant now = clock.instant();
        if (entry.getValue().pausedUntil.isAfter(now)) {
          continue;
        }
        List<Claimed> batch =
            transactions.inTransaction(
                () -> queue.claim(now, entry.getKey(), settings.claimBatch()));
        if (batch.isEmpty()) {
          continue;
        }
        claimed = true;
        batch.forEach(row -> held.put(row.id(), new InFlight(row)));
        List<DeliveryComposer.Composed> composed = composeAll(batch);
        for (int i = 0; i < batch.size(); i++) {
          deliver(entry.getValue(), batch.get(i), composed.get(i), direct);
          handled++;
        }
      }
    }
    return handled;
  }

  // ---- in the background

  /**
   * Drains in the background: claims whenever a platform has room, waking every {@code poll} or
   * when {@link #wake()} is called.
   */
  public synchronized void start(Duration poll) {
    if (background != null) {
      return;
    }
    background = new Background();
    claimer =
        Thread.ofPlatform()
            .name("outbox-claim")
            .daemon(true)
            .start(
                () -> {
                  while (!stopping) {
                    boolean claimed = false;
                    try {
                      claimed = claimRound();
                      outages.reachable();
                    } catch (DatabaseUnavailable e) {
                      outages.unavailable("Claiming deliveries", e);
                    } catch (RuntimeException e) {
                      log.error("Claiming deliveries failed; trying again shortly", e);
                    }
                    if (!claimed && !stopping) {
                      LockSupport.parkNanos(poll.toNanos());
                    }
                  }
                });
  }

  /** What runs only in the background: senders, batched marks, lease renewal. */
  private final class Background {
    final ExecutorService senders =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("outbox-send-", 0).factory());
    final GroupCommit<Held, Boolean> sendingMarks =
        new GroupCommit<>(
            "outbox-mark-sending",
            1_000,
            rows -> {
              Set<Long> ours =
                  transactions.inTransaction(() -> queue.markSending(rows, clock.instant()));
              return rows.stream().map(r -> ours.contains(r.id())).toList();
            });
    final GroupCommit<Mark, Boolean> finishMarks =
        new GroupCommit<>(
            "outbox-mark-done",
            1_000,
            marks -> {
              transactions.run(() -> queue.finish(marks, clock.instant()));
              return marks.stream().map(m -> Boolean.TRUE).toList();
            });
    final ScheduledExecutorService renewer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("outbox-lease").daemon(true).factory());

    Background() {
      long every = Math.max(1, queue.lease().toMillis() / 3);
      renewer.scheduleWithFixedDelay(
          DeliveryWorker.this::renewLeases, every, every, TimeUnit.MILLISECONDS);
    }

    final Marks marks =
        new Marks() {
          @Override
          public boolean sending(Held row) {
            return sendingMarks.submit(row).join();
          }

          @Override
          public void finish(Mark mark) {
            finishMarks.submit(mark).join();
          }
        };
  }

  /** Claims a batch for every platform with room; true when anything was claimed. */
  private boolean claimRound() {
    Background bg = background;
    boolean claimedAny = false;
    for (Map.Entry<Platform, Lane> entry : lanes.entrySet()) {
      Lane lane = entry.getValue();
      Instant now = clock.instant();
      int room = lane.free.availablePermits();
      int capacity = settings.inFlightPerPlatform();
      // claim in batches: wait for a quarter of the room unless the lane is idle
      int worthIt = Math.max(1, Math.min(settings.claimBatch(), capacity) / 4);
      if (stopping || lane.pausedUntil.isAfter(now) || room < Math.min(worthIt, capacity)) {
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
      batch.forEach(row -> held.put(row.id(), new InFlight(row)));
      bg.senders.execute(() -> composeAndSend(lane, batch, bg));
    }
    return claimedAny;
  }

  private void composeAndSend(Lane lane, List<Claimed> batch, Background bg) {
    List<DeliveryComposer.Composed> composed;
    try {
      composed = composeAll(batch);
    } catch (RuntimeException e) {
      // not renewed any more: their leases run out and they are claimed again
      log.error("Composing {} deliveries failed", batch.size(), e);
      batch.forEach(row -> held.remove(row.id()));
      lane.free.release(batch.size());
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      Claimed row = batch.get(i);
      DeliveryComposer.Composed one = composed.get(i);
      bg.senders.execute(
          () -> {
            try {
              deliver(lane, row, one, bg.marks);
            } catch (RuntimeException e) {
              log.error("Delivering outbox row {} failed", row.id(), e);
            } finally {
              lane.free.release();
              Thread c = claimer;
              if (c != null) {
                LockSupport.unpark(c);
              }
            }
          });
    }
  }

  /** New rows are in the outbox: look now rather than at the next poll. */
  public void wake() {
    Thread c = claimer;
    if (c != null) {
      LockSupport.unpark(c);
    }
  }

  private void renewLeases() {
    if (held.isEmpty() || halted) {
      return;
    }
    List<Held> rows = held.values().stream().map(f -> f.row.held()).toList();
    try {
      transactions.inTransaction(() -> queue.renew(rows, clock.instant()));
    } catch (RuntimeException e) {
      log.warn("Renewing the leases of {} deliveries failed", rows.size(), e);
    }
  }

  // ---- one row

  /** Where marks go: straight to the database, or batched with other senders'. */
  private interface Marks {
    boolean sending(Held row);

    void finish(Mark mark);
  }

  private final Marks direct =
      new Marks() {
        @Override
        public boolean sending(Held row) {
          return transactions
              .inTransaction(() -> queue.markSending(List.of(row), clock.instant()))
              .contains(row.id());
        }

        @Override
        public void finish(Mark mark) {
          transactions.run(() -> queue.finish(List.of(mark), clock.instant()));
        }
      };

  private List<DeliveryComposer.Composed> composeAll(List<Claimed> batch) {
    try {
      return transactions.inTransaction(() -> composer.composeAll(batch, clock.instant()));
    } catch (RuntimeException batchFailed) {
      // one row's trouble must not hold up the others: compose each on its own
      List<DeliveryComposer.Composed> each = new ArrayList<>(batch.size());
      for (Claimed row : batch) {
        each.add(composeOne(row));
      }
      return each;
    }
  }

  private DeliveryComposer.Composed composeOne(Claimed row) {
    try {
      return transactions.inTransaction(() -> composer.compose(row, clock.instant()));
    } catch (RuntimeException e) {
      log.error("Could not compose outbox row {}", row.id(), e);
      return new DeliveryComposer.Unsendable("compose: " + e.getClass().getSimpleName());
    }
  }

  private void deliver(Lane lane, Claimed row, DeliveryComposer.Composed composed, Marks marks) {
    InFlight flight = held.get(row.id());
    if (flight == null || stopping) {
      return; // given back at shutdown, or about to be
    }
    try {
      switch (composed) {
        case DeliveryComposer.Drop drop -> {
          marks.finish(
              Mark.closed(row.held(), OutboxStatus.DROPPED, clock.instant(), drop.reason()));
          count(drop.stale() ? DeliveryOutcome.DROPPED_STALE : DeliveryOutcome.DROPPED, row);
        }
        case DeliveryComposer.Unsendable bad -> fail(row, bad.reason(), marks);
        case DeliveryComposer.Send send -> send(lane, row, flight, send, marks);
      }
      held.remove(row.id());
    } catch (Released stillHeld) {
      // stays held: close() gives it back
    } catch (RuntimeException e) {
      // not renewed any more: its lease runs out and another attempt takes it (in doubt, if it
      // was being sent)
      held.remove(row.id());
      if (!halted) {
        throw e;
      }
    }
  }

  private void send(
      Lane lane, Claimed row, InFlight flight, DeliveryComposer.Send send, Marks marks) {
    Delivery delivery = send.delivery().withInDoubt(row.inDoubt());
    Pace pace;
    try {
      pace = lane.messenger.pace(delivery);
    } catch (RuntimeException e) {
      log.warn("Pacing outbox row {} failed; sending it now", row.id(), e);
      pace = Pace.NOW;
    }
    if (pace instanceof Pace.NotBefore later) {
      marks.finish(
          Mark.retry(
              row.held(),
              row.inDoubt().isPresent(),
              clock.instant().plus(later.after()),
              later.reason(),
              true));
      count(DeliveryOutcome.RATE_LIMITED, row);
      return;
    }
    Duration wait = ((Pace.Go) pace).after();
    if (!wait.isZero() && awaitStop(wait)) {
      throw new Released();
    }
    // marked before the call, so that a crash during it leaves the row in doubt, not pending
    flight.sending = true;
    if (stopping) {
      flight.sending = false;
      throw new Released();
    }
    if (!marks.sending(row.held())) {
      log.info(
          "Outbox row {}: its lease was lost before sending; another instance has it", row.id());
      return;
    }
    DeliveryResult result;
    try {
      result = lane.messenger.send(delivery);
    } catch (RuntimeException e) {
      log.warn("Sending outbox row {} through {} failed", row.id(), row.platform(), e);
      result = new DeliveryResult.Failed(e.getClass().getSimpleName());
    }
    if (halted) {
      return;
    }
    record(lane, row, send, result, marks);
  }

  /** A row given back at shutdown before its platform call: {@link #close} releases it. */
  private static final class Released extends RuntimeException {
    Released() {
      super("released at shutdown", null, false, false);
    }
  }

  /** Waits, unless the worker stops first; true when it stopped. */
  private boolean awaitStop(Duration wait) {
    try {
      return stopSignal.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private void record(
      Lane lane, Claimed row, DeliveryComposer.Send send, DeliveryResult result, Marks marks) {
    Instant now = clock.instant();
    boolean inDoubt = row.inDoubt().isPresent();
    switch (result) {
      case DeliveryResult.Sent sent -> {
        marks.finish(Mark.sent(row.held(), now, send.memberId(), sent.dmChannel()));
        count(sent.foundAlreadySent() ? DeliveryOutcome.ALREADY_SENT : DeliveryOutcome.SENT, row);
      }
      case DeliveryResult.RetryLater later -> {
        Instant at = now.plus(later.after());
        if (later.wholePlatform()) {
          synchronized (lane) {
            if (at.isAfter(lane.pausedUntil)) {
              lane.pausedUntil = at;
            }
          }
          log.info("{} asked to wait {} ({})", row.platform(), later.after(), later.reason());
        }
        // a wait the platform asked for is not a failed attempt; a timeout is
        marks.finish(Mark.retry(row.held(), inDoubt, at, later.reason(), later.rateLimited()));
        count(later.rateLimited() ? DeliveryOutcome.RATE_LIMITED : DeliveryOutcome.RETRIED, row);
      }
      case DeliveryResult.Unknown unknown -> {
        log.info("Outbox row {} may or may not have been sent: {}", row.id(), unknown.reason());
        marks.finish(
            Mark.retry(row.held(), true, now.plus(unknown.after()), unknown.reason(), false));
        count(DeliveryOutcome.RETRIED, row);
      }
      case DeliveryResult.Failed failed -> fail(row, failed.reason(), marks);
      case DeliveryResult.Unreachable gone -> unreachable(row, send, gone);
      case DeliveryResult.Unconfirmed unconfirmed -> {
        log.warn(
            "Outbox row {} was in doubt and cannot be checked; not sending it again: {}",
            row.id(),
            unconfirmed.reason());
        marks.finish(Mark.closed(row.held(), OutboxStatus.DROPPED, now, unconfirmed.reason()));
        count(DeliveryOutcome.UNCONFIRMED, row);
      }
    }
  }

  private void fail(Claimed row, String reason, Marks marks) {
    Instant now = clock.instant();
    if (row.attempts() >= MAX_ATTEMPTS) {
      log.warn("Outbox row {} failed {} times; giving up: {}", row.id(), row.attempts(), reason);
      marks.finish(Mark.closed(row.held(), OutboxStatus.FAILED, now, reason));
      count(DeliveryOutcome.FAILED, row);
      return;
    }
    marks.finish(
        Mark.retry(
            row.held(),
            row.inDoubt().isPresent(),
            now.plus(backoff(row.attempts())),
            reason,
            false));
    count(DeliveryOutcome.RETRIED, row);
  }

  /** 15 s, 30 s, 1 min, ... up to an hour. */
  static Duration backoff(int attempts) {
    long factor = 1L << Math.min(Math.max(attempts - 1, 0), 16);
    Duration wait = FIRST_BACKOFF.multipliedBy(factor);
    return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
  }

  private void unreachable(
      Claimed row, DeliveryComposer.Send send, DeliveryResult.Unreachable gone) {
    log.info("Outbox row {}: {} unreachable ({})", row.id(), gone.who(), gone.reason());
    Instant now = clock.instant();
    // rare, and it ends other rows too: written at once, in one transaction
    transactions.run(
        () -> {
          queue.finish(
              List.of(Mark.closed(row.held(), OutboxStatus.UNDELIVERABLE, now, gone.reason())),
              now);
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
    count(DeliveryOutcome.UNDELIVERABLE, row);
  }

  private void count(DeliveryOutcome outcome, Claimed row) {
    for (DeliveryListener listener : listeners) {
      try {
        listener.counted(outcome, row.kind(), row.platform());
      } catch (RuntimeException e) {
        log.warn("A delivery listener failed", e);
      }
    }
  }

  // ---- stopping

  /**
   * Stops claiming, lets the sends in progress finish (for the settings' grace at most) and marks
   * them, then gives every other row back at once: another instance picks it up without waiting for
   * its lease. A send still running after the grace is given back in doubt.
   */
  @Override
  public void close() {
    if (halted) {
      return;
    }
    stopping = true;
    stopSignal.countDown();
    wake();
    Background bg;
    synchronized (this) {
      bg = background;
    }
    Thread c = claimer;
    if (c != null) {
      try {
        c.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
    while (held.values().stream().anyMatch(f -> f.sending) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
    releaseHeld();
    if (bg != null) {
      bg.finishMarks.close();
      bg.sendingMarks.close();
      bg.renewer.shutdownNow();
      bg.senders.shutdownNow();
    }
  }

  private void releaseHeld() {
    if (held.isEmpty()) {
      return;
    }
    List<Held> notSent = new ArrayList<>();
    List<Held> sending = new ArrayList<>();
    for (InFlight flight : List.copyOf(held.values())) {
      (flight.sending ? sending : notSent).add(flight.row.held());
    }
    try {
      int released = transactions.inTransaction(() -> queue.release(notSent, sending));
      log.info(
          "Gave back {} deliveries at shutdown ({} of them in doubt)", released, sending.size());
      held.clear();
    } catch (RuntimeException e) {
      log.warn("Giving back {} deliveries failed; their leases run out", held.size(), e);
    }
  }

  /**
   * Stops at once and writes nothing more, as a crash would: rows held stay leased until their
   * leases run out, rows being sent are left in doubt. For tests of what other instances do then.
   */
  public void halt() {
    halted = true;
    stopping = true;
    stopSignal.countDown();
    Background bg = background;
    if (bg != null) {
      bg.sendingMarks.abandon();
      bg.finishMarks.abandon();
      bg.renewer.shutdownNow();
      bg.senders.shutdownNow();
    }
    Thread c = claimer;
    if (c != null) {
      c.interrupt();
    }
  }
}
