package io.roadmapcoach.app.console;

import io.roadmapcoach.core.reply.Attachment;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Span;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Replies as plain text for a terminal: no markup, buttons numbered for {@code :press}. */
public final class ConsoleRenderer {
  private static final int BAR_WIDTH = 20;

  private final Path filesDir;

  /**
   * @param filesDir where files that cannot be printed (chart images) are saved
   */
  public ConsoleRenderer(Path filesDir) {
    this.filesDir = filesDir;
  }

  /**
   * @param owner the member the reply is for: a file it carries is saved under their name, so one
   *     member's export (every export has the same name) never overwrites another's
   */
  public String render(Reply reply, String owner) {
    StringBuilder out = new StringBuilder();
    int pressable = 0;
    if (reply.visibility() == Visibility.CHANNEL) {
      out.append("(posted to the channel)\n");
    }
    for (Block block : reply.blocks()) {
      switch (block) {
        case Block.Header h -> out.append("== ").append(h.text()).append(" ==\n");
        case Block.Section s -> out.append(text(s.text())).append('\n');
        case Block.Fields f ->
            f.fields()
                .forEach(
                    x -> out.append(x.label()).append(": ").append(text(x.value())).append('\n'));
        case Block.Progress p -> out.append(bar(p)).append('\n');
        case Block.Buttons b -> {
          out.append(buttons(b.buttons(), pressable)).append('\n');
          pressable += b.buttons().size();
        }
        case Block.Context c ->
            out.append("  ").append(text(c.text()).replace("\n", "\n  ")).append('\n');
        case Block.Divider d -> out.append("--\n");
      }
    }
    reply
        .attachment()
        .ifPresent(file -> out.append(file.isText() ? printed(file) : saved(file, owner)));
    return out.toString();
  }

  private static String printed(Attachment file) {
    return "--- "
        + file.fileName()
        + " ---\n"
        + file.content()
        + (file.content().endsWith("\n") ? "" : "\n")
        + "--- end of "
        + file.fileName()
        + " ---\n";
  }

  /**
   * An image or a JSON file is not printed: it is saved under its owner's name, and its path
   * printed.
   */
  private String saved(Attachment file, String owner) {
    try {
      Files.createDirectories(filesDir);
      // the names come from chat: keep them to plain characters, inside the directory
      Path path =
          filesDir.resolve((owner + "-" + file.fileName()).replaceAll("[^A-Za-z0-9._-]", "_"));
      Files.write(path, file.bytes());
      return "📎 " + file.fileName() + " saved as " + path.toAbsolutePath() + "\n";
    } catch (IOException e) {
      return "📎 "
          + file.fileName()
          + " could not be saved in "
          + filesDir
          + ": "
          + e.getMessage()
          + "\n";
    }
  }

  static String text(Text text) {
    StringBuilder out = new StringBuilder();
    for (Span span : text.spans()) {
      switch (span) {
        case Span.Code c -> out.append('`').append(c.text()).append('`');
        case Span.Link l -> out.append(l.text()).append(" <").append(l.url()).append('>');
        case Span.Mention m -> out.append('@').append(m.text());
        default -> out.append(span.text());
      }
    }
    return out.toString();
  }

  private static String bar(Block.Progress p) {
    int filled = Math.round((float) BAR_WIDTH * p.done() / p.total());
    return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + p.caption();
  }

  /** Numbered on from {@code before}: {@code :press N} counts every button of the reply. */
  private static String buttons(List<Button> buttons, int before) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < buttons.size(); i++) {
      if (i > 0) {
        out.append("  ");
      }
      out.append('[').append(before + i + 1).append("] ").append(buttons.get(i).label());
    }
    return out.toString();
  }
}
