package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.delivery.DeliveryQueue.Claimed;
import io.roadmapcoach.core.delivery.DeliveryQueue.Held;
import io.roadmapcoach.core.tx.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows this instance holds, from their claim until their mark: whose leases to renew, which
 * platform calls may be under way, and what to give back at shutdown.
 */
final class HeldRows {
  private static final Logger log = LoggerFactory.getLogger(HeldRows.class);

  /** A row held, and whether its platform call may be under way. */
  static final class InFlight {
    final Claimed row;
    volatile boolean sending;

    InFlight(Claimed row) {
      this.row = row;
    }
  }

  private final Map<Long, InFlight> rows = new ConcurrentHashMap<>();

  void holdAll(List<Claimed> batch) {
    batch.forEach(row -> rows.put(row.id(), new InFlight(row)));
  }

  /** The row, while it is held; null once it was marked or given back. */
  InFlight get(long id) {
    return rows.get(id);
  }

  /** No longer held: marked, or left for its lease to run out. */
  void forget(long id) {
    rows.remove(id);
  }

  void forgetAll(List<Claimed> batch) {
    batch.forEach(row -> rows.remove(row.id()));
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  int size() {
    return rows.size();
  }

  boolean anySending() {
    return rows.values().stream().anyMatch(f -> f.sending);
  }

  /** The leases to renew. */
  List<Held> leases() {
    return rows.values().stream().map(f -> f.row.held()).toList();
  }

  /**
   * Gives every held row back at once (shutdown): claimable by any instance now. A row that was
   * being sent stays in doubt; one that never reached its platform call is not counted as tried.
   */
  void giveBack(DeliveryQueue queue, Transactions transactions) {
    if (rows.isEmpty()) {
      return;
    }
    List<Held> notSent = new ArrayList<>();
    List<Held> sending = new ArrayList<>();
    for (InFlight flight : List.copyOf(rows.values())) {
      (flight.sending ? sending : notSent).add(flight.row.held());
    }
    try {
      int released = transactions.inTransaction(() -> queue.release(notSent, sending));
      log.info(
          "Gave back {} deliveries at shutdown ({} of them in doubt)", released, sending.size());
      rows.clear();
    } catch (RuntimeException e) {
      log.warn("Giving back {} deliveries failed; their leases run out", rows.size(), e);
    }
  }
}
