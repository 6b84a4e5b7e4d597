package io.roadmapcoach.discord;

import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a core {@link Reply} as a Discord message within Discord's limits: a header opens an
 * embed (its title), sections, progress and context lines fill its description, fields become embed
 * fields, a divider closes the embed, and each row of buttons becomes action rows of at most five.
 * Text that does not fit is shortened at a line end, never cut into invalid requests.
 */
final class DiscordRenderer {
  private static final Logger log = LoggerFactory.getLogger(DiscordRenderer.class);

  static final int TITLE_MAX = MessageEmbed.TITLE_MAX_LENGTH; // 256
  static final int DESCRIPTION_MAX = MessageEmbed.DESCRIPTION_MAX_LENGTH; // 4096
  static final int FIELDS_MAX = MessageEmbed.MAX_FIELD_AMOUNT; // 25
  static final int FIELD_NAME_MAX = MessageEmbed.TITLE_MAX_LENGTH; // 256
  static final int FIELD_VALUE_MAX = MessageEmbed.VALUE_MAX_LENGTH; // 1024
  static final int EMBEDS_MAX = net.dv8tion.jda.api.entities.Message.MAX_EMBED_COUNT; // 10
  static final int TOTAL_MAX = MessageEmbed.EMBED_MAX_LENGTH_BOT; // 6000
  static final int BUTTONS_PER_ROW = 5;
  static final int ROWS_MAX = 5;
  static final int LABEL_MAX = net.dv8tion.jda.api.components.buttons.Button.LABEL_MAX_LENGTH; // 80
  static final int CUSTOM_ID_MAX = net.dv8tion.jda.api.components.buttons.Button.ID_MAX_LENGTH;

  /** Roadmap blue. */
  static final int COLOR = 0x3B82F6;

