package io.roadmapcoach.core.post;

import io.roadmapcoach.core.feature.Command;
import io.roadmapcoach.core.member.ReminderDays;
import java.time.LocalTime;

/** A channel's daily post, as its leads set it. */
public sealed interface PostCommand extends Command {

  /** The time of the channel's daily post, in the channel's time zone. */
  record PostAt(LocalTime time) implements PostCommand {}

  record PostDays(ReminderDays days) implements PostCommand {}

  record PostSwitch(boolean on) implements PostCommand {}
}
