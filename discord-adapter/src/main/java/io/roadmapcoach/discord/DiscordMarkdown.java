package io.roadmapcoach.discord;

import io.roadmapcoach.core.reply.Span;
import io.roadmapcoach.core.reply.Text;
import java.util.Locale;

/**
 * Neutral spans as Discord markdown. Plain text is escaped, so a member named {@code *star*} or a
 * question about {@code a_b} reads as written and nothing in stored text can open a mention, a
 * masked link or a heading.
 */
final class DiscordMarkdown {
  /** Characters that mean something anywhere in a line. */
  private static final String INLINE = "\\*_~`|[]<>#";

  /** Characters that mean something to titles and field names (no links, headings or quotes). */
  private static final String TITLE = "\\*_~`|";

  private DiscordMarkdown() {}

  static String render(Text text) {
    StringBuilder out = new StringBuilder();
    for (Span span : text.spans()) {
      switch (span) {
        case Span.Plain p -> out.append(escape(p.text()));
        case Span.Bold b -> out.append(wrap(b.text(), "**"));
        case Span.Italic i -> out.append(wrap(i.text(), "*"));
        case Span.Code c -> out.append(code(c.text()));
        case Span.Link l -> out.append(link(l.text(), l.url()));
        case Span.Mention m -> out.append(mention(m));
      }
    }
    return out.toString();
  }

  /** A user mention when the id is Discord's (a snowflake), else the name. */
  private static String mention(Span.Mention m) {
    return m.memberExternalId().matches("[0-9]{5,25}")
        ? "<@" + m.memberExternalId() + ">"
        : escape("@" + m.text());
  }

  /** Text for an embed title or field name: markdown characters escaped, one line. */
  static String title(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.append(' ');
        continue;
      }
      if (TITLE.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Escapes plain text: inline markers everywhere, and list, heading and subtext starts at the
   * beginning of a line (a span's first character counts as one, to be safe).
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append(c);
        lineStart = true;
        i++;
        continue;
      }
      if (lineStart) {
        if (c == ' ' || c == '\t') {
          out.append(c);
          i++;
          continue;
        }
        lineStart = false;
        if (c == '-' || c == '+') {
          out.append('\\').append(c);
          i++;
          continue;
        }
        if (Character.isDigit(c)) {
          int end = i;
          while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
          }
          if (end < text.length() && text.charAt(end) == '.') {
            out.append(text, i, end).append("\\.");
            i = end + 1;
            continue;
          }
        }
      }
      if (INLINE.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** {@code **text**} with the markers inside surrounding spaces, which markdown requires. */
  private static String wrap(String text, String marker) {
    if (text.isBlank()) {
      return text;
    }
    int start = 0;
    int end = text.length();
    while (Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, start)
        + marker
        + escape(text.substring(start, end))
        + marker
        + text.substring(end);
  }

  /** Inline code; a backtick inside cannot be escaped there, so it is shown as a look-alike. */
  private static String code(String text) {
    if (text.isEmpty()) {
      return "";
    }
    return "`" + text.replace('`', 'ˋ').replace('\n', ' ') + "`";
  }

  private static String link(String text, String url) {
    String label = text.isBlank() ? url : text;
    String lower = url.strip().toLowerCase(Locale.ROOT);
    if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
      return escape(label);
    }
    String safe =
        url.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C");
    return "[" + escape(label).replace("\n", " ") + "](" + safe + ")";
  }
}
