package io.roadmapcoach.core.schedule;

/**
 * A named piece of scheduled work that handles what fell due in a stretch of time. Quartz runs
 * every routine each minute; the console's moving clock runs the same list minute by minute.
 *
 * @param name stable: it names the routine's Quartz job and its mark in the database
 * @param work what to do for the time {@code (from, to]}
 */
public record Routine(String name, Work work) {

  /** Handles what fell due in {@code (from, to]}; returns how many deliveries it enqueued. */
  @FunctionalInterface
  public interface Work {
    int run(java.time.Instant from, java.time.Instant to);
  }
}
