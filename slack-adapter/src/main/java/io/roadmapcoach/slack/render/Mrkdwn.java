package io.roadmapcoach.slack.render;

import io.roadmapcoach.core.reply.Graphemes;
import io.roadmapcoach.core.reply.Span;
import io.roadmapcoach.core.reply.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The core's neutral spans as Slack mrkdwn. Every piece of text is escaped ({@code &}, {@code <},
 * {@code >}), so nothing a member typed (a display name, a channel name) can become a mention, a
 * {@code <!channel>} ping or a link. Formatting that its own delimiter would break (a bold span
 * holding a {@code *}) is written plain rather than garbled.
 */
final class Mrkdwn {
  private Mrkdwn() {}

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String render(Text text) {
    StringBuilder out = new StringBuilder();
    for (Span span : text.spans()) {
      out.append(render(span));
    }
    return out.toString();
  }

  static String render(Span span) {
    return switch (span) {
      case Span.Plain p -> escape(p.text());
      case Span.Bold b -> wrap(b.text(), '*');
      case Span.Italic i -> wrap(i.text(), '_');
      case Span.Code c -> wrap(c.text(), '`');
      case Span.Link l -> link(l.text(), l.url());
      case Span.Mention m ->
          m.memberExternalId().matches("[UW][A-Z0-9]{2,30}")
              ? "<@" + m.memberExternalId() + ">"
              : escape("@" + m.text());
    };
  }

  /**
   * Text as chunks of at most {@code limit} characters of mrkdwn, broken between lines where it can
   * and never inside an entity or a formatted run.
   */
  static List<String> chunks(Text text, int limit) {
    List<String> pieces = new ArrayList<>();
    for (Span span : text.spans()) {
      for (String line : linesOf(span.text())) {
        Span part = withText(span, line);
        String rendered = render(part);
        if (rendered.length() <= limit) {
          pieces.add(rendered);
        } else {
          pieces.addAll(hardSplit(part, limit));
        }
      }
    }
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int lineEnd = 0; // where the last whole line in `current` ends
    for (String piece : pieces) {
      if (current.length() + piece.length() > limit) {
        int cut = lineEnd > 0 ? lineEnd : current.length();
        chunks.add(current.substring(0, cut));
        current.delete(0, cut);
        lineEnd = 0;
        if (current.length() + piece.length() > limit) {
          chunks.add(current.toString());
          current.setLength(0);
        }
      }
      current.append(piece);
      if (piece.endsWith("\n")) {
        lineEnd = current.length();
      }
    }
    if (!current.isEmpty()) {
      chunks.add(current.toString());
    }
    return chunks.stream().map(Mrkdwn::trimNewlines).filter(s -> !s.isBlank()).toList();
  }

  /**
   * Cuts text to {@code limit} UTF-16 code units (as Slack counts), with an ellipsis when something
   * was cut, between grapheme clusters and never inside an entity such as {@code &amp;}.
   */
  static String cut(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    String head = Graphemes.head(text, limit - Graphemes.ELLIPSIS.length());
    int amp = head.lastIndexOf('&');
    if (amp >= 0 && head.indexOf(';', amp) < 0) {
      head = head.substring(0, amp); // half an entity would show as text
    }
    return head + Graphemes.ELLIPSIS;
  }

  private static String wrap(String text, char delimiter) {
    if (text.isBlank()) {
      return escape(text);
    }
    // mrkdwn wants the delimiters against the words: keep outer spaces outside them
    int start = 0;
    int end = text.length();
    while (Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    String inner = text.substring(start, end);
    if (inner.indexOf(delimiter) >= 0 || inner.indexOf('\n') >= 0) {
      return escape(text);
    }
    return escape(text.substring(0, start))
        + delimiter
        + escape(inner)
        + delimiter
        + escape(text.substring(end));
  }

  private static String link(String text, String url) {
    if (url == null
        || url.isBlank()
        || !(url.startsWith("https://") || url.startsWith("http://"))) {
      return escape(text);
    }
    String safeUrl = escape(url.replace("|", "%7C"));
    String label = escape(text).replace("|", "¦");
    return label.isBlank() ? "<" + safeUrl + ">" : "<" + safeUrl + "|" + label + ">";
  }

  private static List<String> linesOf(String text) {
    List<String> lines = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(from, i + 1));
        from = i + 1;
      }
    }
    if (from < text.length()) {
      lines.add(text.substring(from));
    }
    return lines;
  }

  private static Span withText(Span span, String text) {
    return switch (span) {
      case Span.Plain p -> new Span.Plain(text);
      case Span.Bold b -> new Span.Bold(text);
      case Span.Italic i -> new Span.Italic(text);
      case Span.Code c -> new Span.Code(text);
      case Span.Link l -> new Span.Link(text, l.url());
      case Span.Mention m -> new Span.Mention(text, m.memberExternalId());
    };
  }

  /** One line longer than a whole chunk: split its words, written plain. */
  private static List<String> hardSplit(Span span, int limit) {
    List<String> out = new ArrayList<>();
    String raw = span.text();
    // escaping at most quintuples a character (& -> &amp;): a fifth of the limit always fits
    int step = Math.max(1, limit / 5);
    for (int from = 0; from < raw.length(); ) {
      int to = from + Graphemes.boundaryAtOrBefore(raw.substring(from), step);
      if (to == from) {
        to = raw.offsetByCodePoints(from, 1); // one cluster longer than a step: whole code points
      }
      out.add(escape(raw.substring(from, to)));
      from = to;
    }
    return out;
  }

  private static String trimNewlines(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '\n') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '\n') {
      end--;
    }
    return s.substring(start, end);
  }
}
