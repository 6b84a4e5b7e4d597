package io.roadmapcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChannelPacerTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  @Test
  void eachChannelGetsOneSlotASecondAndFarSlotsAreNotReserved() {
    AtomicLong now = new AtomicLong(1_000 * SECOND);
    ChannelPacer pacer = new ChannelPacer(Duration.ofSeconds(1), Duration.ofSeconds(3), now::get);

    assertThat(pacer.reserve("C1")).isZero();
    assertThat(pacer.reserve("C1")).isEqualTo(SECOND);
    assertThat(pacer.reserve("C2")).isZero();
    assertThat(pacer.reserve("C1")).isEqualTo(2 * SECOND);
    assertThat(pacer.reserve("C1")).isEqualTo(3 * SECOND);
    assertThat(pacer.reserve("C1")).isEqualTo(-4 * SECOND); // too far: come back later
    assertThat(pacer.reserve("C1")).isEqualTo(-4 * SECOND); // and nothing was reserved

    now.addAndGet(10 * SECOND);
    assertThat(pacer.reserve("C1")).isZero();
  }
}
