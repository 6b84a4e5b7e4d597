package io.roadmapcoach.core.command;

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

  static Reply unknown(String input, Optional<String> suggestion, Roadmap roadmap) {
    String word = input.strip().split("\\s+")[0];
    Text text = Text.of("I do not know ").code("/roadmap " + word).plain(".");
    if (suggestion.isPresent()) {
      text = text.plain(" Did you mean ").code("/roadmap " + suggestion.get()).plain("?");
    }
    Reply.Builder reply = Reply.builder().section(text).divider();
    help(roadmap).blocks().forEach(reply::add);
    return reply.build();
  }
}
