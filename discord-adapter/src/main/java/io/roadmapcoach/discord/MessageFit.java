package io.roadmapcoach.discord;

import io.roadmapcoach.core.reply.Graphemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a rendered reply fit Discord's limits, so a long answer is shortened rather than refused: a
 * title opens an embed, a break closes one, fields fill one up to 25, paragraphs fill its
 * description and continue in the next; a message holds at most 10 embeds and 6000 characters, and
 * five rows of five buttons. {@link DiscordRenderer} decides what the pieces say; this class only
 * decides where they go and what gives way.
 */
final class MessageFit {
  private static final Logger log = LoggerFactory.getLogger(MessageFit.class);

  static final int TITLE_MAX = MessageEmbed.TITLE_MAX_LENGTH; // 256
  static final int DESCRIPTION_MAX = MessageEmbed.DESCRIPTION_MAX_LENGTH; // 4096
  static final int FIELDS_MAX = MessageEmbed.MAX_FIELD_AMOUNT; // 25
  static final int FIELD_NAME_MAX = MessageEmbed.TITLE_MAX_LENGTH; // 256
  static final int FIELD_VALUE_MAX = MessageEmbed.VALUE_MAX_LENGTH; // 1024
  static final int EMBEDS_MAX = Message.MAX_EMBED_COUNT; // 10
  static final int TOTAL_MAX = MessageEmbed.EMBED_MAX_LENGTH_BOT; // 6000
  static final int BUTTONS_PER_ROW = 5;
  static final int ROWS_MAX = 5;
  static final int LABEL_MAX = Button.LABEL_MAX_LENGTH; // 80
  static final int CUSTOM_ID_MAX = Button.ID_MAX_LENGTH; // 100

  /** A field's value this short sits beside its neighbours. */
  private static final int INLINE_MAX = 60;

  private static final String SHORTENED = "\n…";

  private MessageFit() {}

  /** A reply's visible parts in order, before they are laid out in embeds. */
  sealed interface Piece {}

  record Title(String text) implements Piece {}

  record Paragraph(String markdown) implements Piece {}

  record FieldPiece(MessageEmbed.Field field) implements Piece {}

  record Break() implements Piece {}

  static Title title(String text) {
    return new Title(truncate(text, TITLE_MAX));
  }

  /** A field with its name and value shortened to fit; short values sit side by side. */
  static FieldPiece field(String name, String value) {
    String fitted = truncate(value, FIELD_VALUE_MAX);
    return new FieldPiece(
        new MessageEmbed.Field(
            truncate(name, FIELD_NAME_MAX), fitted, fitted.length() <= INLINE_MAX));
  }

  // ---- embeds ----

  /** The pieces laid out in embeds of {@code color}, within the per-message limits. */
  static List<MessageEmbed> embeds(List<Piece> pieces, int color) {
    List<MessageEmbed> embeds = new ArrayList<>();
    for (Draft d : fit(pieces)) {
      if (d.isEmpty()) {
        continue;
      }
      EmbedBuilder embed = new EmbedBuilder().setColor(color);
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
        String description = d.description.toString();
        int keep =
            Graphemes.boundaryAtOrBefore(
                description, Math.max(1, description.length() - (total - TOTAL_MAX)));
        total -= description.length() - keep;
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
    int cut = newline > max / 2 ? newline : Graphemes.boundaryAtOrBefore(text, max);
    if (cut > 0 && text.charAt(cut - 1) == '\\') {
      cut--; // never leave an escape without the character it escapes
    }
    // at least one code point, so the caller moves on; never half a surrogate pair
    return cut > 0 ? cut : text.offsetByCodePoints(0, 1);
  }

  // ---- buttons ----

  /** A button as the renderer made it: its label may still be too long, its id unusable. */
  record ButtonPiece(ButtonStyle style, String id, String label) {}

  /** Whether a label is too long for a button (the renderer then numbers the buttons). */
  static boolean labelTooLong(String label) {
    return label.length() > LABEL_MAX;
  }

  /**
   * Adds one row of the reply's buttons, five to an action row, up to five rows a message. A button
   * whose id is empty, too long or already {@code taken} is left out: Discord would refuse the
   * whole message for it.
   */
  static void addRow(List<ActionRow> rows, List<ButtonPiece> pieces, Set<String> taken) {
    List<Button> buttons = new ArrayList<>();
    for (ButtonPiece piece : pieces) {
      String id = piece.id();
      if (id == null || id.isEmpty() || id.length() > CUSTOM_ID_MAX || !taken.add(id)) {
        log.warn("Left out button \"{}\": its id is empty, too long or repeated", piece.label());
        continue;
      }
      String label = piece.label().isEmpty() ? "…" : piece.label();
      buttons.add(Button.of(piece.style(), id, truncate(label, LABEL_MAX)));
    }
    for (int from = 0; from < buttons.size(); from += BUTTONS_PER_ROW) {
      List<Button> row = buttons.subList(from, Math.min(from + BUTTONS_PER_ROW, buttons.size()));
      if (rows.size() == ROWS_MAX) {
        log.warn("Left out a row of {} buttons: Discord shows {} rows", row.size(), ROWS_MAX);
        continue;
      }
      rows.add(ActionRow.of(List.copyOf(row)));
    }
  }

  /**
   * {@code text} cut to {@code max} UTF-16 code units (as Discord counts) with an ellipsis, between
   * grapheme clusters, and never leaving an escape without the character it escapes.
   */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    String head = Graphemes.head(text, max - Graphemes.ELLIPSIS.length());
    if (head.endsWith("\\")) {
      head = head.substring(0, head.length() - 1);
    }
    return head + Graphemes.ELLIPSIS;
  }
}
