package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.caller.Platform;

/**
 * The outbound port each platform adapter implements: sends one delivery and says how it went.
 * Called by the delivery worker from many threads at once (never concurrently for the same
 * delivery), so implementations are thread-safe and may block: each send has a virtual thread of
 * its own. Implementations do not retry on their own beyond the platform client's built-in
 * handling; they report {@link DeliveryResult.RetryLater} and the worker reschedules the row.
 *
 * <p>The worker first asks for the delivery's {@link #pace turn}, then marks the row as being sent,
 * then calls {@link #send}. A delivery whose {@link Delivery#inDoubt()} is set may already be on
 * the platform: the messenger checks before sending it again, or says it cannot ({@link
 * DeliveryResult.Unconfirmed}).
 */
public interface Messenger {

  Platform platform();

  /**
   * Reserves the delivery's turn under the platform's rate limits (per channel, per route, per
   * workspace, global). Nothing is sent here. By default every delivery may go at once.
   */
  default Pace pace(Delivery delivery) {
    return Pace.NOW;
  }

  DeliveryResult send(Delivery delivery);
}
