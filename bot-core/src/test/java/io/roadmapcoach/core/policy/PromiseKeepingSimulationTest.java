package io.roadmapcoach.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.db.testing.PostgresExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The coach does what it says: hundreds of members with random zones, reminder times and days, by
 * DM or in their channel's post, snoozing, away, paused, with evening warnings and buddies, over
 * three simulated weeks ({@link Simulation}). Every nudge, quiz invitation and evening warning a
 * member's {@code status} promised came at the promised minute, and nothing of those came that was
 * not promised.
 *
 * <p>Seeded and reproducible: {@code -Dsimulation.seed=N} replays a run (the seed is in every
 * failure), {@code -Dsimulation.seed=random} draws one; {@code -Dsimulation.scale=N} multiplies the
 * members (the {@code soak} profile runs ten times as many).
 */
@ExtendWith(PostgresExtension.class)
class PromiseKeepingSimulationTest {
  /** The members of a run at scale 1. */
  static final int MEMBERS = 200;

  static final int WEEKS = 3;
  static final long DEFAULT_SEED = 23_2026L;

  @Test
  void everyPromiseIsKeptToTheMinuteAndNothingElseComes() {
    long seed = seed();
    int scale = Integer.parseInt(property("simulation.scale", "1"));
    Simulation run = new Simulation(seed, MEMBERS * scale, WEEKS);

    run.run();

    String which = "seed " + seed + " (-Dsimulation.seed=" + seed + "), from " + run.firstDay();
    Map<String, Integer> counts = run.counts();
    assertThat(run.broken())
        .as("promises broken, " + which + "; what happened: " + counts)
        .isEmpty();
    assertThat(counts)
        .as("what the run covered, " + which + ": " + counts)
        .containsKeys(
            "a nudge by DM",
            "a mention in the daily post",
            "a goodbye before a pause",
            "a quiz invitation",
            "quiz called in a channel",
            "quiz held back, promised",
            "an evening warning",
            "a buddy introduction",
            "away");
  }

  private static long seed() {
    String given = property("simulation.seed", "");
    if (given.isBlank()) {
      return DEFAULT_SEED;
    }
    return given.equals("random") ? System.nanoTime() : Long.parseLong(given.strip());
  }

  /** A system property, treating one Maven left unresolved as unset. */
  private static String property(String name, String otherwise) {
    String value = System.getProperty(name, otherwise);
    return value.startsWith("${") ? otherwise : value;
  }
}
