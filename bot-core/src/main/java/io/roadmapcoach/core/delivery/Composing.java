package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import io.roadmapcoach.core.delivery.DeliveryQueue.Claimed;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a claimed batch as messages, in one transaction; when the batch fails, each row on its
 * own, so one row's trouble does not hold up the others (a row that cannot be written is retried
 * with back-off, as unsendable).
 */
final class Composing {
  private static final Logger log = LoggerFactory.getLogger(Composing.class);

  private final DeliveryComposer composer;
  private final Transactions transactions;
  private final Clock clock;

  Composing(DeliveryComposer composer, Transactions transactions, Clock clock) {
    this.composer = composer;
    this.transactions = transactions;
    this.clock = clock;
  }

  List<Composed> composeAll(List<Claimed> batch) {
    try {
      return transactions.inTransaction(() -> composer.composeAll(batch, clock.instant()));
    } catch (RuntimeException batchFailed) {
      List<Composed> each = new ArrayList<>(batch.size());
      for (Claimed row : batch) {
        each.add(composeOne(row));
      }
      return each;
    }
  }

  private Composed composeOne(Claimed row) {
    try {
      return transactions.inTransaction(() -> composer.compose(row, clock.instant()));
    } catch (RuntimeException e) {
      log.error("Could not compose outbox row {}", row.id(), e);
      return new DeliveryComposer.Unsendable("compose: " + e.getClass().getSimpleName());
    }
  }
}
