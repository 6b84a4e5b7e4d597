package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.caller.Platform;

/**
 * The outbound port each platform adapter implements: sends one delivery and says how it went.
 * Called by the delivery worker, never concurrently for the same delivery. Implementations do not
 * retry on their own beyond the platform client's built-in handling; they report {@link
 * DeliveryResult.RetryLater} and the worker reschedules the row.
 */
public interface Messenger {

  Platform platform();

  DeliveryResult send(Delivery delivery);
}
