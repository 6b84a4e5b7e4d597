package io.roadmapcoach.slack.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.roadmapcoach.slack.testing.LogCapture;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What strangers can make the app say is said once in a while, the rest only at DEBUG. */
class QuietLogTest {
  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
  private final QuietLog quiet =
      new QuietLog(
          LoggerFactory.getLogger("io.roadmapcoach.slack.http.QuietLogTest"),
          org.slf4j.event.Level.WARN,
          nanos::get);

  @Test
  void aThousandLinesAreSaidOnceEveryTenSeconds() {
    LogCapture logs = new LogCapture();
    try (logs) {
      for (int i = 0; i < 1_000; i++) {
        quiet.say("refused request {}", i);
      }
      nanos.addAndGet(QuietLog.INTERVAL.plus(Duration.ofMillis(1)).toNanos());
      quiet.say("refused request {}", "later");
    }

    assertThat(logs.lines(Level.WARN))
        .containsExactly("refused request 0", "refused request later");
    assertThat(logs.lines(Level.DEBUG)).hasSize(1_001);
  }
}
