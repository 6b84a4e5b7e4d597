package io.roadmapcoach.core.reply;

import java.util.List;

/** One visual piece of a reply. Each platform renders every kind; none is platform-specific. */
public sealed interface Block {

  /** A title line. */
  record Header(String text) implements Block {}

  /** A paragraph; line breaks in the spans are kept. */
  record Section(Text text) implements Block {}

  /** Label/value pairs shown side by side where the platform can. */
  record Fields(List<Field> fields) implements Block {
    public Fields {
      fields = List.copyOf(fields);
    }
  }

  record Field(String label, Text value) {}

  /** How far along something is: {@code done} of {@code total}, with a caption. */
  record Progress(int done, int total, String caption) implements Block {
    public Progress {
      if (total < 1 || done < 0 || done > total) {
        throw new IllegalArgumentException("progress " + done + " of " + total);
      }
    }
  }

  /** A row of buttons; a platform that must split long rows does so itself. */
  record Buttons(List<Button> buttons) implements Block {
    public Buttons {
      buttons = List.copyOf(buttons);
    }
  }

  /** A small print line: hints, what to do next, footnotes. */
  record Context(Text text) implements Block {}

  record Divider() implements Block {}
}
