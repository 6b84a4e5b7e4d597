package io.roadmapcoach.slack.render;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import io.roadmapcoach.core.reply.Block;
import io.roadmapcoach.core.reply.Button;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the core's {@link Reply} as Block Kit, inside Slack's limits: 50 blocks a message (100 in
 * the App Home), 3000 characters of section text, 150 of header, 10 fields of 2000, 25 buttons a
 * row of 75-character labels. Long text is split into more sections rather than cut; what still
 * does not fit is cut with a note saying so.
 */
public final class SlackRenderer {
  static final int MESSAGE_BLOCKS = 50;
  static final int HOME_BLOCKS = 100;
  static final int SECTION_TEXT = 3000;
  static final int HEADER_TEXT = 150;
  static final int FIELDS_PER_SECTION = 10;
  static final int FIELD_TEXT = 2000;
  static final int BUTTONS_PER_ROW = 25;
  static final int BUTTON_TEXT = 75;
  static final int CONTEXT_TEXT = 3000;
  static final int FALLBACK_TEXT = 3000;
  static final int PROGRESS_CELLS = 10;

  /** A button's action_id (Block Kit button element reference: 255 characters). */
  static final int ACTION_ID = 255;

  /**
   * Slack refuses a message whose blocks carry about 12,000 characters in all ({@code
   * msg_blocks_too_long}; not in the reference pages, confirmed by Slack staff in
   * slackapi/bolt-js#2509 and #2867): budgeted at 11,000, counted as Slack counts (UTF-16 units).
   */
  static final int MESSAGE_TEXT_BUDGET = 11_000;

  private SlackRenderer() {}

  /** A message's blocks (chat.postMessage, a command's answer, response_url). */
  public static List<LayoutBlock> message(Reply reply) {
    return withinBudget(render(reply, MESSAGE_BLOCKS));
  }

  /** The App Home tab's blocks. */
  public static List<LayoutBlock> home(Reply reply) {
    return render(reply, HOME_BLOCKS);
  }

  /** The plain words, for notifications and clients that show no blocks. */
  public static String fallbackText(Reply reply) {
    String text = reply.plainText().strip();
    return Mrkdwn.escape(Mrkdwn.cut(text.isEmpty() ? "Roadmap Coach" : text, FALLBACK_TEXT));
  }

  /** {@code ephemeral} or {@code in_channel}, as the core says. */
  public static String responseType(Reply reply) {
    return reply.visibility() == Visibility.CHANNEL ? "in_channel" : "ephemeral";
  }

  private static List<LayoutBlock> render(Reply reply, int maxBlocks) {
    List<LayoutBlock> out = new ArrayList<>();
    for (Block block : reply.blocks()) {
      switch (block) {
        case Block.Header h -> header(h.text(), out);
        case Block.Section s -> sections(s.text(), out);
        case Block.Fields f -> fields(f.fields(), out);
        case Block.Progress p -> out.add(section(progress(p)));
        case Block.Buttons b -> buttons(b.buttons(), out);
        case Block.Context c -> context(c.text(), out);
        case Block.Divider d -> out.add(DividerBlock.builder().build());
      }
    }
    if (out.size() > maxBlocks) {
      int dropped = out.size() - (maxBlocks - 1);
      List<LayoutBlock> cut = new ArrayList<>(out.subList(0, maxBlocks - 1));
      cut.add(
          contextBlock(
              "_…and "
                  + dropped
                  + " more "
                  + (dropped == 1 ? "part" : "parts")
                  + " left out: Slack shows at most "
                  + maxBlocks
                  + " blocks here._"));
      return cut;
    }
    return out;
  }

