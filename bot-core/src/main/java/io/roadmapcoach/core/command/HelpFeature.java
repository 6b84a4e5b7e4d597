package io.roadmapcoach.core.command;

import io.roadmapcoach.core.command.HelpCommand.Help;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Feature;
import io.roadmapcoach.core.feature.Grammar;
import io.roadmapcoach.core.feature.Slash;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.reply.Reply;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code help}, the coach's own command: every declared command with its line, derived from the
 * registry it heads. Answered without a member's transaction: reading help stores nothing.
 */
final class HelpFeature implements Feature {
  private final Supplier<Reply> help;

  HelpFeature(Supplier<Reply> help) {
    this.help = help;
  }

  @Override
  public List<CommandDeclaration<?>> commands() {
    return List.of(
        CommandDeclaration.of(Help.class, Words.HELP)
            .grammar(Grammar.ignoring(new Help()))
            .usage("", "this list")
            .slash(Slash.of(Words.HELP, "Every command, in one list"))
            .answeredOnItsOwn((caller, c) -> help.get()));
  }
}
