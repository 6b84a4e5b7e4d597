package io.roadmapcoach.core.member;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a platform status says its member is away: a palm tree for an emoji (Slack's {@code
 * :palm_tree:}, or the character itself), or words such as vacation, holiday, out of office or OOO
 * in the text. Such a member gets no nudge that day, and the day does not break their streak.
 */
public final class AwayStatus {
  private static final Pattern AWAY_WORDS =
      Pattern.compile(
          "\\b(vacation|vacationing|holiday|holidays|out of (the )?office|ooo|on leave|pto)\\b");

  private AwayStatus() {}

  public static boolean looksAway(String emoji, String text) {
    String e = emoji == null ? "" : emoji.strip();
    if (e.equals(":palm_tree:") || e.equals("🌴")) {
      return true;
    }
    return text != null && AWAY_WORDS.matcher(text.toLowerCase(Locale.ROOT)).find();
  }
}
