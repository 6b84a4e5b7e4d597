package io.roadmapcoach.core.progress;

import io.roadmapcoach.core.caller.MemberRef;
import io.roadmapcoach.core.feature.Command;
import java.util.Optional;
import java.util.OptionalInt;

/** A member's way through the roadmap: start, see where they are, check objectives, move on. */
public sealed interface ProgressCommand extends Command {

  record Start() implements ProgressCommand {}

  record Status(Optional<MemberRef> member) implements ProgressCommand {}

  record Stages() implements ProgressCommand {}

  /** One stage's details; the member's own when no number is given. */
  record ShowStage(OptionalInt number) implements ProgressCommand {}

  /** Check an objective of the current stage off; the argument is checked against the stage. */
  record Done(String objective) implements ProgressCommand {}

  record Undo(String objective) implements ProgressCommand {}

  record Quiz() implements ProgressCommand {}

  record Next() implements ProgressCommand {}
}
