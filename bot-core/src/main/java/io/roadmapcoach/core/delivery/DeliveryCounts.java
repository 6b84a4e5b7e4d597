package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.caller.Platform;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of a worker's outcomes per outcome, kind and platform, since it was built: what a
 * metrics registry reads (counters named by {@link DeliveryOutcome#key()}, tagged by kind and
 * platform).
 */
public final class DeliveryCounts implements DeliveryListener {
  private static final int KINDS = DeliveryKind.values().length;
  private static final int PLATFORMS = Platform.values().length;

  private final Map<DeliveryOutcome, LongAdder[]> counts = new EnumMap<>(DeliveryOutcome.class);

  public DeliveryCounts() {
    for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
      LongAdder[] cells = new LongAdder[KINDS * PLATFORMS];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = new LongAdder();
      }
      counts.put(outcome, cells);
    }
  }

  @Override
  public void counted(DeliveryOutcome outcome, DeliveryKind kind, Platform platform) {
    counts.get(outcome)[kind.ordinal() * PLATFORMS + platform.ordinal()].increment();
  }

  public long count(DeliveryOutcome outcome, DeliveryKind kind, Platform platform) {
    return counts.get(outcome)[kind.ordinal() * PLATFORMS + platform.ordinal()].sum();
  }

  /** Across every kind and platform. */
  public long total(DeliveryOutcome outcome) {
    long sum = 0;
    for (LongAdder cell : counts.get(outcome)) {
      sum += cell.sum();
    }
    return sum;
  }
}
