package io.roadmapcoach.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnTheWireTest {
  private final StopSignal running = new StopSignal();

  private static OnTheWire.Place place(OnTheWire.Taken taken) {
    assertThat(taken).isInstanceOf(OnTheWire.Place.class);
    return (OnTheWire.Place) taken;
  }

  @Test
  void aWorkspaceHasNoMorePlacesThanTheBoundAndAnotherWorkspaceIsNotHeldUp() {
    OnTheWire wire = new OnTheWire(2);
    List<OnTheWire.Place> first = new ArrayList<>();
    first.add(place(wire.take(1, running)));
    first.add(place(wire.take(1, running)));

    long start = System.nanoTime();
    OnTheWire.Taken third = wire.take(1, running);

    assertThat(third).isInstanceOf(OnTheWire.Full.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("waited for a place before giving up")
        .isGreaterThanOrEqualTo(OnTheWire.MAX_WAIT.minusMillis(50));
    assertThat(wire.take(2, running)).isInstanceOf(OnTheWire.Place.class);
  }

  @Test
  void onlyWhatWasWrittenCountsAsOnTheWireAndTheMostIsKept() {
    OnTheWire wire = new OnTheWire(3);
    OnTheWire.Place a = place(wire.take(1, running));
    OnTheWire.Place b = place(wire.take(1, running));
    OnTheWire.Place c = place(wire.take(1, running));

    a.written();
    b.written();
    b.written();
    assertThat(wire.now()).isEqualTo(2);

    a.release();
    b.release();
    c.release();
    c.release();
    assertThat(wire.now()).isZero();
    assertThat(wire.most()).isEqualTo(2);
    assertThat(wire.take(1, running))
        .as("every place free again")
        .isInstanceOf(OnTheWire.Place.class);
  }

  @Test
  void deliveriesSentBackComeBackSpacedByHowLongAPlaceWasHeld() {
    long[] now = {0};
    OnTheWire wire = new OnTheWire(1, Duration.ofMillis(20), () -> now[0]);
    OnTheWire.Place held = place(wire.take(1, running));
    held.written();
    now[0] += Duration.ofSeconds(20).toNanos();
    held.release(); // a slow platform: the average hold moves toward 20 s

    List<Duration> comeBacks = new ArrayList<>();
    OnTheWire.Place busy = place(wire.take(1, running));
    for (int i = 0; i < 3; i++) {
      OnTheWire.Taken taken = wire.take(1, running);
      comeBacks.add(((OnTheWire.Full) taken).after());
    }
    busy.release();

    assertThat(comeBacks.get(0)).isGreaterThan(Duration.ofSeconds(1));
    assertThat(comeBacks.get(1)).isGreaterThan(comeBacks.get(0));
    assertThat(comeBacks.get(2).minus(comeBacks.get(1)))
        .as("one place's hold apart")
        .isEqualTo(comeBacks.get(1).minus(comeBacks.get(0)));
  }

  @Test
  void withoutABoundAPlaceIsThereAtOnceAndAStoppingWorkerTakesNone() {
    OnTheWire unbounded = new OnTheWire(Integer.MAX_VALUE);
    for (int i = 0; i < 1_000; i++) {
      place(unbounded.take(1, running));
    }
    OnTheWire wire = new OnTheWire(1);
    place(wire.take(1, running));
    StopSignal stopping = new StopSignal();
    stopping.stop();

    assertThat(wire.take(1, stopping)).isInstanceOf(OnTheWire.Stopped.class);
  }
}
