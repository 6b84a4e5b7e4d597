package io.roadmapcoach.core.reply;

import java.text.BreakIterator;

/**
 * Cutting text to a platform's limit without breaking what a reader sees as one character. Slack
 * and Discord count their limits in UTF-16 code units (a JavaScript string's length), so lengths
 * here are {@link String#length()}; but a cut may fall only between grapheme clusters (an emoji
 * with a skin-tone modifier, a ZWJ family, a flag's two regional indicators, a letter with its
 * combining marks), never inside one: half a surrogate pair is invalid UTF-8 on the wire, and half
 * a cluster shows as another character. {@link BreakIterator}'s character instance follows the
 * extended grapheme clusters of Unicode's UAX #29 since Java 20.
 */
public final class Graphemes {
  /** What a cut text ends with. */
  public static final String ELLIPSIS = "…";

  private Graphemes() {}

  /**
   * Where to cut {@code text} so that its head is at most {@code maxUnits} UTF-16 code units long
   * and ends between two grapheme clusters: the text's length when it fits, else the last cluster
   * boundary at or before {@code maxUnits} (0 when the first cluster alone is longer).
   */
  public static int boundaryAtOrBefore(String text, int maxUnits) {
    if (text.length() <= maxUnits) {
      return text.length();
    }
    if (maxUnits <= 0) {
      return 0;
    }
    BreakIterator clusters = BreakIterator.getCharacterInstance();
    clusters.setText(text);
    if (clusters.isBoundary(maxUnits)) {
      return maxUnits;
    }
    int before = clusters.preceding(maxUnits);
    return before == BreakIterator.DONE ? 0 : before;
  }

  /** The longest head of {@code text} of whole clusters within {@code maxUnits} code units. */
  public static String head(String text, int maxUnits) {
    return text.substring(0, boundaryAtOrBefore(text, maxUnits));
  }

  /**
   * {@code text} itself when it fits in {@code maxUnits}, else its longest head of whole clusters
   * followed by an ellipsis, the whole within {@code maxUnits}.
   */
  public static String truncate(String text, int maxUnits) {
    if (text.length() <= maxUnits) {
      return text;
    }
    return head(text, maxUnits - ELLIPSIS.length()) + ELLIPSIS;
  }
}
