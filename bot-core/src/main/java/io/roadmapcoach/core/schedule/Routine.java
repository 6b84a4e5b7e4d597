package io.roadmapcoach.core.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * A named piece of scheduled work that handles what fell due in a stretch of time. Quartz runs
 * every routine each minute; the console's moving clock runs the same list minute by minute.
 *
 * @param name stable: it names the routine's Quartz job and its mark in the database
 * @param every how often it runs: a minute, or a whole number of minutes dividing an hour or a day
 * @param work what to do for the time {@code (from, to]}
 */
public record Routine(String name, Duration every, Work work) {

  public static final Duration EVERY_MINUTE = Duration.ofMinutes(1);

  public Routine {
    if (every.toMinutes() < 1 || every.toSeconds() % 60 != 0) {
      throw new IllegalArgumentException(name + " must run every whole number of minutes");
    }
  }

  public Routine(String name, Work work) {
    this(name, EVERY_MINUTE, work);
  }

  /** Whether a run is due at the minute {@code at} (minutes count from the epoch, in UTC). */
  public boolean dueAt(Instant at) {
    return at.getEpochSecond() / 60 % every.toMinutes() == 0;
  }

  /** Quartz's cron expression for this routine's cadence. */
  public String cron() {
    long minutes = every.toMinutes();
    if (minutes == 1) {
      return "0 * * * * ?";
    }
    if (minutes < 60) {
      return "0 0/" + minutes + " * * * ?";
    }
    return "0 0 0/" + (minutes / 60) + " * * ?";
  }

  /** Handles what fell due in {@code (from, to]}; returns how many deliveries it enqueued. */
  @FunctionalInterface
  public interface Work {
    int run(Instant from, Instant to);
  }
}