  private static final String SHORTENED = "\n…";
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
        case Block.Header h ->
            pieces.add(new Title(truncate(DiscordMarkdown.title(h.text()), TITLE_MAX)));
        case Block.Section s -> pieces.add(new Paragraph(DiscordMarkdown.render(s.text())));
        case Block.Fields f ->
            f.fields().forEach(field -> pieces.add(new FieldPiece(field(field))));
        case Block.Progress p -> pieces.add(new Paragraph(progress(p)));
        case Block.Buttons b -> {
          List<String> fullLabels = buttons(b.buttons(), buttonIds, rows, ids);
          if (!fullLabels.isEmpty()) {
            pieces.add(new Paragraph(choices(fullLabels)));
          }
        }
        case Block.Context c ->
            pieces.add(new Paragraph(subtext(DiscordMarkdown.render(c.text()))));
        case Block.Divider d -> pieces.add(new Break());
      }
    }
    List<MessageEmbed> embeds = embeds(fit(pieces));
    String content = embeds.isEmpty() && rows.isEmpty() && reply.attachment().isEmpty() ? "…" : "";
    return new DiscordMessage(content, embeds, rows, reply.attachment());
  }

  // ---- embeds ----

  /** A reply's visible parts in order, before they are laid out in embeds. */
  private sealed interface Piece {}

  private record Title(String text) implements Piece {}

  private record Paragraph(String markdown) implements Piece {}

  private record FieldPiece(MessageEmbed.Field field) implements Piece {}

  private record Break() implements Piece {}

  /** One embed in the making. */
  private static final class Draft {
    String title;
    final StringBuilder description = new StringBuilder();
    final List<MessageEmbed.Field> fields = new ArrayList<>();

    boolean isEmpty() {
      return title == null && description.isEmpty() && fields.isEmpty();
    }

    int size() {
      int size = (title == null ? 0 : title.length()) + description.length();
      for (MessageEmbed.Field f : fields) {
        size += f.getName().length() + f.getValue().length();
      }
      return size;
    }
  }

  /**
   * Lays the pieces out within the per-message limits (10 embeds, 6000 characters in all): while
   * they do not fit, the longest paragraph gives way at a line end, marked with an ellipsis, so a
   * long list is shortened while its title and the hint below it stay.
   */
  private static List<Draft> fit(List<Piece> pieces) {
    List<Piece> current = new ArrayList<>(pieces);
    for (int round = 0; ; round++) {
      List<Draft> drafts = layout(current);
      int total = drafts.stream().mapToInt(Draft::size).sum();
      if (total <= TOTAL_MAX && drafts.size() <= EMBEDS_MAX) {
        return drafts;
      }
      int excess = Math.max(total - TOTAL_MAX, 0);
      int longest = longestParagraph(current);
      if (round > 50 || longest < 0 || excess == 0) {
        return lastResort(drafts);
      }
      String text = ((Paragraph) current.get(longest)).markdown();
      int keep = text.length() - excess - SHORTENED.length();
      current.set(
          longest,
          new Paragraph(keep < 1 ? "…" : text.substring(0, lineCut(text, keep)) + SHORTENED));
    }
  }

  private static int longestParagraph(List<Piece> pieces) {
    int best = -1;
    int length = 1; // a lone "…" cannot give way any further
    for (int i = 0; i < pieces.size(); i++) {
      if (pieces.get(i) instanceof Paragraph p && p.markdown().length() > length) {
        best = i;
        length = p.markdown().length();
      }
    }
    return best;
  }

  /** Too many embeds or fields to shorten: the first ten embeds, fields dropped from the end. */
  private static List<Draft> lastResort(List<Draft> all) {
    List<Draft> drafts = new ArrayList<>(all.subList(0, Math.min(all.size(), EMBEDS_MAX)));
    if (all.size() > EMBEDS_MAX) {
      log.warn("A reply needed {} embeds; Discord shows {}", all.size(), EMBEDS_MAX);
    }
    int total = drafts.stream().mapToInt(Draft::size).sum();
    for (int i = drafts.size() - 1; i >= 0 && total > TOTAL_MAX; i--) {
      Draft d = drafts.get(i);
      while (!d.fields.isEmpty() && total > TOTAL_MAX) {
        MessageEmbed.Field dropped = d.fields.removeLast();
        total -= dropped.getName().length() + dropped.getValue().length();
      }
      if (total > TOTAL_MAX && !d.description.isEmpty()) {
        int keep = Math.max(1, d.description.length() - (total - TOTAL_MAX));
        total -= d.description.length() - keep;
        d.description.setLength(keep);
      }
    }
    return drafts;
  }

  /**
   * Lays pieces out in embeds: a title opens one, a break closes one, fields fill one up to 25, and
   * paragraphs go into the description, continuing in a new embed when it is full.
   */
  private static List<Draft> layout(List<Piece> pieces) {
    List<Draft> drafts = new ArrayList<>();
    Draft current = new Draft();
    drafts.add(current);
    for (Piece piece : pieces) {
      switch (piece) {
        case Title t -> {
          if (!current.isEmpty()) {
            current = next(drafts);
          }
          current.title = t.text();
        }
        case Paragraph p -> current = paragraph(drafts, current, p.markdown());
        case FieldPiece f -> {
          if (current.fields.size() == FIELDS_MAX) {
            current = next(drafts);
          }
          current.fields.add(f.field());
        }
        case Break b -> {
          if (!current.isEmpty()) {
            current = next(drafts);
          }
        }
      }
    }
    return new ArrayList<>(drafts.stream().filter(d -> !d.isEmpty()).toList());
  }

  private static Draft next(List<Draft> drafts) {
    Draft draft = new Draft();
    drafts.add(draft);
    return draft;
  }

  /** Adds a paragraph, continuing in a new embed where the description is full. */
  private static Draft paragraph(List<Draft> drafts, Draft current, String markdown) {
    if (markdown.isBlank()) {
      return current;
    }
    Draft draft = current;
    String rest = markdown;
    while (!rest.isEmpty()) {
      String separator = draft.description.isEmpty() ? "" : "\n\n";
      int room = DESCRIPTION_MAX - draft.description.length() - separator.length();
      if (rest.length() <= room) {
        draft.description.append(separator).append(rest);
        return draft;
      }
      if (room > 200 || draft.description.isEmpty()) {
        int cut = lineCut(rest, Math.max(room, 1));
        draft.description.append(separator).append(rest, 0, cut);
        rest = rest.substring(cut).stripLeading();
      }
      if (!rest.isEmpty()) {
        draft = next(drafts);
      }
    }
    return draft;
  }

  /** Where to cut {@code text} to at most {@code max} characters: a line end if there is one. */
  private static int lineCut(String text, int max) {
    if (text.length() <= max) {
      return text.length();
    }
    int newline = text.lastIndexOf('\n', max);
    int cut = newline > max / 2 ? newline : max;
    if (cut > 0 && text.charAt(cut - 1) == '\\') {
      cut--; // never leave an escape without the character it escapes
    }
    return Math.max(cut, 1);
  }

  private static MessageEmbed.Field field(Block.Field field) {
    String name = field.label().isBlank() ? "\u200b" : DiscordMarkdown.title(field.label());
    String value = DiscordMarkdown.render(field.value());
    if (value.isBlank()) {
      value = "—";
    }
    value = truncate(value, FIELD_VALUE_MAX);
    return new MessageEmbed.Field(truncate(name, FIELD_NAME_MAX), value, value.length() <= 60);
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

  private static List<MessageEmbed> embeds(List<Draft> drafts) {
    List<MessageEmbed> embeds = new ArrayList<>();
    for (Draft d : drafts) {
      if (d.isEmpty()) {
        continue;
      }
      net.dv8tion.jda.api.EmbedBuilder embed =
          new net.dv8tion.jda.api.EmbedBuilder().setColor(COLOR);
      if (d.title != null) {
        embed.setTitle(d.title);
      }
      if (!d.description.isEmpty()) {
        embed.setDescription(d.description);
      }
      d.fields.forEach(embed::addField);
      embeds.add(embed.build());
    }
    return embeds;
  }

  // ---- buttons ----

  /**
   * Adds a row of the core's buttons, five to an action row. Returns the full labels when any had
   * to be shortened, so they can be listed in the text and the buttons numbered.
   */
  private static List<String> buttons(
      List<Button> buttons,
      UnaryOperator<String> buttonIds,
      List<ActionRow> rows,
      Set<String> ids) {
    boolean numbered = buttons.stream().anyMatch(b -> b.label().strip().length() > LABEL_MAX);
    List<net.dv8tion.jda.api.components.buttons.Button> row = new ArrayList<>();
    int number = 0;
    for (Button button : buttons) {
      number++;
      String id = buttonIds.apply(button.actionId());
      if (id == null || id.isEmpty() || id.length() > CUSTOM_ID_MAX || !ids.add(id)) {
        log.warn("Left out button \"{}\": its id is empty, too long or repeated", button.label());
        continue;
      }
      String label = button.label().strip();
      label = numbered ? number + ". " + label : label;
      label = truncate(label.isEmpty() ? "…" : label, LABEL_MAX);
      row.add(net.dv8tion.jda.api.components.buttons.Button.of(style(button.style()), id, label));
      if (row.size() == BUTTONS_PER_ROW) {
        addRow(rows, row);
        row = new ArrayList<>();
      }
    }
    if (!row.isEmpty()) {
      addRow(rows, row);
    }
    return numbered ? buttons.stream().map(b -> b.label().strip()).toList() : List.of();
  }

  private static void addRow(
      List<ActionRow> rows, List<net.dv8tion.jda.api.components.buttons.Button> row) {
    if (rows.size() == ROWS_MAX) {
      log.warn("Left out a row of {} buttons: Discord shows {} rows", row.size(), ROWS_MAX);
      return;
    }
    rows.add(ActionRow.of(row));
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

  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = max - 1;
    if (text.charAt(cut - 1) == '\\') {
      cut--;
    }
    return text.substring(0, cut) + "…";
  }
}
