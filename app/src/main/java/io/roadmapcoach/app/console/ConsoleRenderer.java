package io.roadmapcoach.app.console;

import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Span;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import java.util.List;

/** Replies as plain text for a terminal: no markup, buttons numbered for {@code :press}. */
public final class ConsoleRenderer {
  private static final int BAR_WIDTH = 20;

  public String render(Reply reply) {
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
        .ifPresent(
            file ->
                out.append("--- ")
                    .append(file.fileName())
                    .append(" ---\n")
                    .append(file.content())
                    .append(file.content().endsWith("\n") ? "" : "\n")
                    .append("--- end of ")
                    .append(file.fileName())
                    .append(" ---\n"));
    return out.toString();
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
