package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.caller.Platform;

/**
 * Hears every delivery outcome of a worker, for metrics. Called from many threads; never blocks.
 */
@FunctionalInterface
public interface DeliveryListener {
  void counted(DeliveryOutcome outcome, DeliveryKind kind, Platform platform);
}
