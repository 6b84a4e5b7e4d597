package io.roadmapcoach.core.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the coach answers: blocks, who sees them, and whether they replace the message whose button
 * was pressed (a quiz answered in place). Adapters render it; they add nothing of their own.
 *
 * @param linkPreviews whether the platform may preview its links (Slack's unfurl, Discord's
 *     embeds); off for a reply whose link must not be fetched by anyone but the member
 */
public record Reply(
    List<Block> blocks,
    Visibility visibility,
    boolean replacesOriginal,
    Optional<Attachment> attachment,
    boolean linkPreviews) {

  public Reply {
    blocks = List.copyOf(blocks);
  }

  /** A reply whose links the platform may preview. */
  public Reply(
      List<Block> blocks,
      Visibility visibility,
      boolean replacesOriginal,
      Optional<Attachment> attachment) {
    this(blocks, visibility, replacesOriginal, attachment, true);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A one-paragraph answer only the caller sees: errors, confirmations. */
  public static Reply text(Text text) {
    return builder().section(text).build();
  }

  public static Reply text(String plain) {
    return text(Text.of(plain));
  }

  public Reply visibleTo(Visibility who) {
    return new Reply(blocks, who, replacesOriginal, attachment, linkPreviews);
  }

  public Reply replacingOriginal() {
    return new Reply(blocks, visibility, true, attachment, linkPreviews);
  }

  public Reply withAttachment(Attachment file) {
    return new Reply(blocks, visibility, replacesOriginal, Optional.of(file), linkPreviews);
  }

  /** The same reply with one more block at its end. */
  public Reply with(Block block) {
    List<Block> more = new ArrayList<>(blocks);
    more.add(block);
    return new Reply(more, visibility, replacesOriginal, attachment, linkPreviews);
  }

  /** The same reply with one more line of context at its end. */
  public Reply withContext(Text line) {
    return with(new Block.Context(line));
  }

  /** The same reply, asking the platform not to preview its links. */
  public Reply withoutLinkPreviews() {
    return new Reply(blocks, visibility, replacesOriginal, attachment, false);
  }

  /** Every button of the reply, in order. */
  public List<Button> buttons() {
    return blocks.stream()
        .flatMap(b -> b instanceof Block.Buttons row ? row.buttons().stream() : Stream.empty())
        .toList();
  }

  /** The words of the reply without formatting, for logs and tests. */
  public String plainText() {
    StringBuilder out = new StringBuilder();
    for (Block block : blocks) {
      switch (block) {
        case Block.Header h -> out.append(h.text());
        case Block.Section s -> out.append(s.text().plainText());
        case Block.Fields f ->
            f.fields()
                .forEach(
                    x ->
                        out.append(x.label())
                            .append(": ")
                            .append(x.value().plainText())
                            .append('\n'));
        case Block.Progress p ->
            out.append(p.done()).append('/').append(p.total()).append(' ').append(p.caption());
        case Block.Buttons b ->
            b.buttons().forEach(x -> out.append('[').append(x.label()).append("] "));
        case Block.Context c -> out.append(c.text().plainText());
        case Block.Divider d -> out.append("---");
      }
      out.append('\n');
    }
    return out.toString();
  }

  public static final class Builder {
    private final List<Block> blocks = new ArrayList<>();
    private Visibility visibility = Visibility.CALLER;
    private boolean replacesOriginal;

    public Builder header(String text) {
      blocks.add(new Block.Header(text));
      return this;
    }

    public Builder section(Text text) {
      blocks.add(new Block.Section(text));
      return this;
    }

    public Builder section(String plain) {
      return section(Text.of(plain));
    }

    public Builder fields(List<Block.Field> fields) {
      if (!fields.isEmpty()) {
        blocks.add(new Block.Fields(fields));
      }
      return this;
    }

    public Builder progress(int done, int total, String caption) {
      blocks.add(new Block.Progress(done, total, caption));
      return this;
    }

    public Builder buttons(List<Button> buttons) {
      if (!buttons.isEmpty()) {
        blocks.add(new Block.Buttons(buttons));
      }
      return this;
    }

    public Builder context(Text text) {
      blocks.add(new Block.Context(text));
      return this;
    }

    public Builder divider() {
      blocks.add(new Block.Divider());
      return this;
    }

    public Builder add(Block block) {
      blocks.add(block);
      return this;
    }

    public Builder visibleTo(Visibility who) {
      this.visibility = who;
      return this;
    }

    public Builder replacingOriginal() {
      this.replacesOriginal = true;
      return this;
    }

    public Reply build() {
      return new Reply(blocks, visibility, replacesOriginal, Optional.empty());
    }
  }
}