  /**
   * The blocks, their text within {@link #MESSAGE_TEXT_BUDGET}: sections give way from the last one
   * up (headers, buttons and the small print below a list stay), and a note where they stood says
   * how many lines were left out and where to see them all.
   */
  static List<LayoutBlock> withinBudget(List<LayoutBlock> blocks) {
    int total = blocks.stream().mapToInt(SlackRenderer::textLength).sum();
    if (total <= MESSAGE_TEXT_BUDGET) {
      return blocks;
    }
    List<LayoutBlock> kept = new ArrayList<>(blocks);
    int leftOut = 0;
    int at = kept.size();
    // room for the note itself
    int budget = MESSAGE_TEXT_BUDGET - 120;
    for (int i = kept.size() - 1; i >= 0 && total > budget; i--) {
      if (kept.get(i) instanceof SectionBlock section) {
        total -= textLength(section);
        leftOut += items(section);
        kept.remove(i);
        at = i;
      }
    }
    kept.add(
        Math.min(at, kept.size()),
        contextBlock(
            "_…and "
                + leftOut
                + " more (see `/roadmap team` or the dashboard): Slack shows no more in one"
                + " message._"));
    return kept;
  }

  /** The characters of text a block carries, as Slack totals them for a message. */
  static int textLength(LayoutBlock block) {
    return switch (block) {
      case SectionBlock s ->
          length(s.getText())
              + (s.getFields() == null
                  ? 0
                  : s.getFields().stream().mapToInt(SlackRenderer::length).sum());
      case HeaderBlock h -> length(h.getText());
      case ContextBlock c ->
          c.getElements().stream().mapToInt(e -> e instanceof TextObject t ? length(t) : 0).sum();
      case ActionsBlock a ->
          a.getElements().stream()
              .mapToInt(e -> e instanceof ButtonElement b ? length(b.getText()) : 0)
              .sum();
      default -> 0;
    };
  }

  private static int length(TextObject text) {
    return switch (text) {
      case null -> 0;
      case MarkdownTextObject m -> m.getText() == null ? 0 : m.getText().length();
      case PlainTextObject p -> p.getText() == null ? 0 : p.getText().length();
      default -> 0;
    };
  }

  /** How many things a left-out section listed: its lines of text, and its fields. */
  private static int items(SectionBlock section) {
    int lines = 0;
    if (section.getText() instanceof MarkdownTextObject m && m.getText() != null) {
      lines = (int) m.getText().lines().filter(l -> !l.isBlank()).count();
    }
    return lines + (section.getFields() == null ? 0 : section.getFields().size());
  }

  private static void header(String text, List<LayoutBlock> out) {
    String plain = text.strip();
    if (!plain.isEmpty()) {
      out.add(
          HeaderBlock.builder()
              .text(
                  PlainTextObject.builder()
                      .text(Mrkdwn.cut(plain, HEADER_TEXT))
                      .emoji(true)
                      .build())
              .build());
    }
  }

  private static void sections(Text text, List<LayoutBlock> out) {
    for (String chunk : Mrkdwn.chunks(text, SECTION_TEXT)) {
      out.add(section(chunk));
    }
  }

  private static SectionBlock section(String mrkdwn) {
    return SectionBlock.builder().text(markdown(mrkdwn)).build();
  }

  private static void fields(List<Block.Field> fields, List<LayoutBlock> out) {
    List<TextObject> row = new ArrayList<>();
    for (Block.Field field : fields) {
      String value = Mrkdwn.render(field.value());
      String label = Mrkdwn.escape(field.label().strip());
      String text = (label.isEmpty() ? "" : "*" + label.replace("*", "") + "*\n") + value;
      row.add(markdown(Mrkdwn.cut(text.isBlank() ? "–" : text, FIELD_TEXT)));
      if (row.size() == FIELDS_PER_SECTION) {
        out.add(SectionBlock.builder().fields(row).build());
        row = new ArrayList<>();
      }
    }
    if (!row.isEmpty()) {
      out.add(SectionBlock.builder().fields(row).build());
    }
  }

