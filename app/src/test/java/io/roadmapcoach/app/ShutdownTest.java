package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The order and the bounds of a stop, without a JVM to stop. */
class ShutdownTest {
  private final List<String> stopped = new CopyOnWriteArrayList<>();

  @Test
  void partsStopOnceEachNewestFirstWhoeverAsks() {
    Shutdown shutdown = new Shutdown(Duration.ofSeconds(1), Duration.ofSeconds(2));
    shutdown.register("database", () -> stopped.add("database"));
    shutdown.register("scheduler", () -> stopped.add("scheduler"));
    shutdown.register("http", () -> stopped.add("http"));

    shutdown.stopAll();
    shutdown.onSignal();

    assertThat(stopped).containsExactly("http", "scheduler", "database");
    assertThat(shutdown.requested()).isTrue();
  }

  @Test
  void aSignalLetsWorkInFlightFinishBeforeStopping() throws Exception {
    Shutdown shutdown = new Shutdown(Duration.ofSeconds(5), Duration.ofSeconds(8));
    shutdown.register("database", () -> stopped.add("database"));
    shutdown.workStarted();
    Thread.ofPlatform()
        .start(
            () -> {
              sleep(300);
              stopped.add("command finished");
              shutdown.workEnded();
            });

    shutdown.onSignal();

    assertThat(stopped).containsExactly("command finished", "database");
  }

  @Test
  void aHangingPartIsSteppedPastSoThatTheDatabaseStillStops() throws Exception {
    Shutdown shutdown = new Shutdown(Duration.ofMillis(200), Duration.ofMillis(500));
    CountDownLatch hanging = new CountDownLatch(1);
    shutdown.register("database", () -> stopped.add("database"));
    shutdown.register(
        "discord",
        () -> {
          hanging.countDown();
          sleep(60_000);
        });
    Thread main = Thread.ofPlatform().daemon().start(shutdown::stopAll);
    assertThat(hanging.await(5, TimeUnit.SECONDS)).isTrue();

    long started = System.nanoTime();
    shutdown.onSignal();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(stopped).containsExactly("database");
    main.interrupt();
  }

  @Test
  void aStopRequestWakesTheWaitingMainThread() throws Exception {
    Shutdown shutdown = new Shutdown();
    CountDownLatch woke = new CountDownLatch(1);
    Thread.ofPlatform()
        .start(
            () -> {
              try {
                shutdown.awaitRequest();
                woke.countDown();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    shutdown.request();

    assertThat(woke.await(5, TimeUnit.SECONDS)).isTrue();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
