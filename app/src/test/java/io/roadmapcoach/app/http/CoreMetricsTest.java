package io.roadmapcoach.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.delivery.DeliveryListener;
import io.roadmapcoach.core.delivery.DeliveryOutcome;
import org.junit.jupiter.api.Test;

class CoreMetricsTest {

  @Test
  void deliveriesAreCountedByOutcomeKindAndPlatform() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DeliveryListener deliveries = new CoreMetrics(registry).deliveries();

    deliveries.counted(DeliveryOutcome.SENT, DeliveryKind.NUDGE, Platform.SLACK);
    deliveries.counted(DeliveryOutcome.SENT, DeliveryKind.NUDGE, Platform.SLACK);
    deliveries.counted(DeliveryOutcome.DROPPED_STALE, DeliveryKind.NUDGE, Platform.DISCORD);

    assertThat(
            registry
                .get("roadmap.deliveries")
                .tags("outcome", "sent", "kind", "nudge", "platform", "slack")
                .counter()
                .count())
        .isEqualTo(2.0);
    assertThat(
            registry
                .get("roadmap.deliveries")
                .tags("outcome", "dropped_stale", "kind", "nudge", "platform", "discord")
                .counter()
                .count())
        .isEqualTo(1.0);
  }
}
