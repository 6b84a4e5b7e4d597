package io.roadmapcoach.core.roadmap;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The ids of stages and objectives: lower-case words of letters and digits joined by hyphens,
 * starting with a letter, at most {@link #MAX_LENGTH} characters ({@code math}, {@code
 * linear-algebra}, {@code s3-o2}). They are what a new version of a roadmap is matched by, so they
 * stay put when a title is reworded.
 *
 * <p>A file that leaves them out (allowed in {@link Strictness#LENIENT} files only) gets them from
 * the position: stage 3 is {@code s3}, its second objective {@code s3-o2}. Those stay the same as
 * long as nobody inserts or moves a stage or objective in front.
 */
public final class Ids {
  public static final int MAX_LENGTH = 40;

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");

  private Ids() {}

  public static boolean valid(String id) {
    return id.length() <= MAX_LENGTH && ID.matcher(id).matches();
  }

  /** Says what an id may look like, for a problem naming a bad one. */
  public static String rule() {
    return "an id is lower-case letters, digits and single hyphens, starting with a letter, at most "
        + MAX_LENGTH
        + " characters (for example linear-algebra)";
  }

  /**
   * An id made from {@code text}, to suggest where one is missing: "Data Wrangling" gives
   * data-wrangling.
   */
  public static String suggest(String text) {
    String words =
        text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (!words.isEmpty() && !Character.isLetter(words.charAt(0))) {
      words = "n-" + words;
    }
    while (words.length() > MAX_LENGTH && words.contains("-")) {
      words = words.substring(0, words.lastIndexOf('-'));
    }
    return valid(words) ? words : "my-id";
  }

  /** The id of stage {@code stage} in a file that gives none. */
  public static String stage(int stage) {
    return "s" + stage;
  }

  /** The id of objective {@code objective} of stage {@code stage} in a file that gives none. */
  public static String objective(int stage, int objective) {
    return stage(stage) + "-o" + objective;
  }
}
