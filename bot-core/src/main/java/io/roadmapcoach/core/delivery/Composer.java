package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.delivery.DeliveryComposer.Composed;
import java.time.Instant;

/**
 * Writes one kind of outbox row as a message, from the state at sending time. The feature that a
 * delivery belongs to owns its wording (the nudge in {@code progress}, the weekly quiz in {@code
 * quiz}, the channel's daily post in {@code lead}); the delivery worker only routes by kind.
 */
@FunctionalInterface
public interface Composer {
  Composed compose(DeliveryQueue.Claimed row, Instant now);
}
