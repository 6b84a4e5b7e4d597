package io.roadmapcoach.slack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import io.roadmapcoach.slack.testing.FakeSlack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The Web API client keeps its connections to Slack and reuses them, burst after burst. */
class SlackClientsTest {
  @Test
  void burstsOfCallsReuseTheConnectionsOfTheFirst() throws Exception {
    int atOnce = 64;
    int bursts = 4;
    try (FakeSlack fake = new FakeSlack();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Slack slack = SlackClients.webApi(fake.apiUrl());
      int calls = 0;
      for (int burst = 0; burst < bursts; burst++) {
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < atOnce; i++) {
          answers.add(threads.submit(() -> slack.methods("xoxb-test").authTest(r -> r).isOk()));
        }
        for (Future<Boolean> answer : answers) {
          assertThat(answer.get()).isTrue();
          calls++;
        }
      }

      assertThat(calls).isEqualTo(atOnce * bursts);
      // the default pool kept five idle connections: each burst then opened about 59 anew
      assertThat(fake.connectionsOpened())
          .as("connections opened for %d calls, %d at once", calls, atOnce)
          .isLessThanOrEqualTo(atOnce);
    }
  }
}
