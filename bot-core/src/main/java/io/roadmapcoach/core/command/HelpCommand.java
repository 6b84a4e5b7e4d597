package io.roadmapcoach.core.command;

import io.roadmapcoach.core.feature.Command;

/** Help: every command, in one list (also the answer to an empty command). */
public sealed interface HelpCommand extends Command {

  record Help() implements HelpCommand {}
}
