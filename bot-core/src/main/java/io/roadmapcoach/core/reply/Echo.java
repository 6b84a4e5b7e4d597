package io.roadmapcoach.core.reply;

/**
 * What a member typed, as a reply quotes it back: on one line, and cut after {@link #LIMIT}
 * characters with "…", so that a pasted page comes back as a short reminder of what was typed, not
 * the page itself.
 */
public final class Echo {
  /** The most characters of typed text a reply quotes. */
  public static final int LIMIT = 40;

  private Echo() {}

  public static String of(String typed) {
    String line = typed.strip().replaceAll("(?U)\\s+", " ");
    if (line.codePointCount(0, line.length()) <= LIMIT) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, LIMIT)) + "…";
  }
}
