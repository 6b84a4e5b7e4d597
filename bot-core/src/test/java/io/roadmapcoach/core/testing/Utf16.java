package io.roadmapcoach.core.testing;

/** What the platforms' limit checks in the tests share: text as the wire carries it. */
public final class Utf16 {
  private Utf16() {}

  /** Whether every surrogate in {@code s} is half of a pair: a lone one is invalid UTF-8. */
  public static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
