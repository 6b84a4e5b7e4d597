package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import io.roadmapcoach.core.delivery.DeliveryQueue.Claimed;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Drains the outbox through the platforms' messengers. In the background ({@link #start}) many
 * deliveries are in flight at once, each on a virtual thread of its own, up to a bound per platform
 * ({@link Lane}), so a slow call holds up nothing but itself; each messenger paces its platform
 * (per channel, route or workspace) and a 429 pauses only what it names. Claims and marks are
 * written a batch at a time ({@link BackgroundDrain}).
 *
 * <p>Never doubled: a row is marked as being sent under its attempt's id at the moment its
 * messenger writes the request that may create the message, after its place on the wire, its turn
 * and whatever the messenger looks up first ({@link RowSender}); a row left so by an instance that
 * died is in doubt, and its messenger checks before sending it again. A row that never got that far
 * is plainly pending again when its lease runs out. So a crash leaves in doubt only what was on the
 * wire: at most the messenger's {@link Messenger#onTheWirePerWorkspace() bound} per workspace
 * ({@link #onTheWire()}). Leases are short and renewed while an attempt runs; {@link #close} stops
 * claiming, finishes what is being sent (for a few seconds at most), gives everything else back at
 * once ({@link HeldRows}), and only then returns.
 *
 * <p>A failed send is retried with growing back-off, a limited number of times; an unreachable
 * recipient is marked so it is not tried again ({@link Outcomes}). Every outcome is counted ({@link
 * #counts()}).
 */
public final class DeliveryWorker implements AutoCloseable {
  public static final int MAX_ATTEMPTS = Outcomes.MAX_ATTEMPTS;

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
  private final Transactions transactions;
  private final Clock clock;
  private final Settings settings;
  private final Map<Platform, Lane> lanes = new ConcurrentHashMap<>();
  private final HeldRows held = new HeldRows();
  private final StopSignal stop = new StopSignal();
  private final Outcomes outcomes;
  private final Composing composing;
  private final RowSender sender;
  private final Marks direct;
  private volatile BackgroundDrain background;

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
    this.transactions = transactions;
    this.clock = clock;
    this.settings = settings;
    this.outcomes = new Outcomes(queue, transactions, clock);
    this.composing = new Composing(composer, transactions, clock);
    this.sender = new RowSender(held, outcomes, stop);
    this.direct = Marks.direct(queue, transactions, clock);
  }

  /** 15 s, 30 s, 1 min, ... up to an hour: the wait after a failed attempt. */
  static Duration backoff(int attempts) {
    return Outcomes.backoff(attempts);
  }

  /** Rows of a platform are claimed only once its messenger is here. */
  public DeliveryWorker register(Messenger messenger) {
    lanes.put(messenger.platform(), new Lane(messenger, settings.inFlightPerPlatform()));
    messenger.shareBudget(queue::budget);
    return this;
  }

  /** Tells {@code posting} of each channel that refuses a post, in the outcome's transaction. */
  public DeliveryWorker channelPosting(ChannelPosting posting) {
    outcomes.refusals(posting::refused);
    return this;
  }

  /** The messenger registered for a platform, if any: for asking it about a channel. */
  public Optional<Messenger> messenger(Platform platform) {
    return Optional.ofNullable(lanes.get(platform)).map(lane -> lane.messenger);
  }

  /** Also tells {@code listener} every outcome (the worker's own {@link #counts()} always do). */
  public DeliveryWorker listen(DeliveryListener listener) {
    outcomes.listen(listener);
    return this;
  }

  /** Every outcome since the worker was built, per outcome, kind and platform. */
  public DeliveryCounts counts() {
    return outcomes.counts();
  }

  /**
   * Deliveries written to their platforms and not yet marked again, now: what a crash at this
   * instant would leave in doubt.
   */
  public int onTheWire() {
    return lanes.values().stream().mapToInt(lane -> lane.wire.now()).sum();
  }

  /** The most deliveries one platform had on the wire at one instant since the worker was built. */
  public int mostOnTheWire() {
    return lanes.values().stream().mapToInt(lane -> lane.wire.most()).max().orElse(0);
  }

  /** Rows this worker holds now (composing, waiting for their turn, or being sent). */
  public int holding() {
    return held.size();
  }

  public Optional<Instant> pausedUntil(Platform platform) {
    Lane lane = lanes.get(platform);
    return lane == null ? Optional.empty() : lane.pausedUntil();
  }

  /**
   * Sends everything due now, one row after another on the calling thread (the console's output
   * keeps its order); returns how many rows were handled (sent, retried or ended).
   */
  public int drainDue() {
    int handled = 0;
    boolean claimed = true;
    while (claimed && !stop.stopping()) {
      claimed = false;
      for (Map.Entry<Platform, Lane> entry : lanes.entrySet()) {
        Instant now = clock.instant();
        if (entry.getValue().pausedAt(now)) {
          continue;
        }
        List<Claimed> batch =
            transactions.inTransaction(
                () -> queue.claim(now, entry.getKey(), settings.claimBatch()));
        if (batch.isEmpty()) {
          continue;
        }
        claimed = true;
        held.holdAll(batch);
        List<Composed> composed = composing.composeAll(batch);
        for (int i = 0; i < batch.size(); i++) {
          sender.deliver(entry.getValue(), batch.get(i), composed.get(i), direct);
          handled++;
        }
      }
    }
    return handled;
  }

  /**
   * Drains in the background: claims whenever a platform has room, waking every {@code poll} or
   * when {@link #wake()} is called.
   */
  public synchronized void start(Duration poll) {
    if (background != null) {
      return;
    }
    background =
        new BackgroundDrain(
            queue, transactions, clock, settings, lanes, held, composing, sender, stop);
    background.start(poll);
  }

  /** New rows are in the outbox: look now rather than at the next poll. */
  public void wake() {
    BackgroundDrain bg = background;
    if (bg != null) {
      bg.wake();
    }
  }

  /**
   * Stops claiming, lets the sends in progress finish (for the settings' grace at most) and marks
   * them, then gives every other row back at once: another instance picks it up without waiting for
   * its lease. A send still running after the grace is given back in doubt.
   */
  @Override
  public void close() {
    if (stop.halted()) {
      return;
    }
    stop.stop();
    BackgroundDrain bg;
    synchronized (this) {
      bg = background;
    }
    if (bg != null) {
      bg.wake();
      bg.awaitClaimer();
    }
    long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
    while (held.anySending() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
    held.giveBack(queue, transactions);
    if (bg != null) {
      bg.close();
    }
  }

  /**
   * Stops at once and writes nothing more, as a crash would: rows held stay leased until their
   * leases run out, rows being sent are left in doubt. For tests of what other instances do then.
   */
  public void halt() {
    stop.halt();
    BackgroundDrain bg = background;
    if (bg != null) {
      bg.abandon();
    }
  }
}
