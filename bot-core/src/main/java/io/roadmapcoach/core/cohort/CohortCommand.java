package io.roadmapcoach.core.cohort;

import io.roadmapcoach.core.feature.Command;
import java.util.Optional;

/** A member's channels: leaving one, the home one, and a channel's settings. */
public sealed interface CohortCommand extends Command {

  /** Leave this channel's cohort; progress is kept. */
  record Leave() implements CohortCommand {}

  /**
   * Make a channel the home one (commands from a direct message act there); show it when empty.
   *
   * @param channel the platform's id or the name of the channel, as typed or mentioned
   */
  record Home(Optional<String> channel) implements CohortCommand {}

  /** The channel's settings, for anyone to read. */
  record Settings() implements CohortCommand {}
}
