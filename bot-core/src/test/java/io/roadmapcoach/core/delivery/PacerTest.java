package io.roadmapcoach.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacerTest {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final AtomicLong now = new AtomicLong(1_000 * SECOND);

  @Test
  void eachKeyGetsOneSlotASecondAndFarSlotsAreNotReserved() {
    Pacer pacer = new Pacer(Duration.ofSeconds(1), Duration.ofSeconds(3), now::get);

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

  @Test
  void aPauseHoldsBackOnlyItsKeyForAsLongAsAsked() {
    Pacer pacer = new Pacer(Duration.ZERO, Duration.ofSeconds(3), now::get);

    pacer.pause("C1", Duration.ofSeconds(30));

    assertThat(pacer.turn("C1", 1, "paused"))
        .isEqualTo(new Pace.NotBefore(Duration.ofSeconds(30), "paused"));
    assertThat(pacer.turn("C2", 1, "paused")).isEqualTo(Pace.NOW);
    assertThat(pacer.heldFor("C1")).isEqualTo(Duration.ofSeconds(30));

    now.addAndGet(30 * SECOND);
    assertThat(pacer.turn("C1", 1, "paused")).isEqualTo(Pace.NOW);
  }

  @Test
  void aShorterPauseDoesNotCutALongerOneShort() {
    Pacer pacer = new Pacer(Duration.ZERO, Duration.ofSeconds(3), now::get);

    pacer.pause("C1", Duration.ofSeconds(30));
    pacer.pause("C1", Duration.ofSeconds(5));

    assertThat(pacer.heldFor("C1")).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void fiftyASecondSpacesCallsTwentyMillisecondsApartAndADeliveryMayTakeTwo() {
    Pacer pacer = new Pacer(Duration.ofMillis(20), Duration.ofSeconds(1), now::get);

    assertThat(pacer.reserve("global", 2)).isZero();
    assertThat(pacer.reserve("global")).isEqualTo(Duration.ofMillis(40).toNanos());
  }
}
