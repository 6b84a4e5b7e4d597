package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one kind of outbox row as a message, from the state at sending time. The feature that a
 * delivery belongs to owns its wording (the nudge in {@code progress}, the weekly quiz in {@code
 * quiz}, the channel's daily post in {@code lead}); the delivery worker only routes by kind.
 */
@FunctionalInterface
public interface Composer {
  Composed compose(DeliveryQueue.Claimed row, Instant now);

  /**
   * A batch of rows of this kind, in order. One at a time unless the kind reads what it needs for
   * the whole batch at once (the daily nudge, by far the most numerous).
   */
  default List<Composed> composeAll(List<DeliveryQueue.Claimed> rows, Instant now) {
    List<Composed> composed = new ArrayList<>(rows.size());
    for (DeliveryQueue.Claimed row : rows) {
      composed.add(compose(row, now));
    }
    return composed;
  }
}
