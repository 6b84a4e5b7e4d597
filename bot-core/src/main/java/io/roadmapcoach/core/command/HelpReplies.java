package io.roadmapcoach.core.command;

import io.roadmapcoach.core.feature.Access;
import io.roadmapcoach.core.feature.CommandDeclaration;
import io.roadmapcoach.core.feature.Usage;
import io.roadmapcoach.core.feature.Words;
import io.roadmapcoach.core.progress.ProgressFeature;
import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.util.List;
import java.util.Optional;

/** Help: every declared command with its line, and the answer to text that names no command. */
final class HelpReplies {
  private HelpReplies() {}

  static Reply help(Roadmap roadmap, List<CommandDeclaration<?>> declarations) {
    return Reply.builder()
        .header(
            "Roadmap Coach: the "
                + roadmap.title()
                + " roadmap, "
                + roadmap.stageCount()
                + " stages")
        .section(lines(declarations, Access.MEMBER))
        .section(
            Text.empty().bold("For leads").plain("\n").append(lines(declarations, Access.LEAD)))
        .context(
            Text.of("Start with ")
                .code(ProgressFeature.START.hint())
                .plain(", then ")
                .code(ProgressFeature.STATUS.hint())
                .plain("."))
        .build();
  }

  private static Text lines(List<CommandDeclaration<?>> declarations, Access access) {
    Text text = Text.empty();
    boolean first = true;
    for (CommandDeclaration<?> declaration : declarations) {
      if (declaration.access() != access) {
        continue;
      }
      for (Usage usage : declaration.usages()) {
        text =
            text.plain(first ? "" : "\n")
                .code(Words.SLASH_COMMAND + " " + usage.form())
                .plain("  " + usage.does());
        first = false;
      }
    }
    return text;
  }

  /**
   * Text that names no command: a short answer with the closest command, when one is close, and
   * where the whole list is. Not the whole help: the member wanted something else.
   */
  static Reply unknown(String input, Optional<String> suggestion) {
    String word = input.strip().split("\\s+")[0];
    Text text =
        Text.of("I do not know ").code(Words.SLASH_COMMAND + " " + Echo.of(word)).plain(".");
    if (suggestion.isPresent()) {
      text =
          text.plain(" Did you mean ")
              .code(Words.SLASH_COMMAND + " " + suggestion.get())
              .plain("?");
    }
    return Reply.text(text.append(helpPointer()));
  }

  /** A glued or misspelt {@code /roadmap}: the command it most likely means. */
  static Reply misspelt(String typed, Optional<String> meant) {
    if (meant.isEmpty()) {
      return Reply.text(
          Text.of("I do not know ")
              .code(Echo.of(typed))
              .plain(". I only answer ")
              .code(Words.SLASH_COMMAND)
              .plain(" commands.")
              .append(helpPointer()));
    }
    return Reply.text(
        Text.of("I do not know ")
            .code(Echo.of(typed))
            .plain(". Did you mean ")
            .code(Echo.of(meant.get()))
            .plain("?"));
  }

  private static Text helpPointer() {
    return Text.of(" ").code(Words.HELP.hint()).plain(" lists every command.");
  }
}
