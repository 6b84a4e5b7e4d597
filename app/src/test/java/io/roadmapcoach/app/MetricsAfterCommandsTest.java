package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.db.testing.ClusterTemplates;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After real commands, {@code /metrics} explains them: what ran, how it ended, how long it took.
 */
class MetricsAfterCommandsTest {

  @Test
  void commandsByNamePlatformAndOutcomeLatencyRoutinesThePoolAndTheOutboxAreScraped(
      @TempDir Path dir) throws Exception {
    try (EmbeddedPostgres postgres = ClusterTemplates.startEmpty();
        RunningServer server =
            new RunningServer(postgres.getJdbcUrl("postgres", "postgres"), dir)) {
      server.command("UANA", "start");
      server.command("UANA", "status");
      server.command("UANA", "done 1");
      server.command("UANA", "dance");
      server.command("UANA", "done");
      server.command("UBOB", "start");
      server.command("UBOB", "team"); // only leads may: ana leads, being first
      server.command("UANA", "nudge <@UBOB>"); // one delivery in the outbox
      server.runRoutines();

      String metrics = server.metrics();

      assertThat(sample(metrics, "roadmap_commands_total", "command=\"status\"", "outcome=\"ok\""))
          .contains(1.0);
      assertThat(sample(metrics, "roadmap_commands_total", "command=\"start\"", "outcome=\"ok\""))
          .contains(2.0);
      assertThat(
              sample(
                  metrics, "roadmap_commands_total", "command=\"unknown\"", "outcome=\"invalid\""))
          .contains(1.0);
      assertThat(
              sample(
                  metrics, "roadmap_commands_total", "command=\"invalid\"", "outcome=\"invalid\""))
          .contains(1.0);
      assertThat(
              sample(metrics, "roadmap_commands_total", "command=\"team\"", "outcome=\"refused\""))
          .contains(1.0);
      assertThat(metrics).contains("platform=\"slack\"");
      assertThat(sample(metrics, "roadmap_command_latency_seconds_count", "command=\"start\""))
          .contains(2.0);
      assertThat(lines(metrics, "roadmap_command_latency_seconds_bucket", "command=\"status\""))
          .as("a histogram of buckets")
          .hasSizeGreaterThan(5);
      assertThat(
              sample(
                  metrics,
                  "roadmap_routine_duration_seconds_count",
                  "routine=\"nudge-sweep\"",
                  "outcome=\"ok\""))
          .hasValueSatisfying(runs -> assertThat(runs).isGreaterThanOrEqualTo(1.0));
      assertThat(sample(metrics, "roadmap_routine_rows_total", "routine=\"nudge-sweep\""))
          .isPresent();
      assertThat(sample(metrics, "roadmap_quartz_misfires_total", "routine=\"weekly-quiz\""))
          .contains(0.0);
      assertThat(sample(metrics, "roadmap_outbox_pending")).isPresent();
      assertThat(sample(metrics, "roadmap_outbox_oldest_due_seconds")).isPresent();
      assertThat(sample(metrics, "hikaricp_connections_max", "pool=\"roadmap\"")).contains(4.0);
      assertThat(lines(metrics, "hikaricp_connections_acquire_seconds_count")).isNotEmpty();
    }
  }

  /** The value of the one sample of {@code name} whose labels include all of {@code labels}. */
  static Optional<Double> sample(String metrics, String name, String... labels) {
    List<String> found = lines(metrics, name, labels);
    if (found.size() > 1) {
      throw new AssertionError(
          "more than one " + name + " " + Arrays.toString(labels) + ": " + found);
    }
    return found.stream()
        .findFirst()
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
  }

  static List<String> lines(String metrics, String name, String... labels) {
    return metrics
        .lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> Arrays.stream(labels).allMatch(line::contains))
        .toList();
  }
}
