package io.roadmapcoach.core.reply;

/**
 * What a member typed, as a reply quotes it back: on one line, without control or format characters
 * (a right-to-left override would turn the rest of the reply around, a zero-width space hide a
 * difference), and cut after {@link #LIMIT} characters with "…", so that a pasted page comes back
 * as a short reminder of what was typed, not the page itself.
 */
public final class Echo {
  /** The most characters of typed text a reply quotes. */
  public static final int LIMIT = 40;

  private Echo() {}

  public static String of(String typed) {
    String line = visible(typed).strip().replaceAll("(?U)\\s+", " ");
    if (line.codePointCount(0, line.length()) <= LIMIT) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, LIMIT)) + "…";
  }

  /** The text without format characters (bidi controls among them) and with controls as spaces. */
  private static String visible(String typed) {
    StringBuilder out = new StringBuilder(typed.length());
    typed
        .codePoints()
        .forEach(
            c -> {
              switch (Character.getType(c)) {
                case Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE -> {}
                case Character.CONTROL -> out.append(' ');
                default -> out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