  /** A bar of ten cells, e.g. {@code ██████░░░░ 2/3 · caption}. */
  static String progress(Block.Progress p) {
    int filled = (int) Math.round((double) p.done() * PROGRESS_CELLS / p.total());
    if (filled == PROGRESS_CELLS && p.done() < p.total()) {
      filled--; // a bar looks full only when it is
    }
    if (filled == 0 && p.done() > 0) {
      filled = 1;
    }
    String bar = "█".repeat(filled) + "░".repeat(PROGRESS_CELLS - filled);
    String caption = p.caption() == null ? "" : p.caption().strip();
    return "`"
        + bar
        + "`  *"
        + p.done()
        + "/"
        + p.total()
        + "*"
        + (caption.isEmpty() ? "" : "  " + Mrkdwn.escape(Mrkdwn.cut(caption, 500)));
  }

  private static void buttons(List<Button> buttons, List<LayoutBlock> out) {
    if (buttons.isEmpty()) {
      return;
    }
    boolean tooLong = buttons.stream().anyMatch(b -> b.label().strip().length() > BUTTON_TEXT);
    if (tooLong) {
      // a cut label could make two answers look alike: list them whole, and letter the buttons
      StringBuilder list = new StringBuilder();
      for (int i = 0; i < buttons.size(); i++) {
        list.append('*')
            .append(letter(i))
            .append("*  ")
            .append(Mrkdwn.escape(buttons.get(i).label().strip()))
            .append('\n');
      }
      for (String chunk : chunked(list.toString().stripTrailing())) {
        out.add(section(chunk));
      }
    }
    List<BlockElement> row = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i++) {
      Button b = buttons.get(i);
      if (b.actionId() == null || b.actionId().isEmpty() || b.actionId().length() > ACTION_ID) {
        continue; // Slack would refuse the whole message for it (invalid_blocks)
      }
      String label = b.label().strip();
      if (tooLong) {
        label = letter(i) + "  " + label;
      }
      ButtonElement.ButtonElementBuilder element =
          ButtonElement.builder()
              .text(
                  PlainTextObject.builder()
                      .text(Mrkdwn.cut(label.isEmpty() ? "…" : label, BUTTON_TEXT))
                      .emoji(true)
                      .build())
              .actionId(b.actionId());
      switch (b.style()) {
        case PRIMARY -> element.style("primary");
        case DANGER -> element.style("danger");
        case DEFAULT -> {}
      }
      row.add(element.build());
      if (row.size() == BUTTONS_PER_ROW) {
        out.add(ActionsBlock.builder().elements(row).build());
        row = new ArrayList<>();
      }
    }
    if (!row.isEmpty()) {
      out.add(ActionsBlock.builder().elements(row).build());
    }
  }

  private static List<String> chunked(String mrkdwn) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : mrkdwn.split("\n")) {
      if (current.length() + line.length() + 1 > SECTION_TEXT && !current.isEmpty()) {
        chunks.add(current.toString().stripTrailing());
        current.setLength(0);
      }
      current.append(Mrkdwn.cut(line, SECTION_TEXT - 1)).append('\n');
    }
    if (!current.isEmpty()) {
      chunks.add(current.toString().stripTrailing());
    }
    return chunks;
  }

  private static String letter(int i) {
    return i < 26 ? String.valueOf((char) ('A' + i)) : String.valueOf(i + 1);
  }

  private static void context(Text text, List<LayoutBlock> out) {
    String mrkdwn = Mrkdwn.render(text).strip();
    if (!mrkdwn.isEmpty()) {
      out.add(contextBlock(Mrkdwn.cut(mrkdwn, CONTEXT_TEXT)));
    }
  }

  private static ContextBlock contextBlock(String mrkdwn) {
    List<ContextBlockElement> elements = List.of(markdown(mrkdwn));
    return ContextBlock.builder().elements(elements).build();
  }

  private static MarkdownTextObject markdown(String mrkdwn) {
    return MarkdownTextObject.builder().text(mrkdwn).build();
  }
}
