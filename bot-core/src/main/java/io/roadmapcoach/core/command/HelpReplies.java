package io.roadmapcoach.core.command;

import io.roadmapcoach.core.reply.Echo;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.roadmap.Roadmap;
import java.util.Optional;

/** Help: every command with one line, and the answer to text that names no command. */
final class HelpReplies {
  private HelpReplies() {}

  static Reply help(Roadmap roadmap) {
    return Reply.builder()
        .header(
            "Roadmap Coach: the "
                + roadmap.title()
                + " roadmap, "
                + roadmap.stageCount()
                + " stages")
        .section(lines(false))
        .section(Text.empty().bold("For leads").plain("\n").append(lines(true)))
        .context(
            Text.of("Start with ")
                .code("/roadmap start")
                .plain(", then ")
                .code("/roadmap status")
                .plain("."))
        .build();
  }

  private static Text lines(boolean lead) {
    Text text = Text.empty();
    boolean first = true;
    for (Usage.Entry entry : Usage.ENTRIES) {
      if (entry.leadOnly() != lead) {
        continue;
      }
      text =
          text.plain(first ? "" : "\n").code("/roadmap " + entry.form()).plain("  " + entry.does());
      first = false;
    }
    return text;
  }

  /**
   * Text that names no command: a short answer with the closest command, when one is close, and
   * where the whole list is. Not the whole help: the member wanted something else.
   */
  static Reply unknown(String input, Optional<String> suggestion) {
    String word = input.strip().split("\\s+")[0];
    Text text = Text.of("I do not know ").code("/roadmap " + Echo.of(word)).plain(".");
    if (suggestion.isPresent()) {
      text = text.plain(" Did you mean ").code("/roadmap " + suggestion.get()).plain("?");
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
              .code("/roadmap")
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
    return Text.of(" ").code("/roadmap help").plain(" lists every command.");
  }
}
