package io.roadmapcoach.core.observe;

import io.roadmapcoach.core.caller.Platform;
import java.time.Duration;

/**
 * The core's reports on its own work, for an operator's metrics. The core depends on no metrics
 * library: the app implements this port (with Micrometer), and without one nothing is reported.
 * Calls come on the thread that did the work, after it is done; they must be quick and must not
 * throw.
 */
public interface Observer {
  /** Reports nothing. */
  Observer NONE = new Observer() {};

  /**
   * A command, typed or pressed, was answered.
   *
   * @param command its name: {@code status}, {@code done}, {@code press-answer}, {@code unknown}
   * @param latency from the moment the coach got it until its reply was ready
   */
  default void commandAnswered(
      String command, Platform platform, Outcome outcome, Duration latency) {}

  /**
   * A scheduled routine (nudge sweep, weekly quiz, housekeeping) ran over the time since its last
   * run.
   *
   * @param rows the deliveries it enqueued
   * @param succeeded false when it failed (its next run covers the same time again)
   */
  default void routineRan(String routine, boolean succeeded, int rows, Duration took) {}

  /** The scheduler fired a routine late, past its misfire threshold (an instance busy or down). */
  default void routineMisfired(String routine) {}
}
