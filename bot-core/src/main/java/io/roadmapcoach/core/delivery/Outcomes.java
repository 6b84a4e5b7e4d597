package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.delivery.DeliveryComposer.Drop;
import io.roadmapcoach.core.delivery.DeliveryComposer.Send;
import io.roadmapcoach.core.delivery.DeliveryQueue.Claimed;
import io.roadmapcoach.core.delivery.DeliveryQueue.Mark;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an attempt ended, as a mark on its row and a count: sent; retried with growing back-off, a
 * limited number of times; paused when the platform asks; dropped; or ended with the recipient
 * marked unreachable so it is not tried again. Every outcome is told to the listeners.
 */
final class Outcomes {
  static final int MAX_ATTEMPTS = 8;
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(15);
  static final Duration LONGEST_BACKOFF = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

  private final DeliveryQueue queue;
  private final Transactions transactions;
  private final Clock clock;
  private final DeliveryCounts counts = new DeliveryCounts();
  private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>(List.of(counts));

  /** Who hears of a channel that refused a post, and how posts there stop (ChannelPosting). */
  interface ChannelRefusals {
    void refused(long channelId, ChannelAccess access, Instant now);
  }

  private volatile ChannelRefusals refusals = (channelId, access, now) -> {};

  void refusals(ChannelRefusals value) {
    this.refusals = value;
  }

  Outcomes(DeliveryQueue queue, Transactions transactions, Clock clock) {
    this.queue = queue;
    this.transactions = transactions;
    this.clock = clock;
  }

  DeliveryCounts counts() {
    return counts;
  }

  void listen(DeliveryListener listener) {
    listeners.add(listener);
  }

  /** 15 s, 30 s, 1 min, ... up to an hour. */
  static Duration backoff(int attempts) {
    long factor = 1L << Math.min(Math.max(attempts - 1, 0), 16);
    Duration wait = FIRST_BACKOFF.multipliedBy(factor);
    return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
  }

  /** Not worth sending any more: ended, counted apart when it was found too late. */
  void dropped(Claimed row, Drop drop, Marks marks) {
    marks.finish(Mark.closed(row.held(), OutboxStatus.DROPPED, clock.instant(), drop.reason()));
    count(drop.stale() ? DeliveryOutcome.DROPPED_STALE : DeliveryOutcome.DROPPED, row);
  }

  /** Its turn is further away than a sender waits: tried again then, the attempt not counted. */
  void notYet(Claimed row, Pace.NotBefore later, Marks marks) {
    marks.finish(
        Mark.retry(
            row.held(),
            row.inDoubt().isPresent(),
            clock.instant().plus(later.after()),
            later.reason(),
            true));
    count(DeliveryOutcome.RATE_LIMITED, row);
  }

  /** What the platform said of the send. */
  void sent(Lane lane, Claimed row, Send send, DeliveryResult result, Marks marks) {
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
          lane.pauseUntil(at);
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
      case DeliveryResult.Failed failed -> failed(row, failed.reason(), marks);
      case DeliveryResult.Unreachable gone -> unreachable(row, send, gone);
      case DeliveryResult.Withdrawn withdrawn -> {
        // nothing was written and the row is no longer this attempt's: nothing to mark
      }
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

  /** A failed attempt: tried again after {@link #backoff}, or given up after the last. */
  void failed(Claimed row, String reason, Marks marks) {
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

  private void unreachable(Claimed row, Send send, DeliveryResult.Unreachable gone) {
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
            case CHANNEL ->
                send.channelId()
                    .ifPresent(
                        id -> {
                          queue.channelUnreachable(id);
                          gone.access().ifPresent(access -> refusals.refused(id, access, now));
                        });
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
}
