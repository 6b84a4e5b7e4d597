package io.roadmapcoach.core.privacy;

import io.roadmapcoach.core.feature.Command;

/** A member's own data: taken as a file, or erased. */
public sealed interface PrivacyCommand extends Command {

  /** Everything kept about the member, as a file for them. */
  record Export() implements PrivacyCommand {}

  /** Erase everything kept about the member: asks first, with a button only they may press. */
  record ForgetMe() implements PrivacyCommand {}
}
