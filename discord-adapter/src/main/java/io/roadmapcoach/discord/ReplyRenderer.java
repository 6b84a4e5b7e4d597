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
final class ReplyRenderer {
  private static final Logger log = LoggerFactory.getLogger(ReplyRenderer.class);

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

  private ReplyRenderer() {}

  /** Renders with button ids as the core wrote them. */
  static DiscordMessage render(Reply reply) {
    return render(reply, UnaryOperator.identity());
  }

  /**
   * Renders, passing every button id through {@code buttonIds} (a direct message's buttons carry
   * the guild they belong to, see {@link DmButtons}).
   */
  static DiscordMessage render(Reply reply, UnaryOperator<String> buttonIds) {
    List<Draft> drafts = new ArrayList<>();
    Draft current = new Draft();
    drafts.add(current);
    List<ActionRow> rows = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Block block : reply.blocks()) {
      switch (block) {
        case Block.Header h -> {
          if (!current.isEmpty()) {
            current = next(drafts);
          }
          current.title = truncate(DiscordMarkdown.title(h.text()), TITLE_MAX);
        }
        case Block.Section s ->
            current = paragraph(drafts, current, DiscordMarkdown.render(s.text()));
        case Block.Fields f -> {
          for (Block.Field field : f.fields()) {
            if (current.fields.size() == FIELDS_MAX) {
              current = next(drafts);
            }
            current.fields.add(field(field));
          }
        }
        case Block.Progress p -> current = paragraph(drafts, current, progress(p));
        case Block.Buttons b -> {
          List<String> fullLabels = buttons(b.buttons(), buttonIds, rows, ids);
          if (!fullLabels.isEmpty()) {
            current = paragraph(drafts, current, choices(fullLabels));
          }
        }
        case Block.Context c ->
            current = paragraph(drafts, current, subtext(DiscordMarkdown.render(c.text())));
        case Block.Divider d -> {
          if (!current.isEmpty()) {
            current = next(drafts);
          }
        }
      }
    }
    List<MessageEmbed> embeds = embeds(drafts);
    String content = embeds.isEmpty() && rows.isEmpty() && reply.attachment().isEmpty() ? "…" : "";
    return new DiscordMessage(content, embeds, rows, reply.attachment());
  }

  // ---- embeds ----

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

  /**
   * Turns drafts into embeds within the per-message limits (10 embeds, 6000 characters in all): the
   * longest descriptions give way first, at a line end, marked with an ellipsis.
   */
  private static List<MessageEmbed> embeds(List<Draft> all) {
    List<Draft> drafts = new ArrayList<>(all.stream().filter(d -> !d.isEmpty()).toList());
    if (drafts.size() > EMBEDS_MAX) {
      log.warn("A reply needed {} embeds; Discord shows {}", drafts.size(), EMBEDS_MAX);
      drafts = new ArrayList<>(drafts.subList(0, EMBEDS_MAX));
    }
    int total = drafts.stream().mapToInt(Draft::size).sum();
    while (total > TOTAL_MAX) {
      Draft longest = drafts.getFirst();
      for (Draft d : drafts) {
        if (d.description.length() > longest.description.length()) {
          longest = d;
        }
      }
      int excess = total - TOTAL_MAX;
      int keep = longest.description.length() - excess - SHORTENED.length();
      if (keep < 1) {
        // descriptions alone cannot make room: drop fields from the end
        Draft withFields =
            drafts.reversed().stream().filter(d -> !d.fields.isEmpty()).findFirst().orElse(null);
        if (withFields == null) {
          longest.description.setLength(Math.max(0, longest.description.length() - excess));
        } else {
          withFields.fields.removeLast();
        }
      } else {
        String text = longest.description.toString();
        int cut = lineCut(text, keep);
        longest.description.setLength(0);
        longest.description.append(text, 0, cut).append(SHORTENED);
      }
      total = drafts.stream().mapToInt(Draft::size).sum();
    }
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
