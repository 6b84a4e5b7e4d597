package io.roadmapcoach.discord;

import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Span;
import io.roadmapcoach.discord.MessageFit.ButtonPiece;
import io.roadmapcoach.discord.MessageFit.Piece;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Renders a core {@link Reply} as a Discord message: a header opens an embed (its title), sections,
 * progress and context lines fill its description, fields become embed fields, a divider closes the
 * embed, and each row of buttons becomes action rows. {@link MessageFit} keeps it all within
 * Discord's limits.
 */
final class DiscordRenderer {
  /** Roadmap blue. */
  static final int COLOR = 0x3B82F6;

  private static final int PROGRESS_CELLS = 10;

  private DiscordRenderer() {}

  /** Renders with button ids as the core wrote them. */
  static DiscordMessage render(Reply reply) {
    return render(reply, UnaryOperator.identity());
  }

  /**
   * Renders, passing every button id through {@code buttonIds} (a direct message's buttons carry
   * the guild they belong to, see {@link DmButtons}).
   */
  static DiscordMessage render(Reply reply, UnaryOperator<String> buttonIds) {
    List<Piece> pieces = new ArrayList<>();
    List<ActionRow> rows = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Block block : reply.blocks()) {
      switch (block) {
        case Block.Header h -> pieces.add(MessageFit.title(DiscordMarkdown.title(h.text())));
        case Block.Section s ->
            pieces.add(new MessageFit.Paragraph(DiscordMarkdown.render(s.text())));
        case Block.Fields f -> f.fields().forEach(field -> pieces.add(field(field)));
        case Block.Progress p -> pieces.add(new MessageFit.Paragraph(progress(p)));
        case Block.Buttons b -> {
          List<String> fullLabels = buttons(b.buttons(), buttonIds, rows, ids);
          if (!fullLabels.isEmpty()) {
            pieces.add(new MessageFit.Paragraph(choices(fullLabels)));
          }
        }
        case Block.Context c ->
            pieces.add(new MessageFit.Paragraph(subtext(DiscordMarkdown.render(c.text()))));
        case Block.Divider d -> pieces.add(new MessageFit.Break());
      }
    }
    List<MessageEmbed> embeds = MessageFit.embeds(pieces, COLOR);
    String content = embeds.isEmpty() && rows.isEmpty() && reply.attachment().isEmpty() ? "…" : "";
    return new DiscordMessage(content, embeds, rows, reply.attachment(), pinged(reply));
  }

  /** The Discord users the reply mentions (ids that are Discord's snowflakes). */
  private static List<String> pinged(Reply reply) {
    return reply.blocks().stream()
        .flatMap(
            b ->
                switch (b) {
                  case Block.Section s -> s.text().spans().stream();
                  case Block.Context c -> c.text().spans().stream();
                  default -> Stream.<Span>empty();
                })
        .filter(Span.Mention.class::isInstance)
        .map(s -> ((Span.Mention) s).memberExternalId())
        .filter(id -> id.matches("[0-9]{5,25}"))
        .distinct()
        .toList();
  }

  private static Piece field(Block.Field field) {
    String name = field.label().isBlank() ? "\u200b" : DiscordMarkdown.title(field.label());
    String value = DiscordMarkdown.render(field.value());
    return MessageFit.field(name, value.isBlank() ? "—" : value);
  }

  private static String progress(Block.Progress p) {
    int filled = (int) Math.round((double) p.done() * PROGRESS_CELLS / p.total());
    String bar = "▰".repeat(filled) + "▱".repeat(PROGRESS_CELLS - filled);
    String caption =
        p.caption() == null || p.caption().isBlank()
            ? ""
            : " · " + DiscordMarkdown.escape(p.caption());
    return bar + "  " + p.done() + "/" + p.total() + caption;
  }

  /** Small print: Discord's {@code -#} subtext, line by line. */
  private static String subtext(String markdown) {
    if (markdown.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      if (!line.isBlank()) {
        out.append("-# ").append(line);
      }
    }
    return out.toString();
  }

  // ---- buttons ----

  /**
   * Adds a row of the core's buttons. Returns the full labels when any is too long for a button, so
   * they can be listed in the text and the buttons numbered.
   */
  private static List<String> buttons(
      List<Button> buttons,
      UnaryOperator<String> buttonIds,
      List<ActionRow> rows,
      Set<String> ids) {
    boolean numbered = buttons.stream().anyMatch(b -> MessageFit.labelTooLong(b.label().strip()));
    List<ButtonPiece> row = new ArrayList<>();
    int number = 0;
    for (Button button : buttons) {
      number++;
      String label = button.label().strip();
      row.add(
          new ButtonPiece(
              style(button.style()),
              buttonIds.apply(button.actionId()),
              numbered ? number + ". " + label : label));
    }
    MessageFit.addRow(rows, row, ids);
    return numbered ? buttons.stream().map(b -> b.label().strip()).toList() : List.of();
  }

  private static String choices(List<String> labels) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append("**").append(i + 1).append(".** ").append(DiscordMarkdown.escape(labels.get(i)));
    }
    return out.toString();
  }

  private static ButtonStyle style(Button.Style style) {
    return switch (style) {
      case PRIMARY -> ButtonStyle.PRIMARY;
      case DANGER -> ButtonStyle.DANGER;
      case DEFAULT -> ButtonStyle.SECONDARY;
    };
  }
}
