package io.roadmapcoach.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text meant for people and logs: the value of a password, token, secret or
 * key parameter in a URL ({@code ?user=rc&password=...}, also {@code ;password=...} and {@code
 * password: ...}), and the password of a URL's user info ({@code //rc:...@host}).
 */
public final class Redaction {
  /** What a secret is replaced with. */
  public static final String MASK = "***";

  // a name that says "secret", then = or :, then the value up to the next separator
  private static final Pattern NAMED_SECRET =
      Pattern.compile(
          "(?i)\\b([\\w.-]*(?:password|passwd|pwd|secret|token|apikey|api_key|sslkey)[\\w.-]*)"
              + "(\\s*[=:]\\s*)([^&;,\\s\"'}]+)");
  // scheme://user:password@host
  private static final Pattern USER_INFO =
      Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/:@\\s]+:)([^@/\\s]+)(@)");

  private Redaction() {}

  /** The text with every secret it carries replaced by {@value #MASK}; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String withoutUserInfo =
        USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    return NAMED_SECRET
        .matcher(withoutUserInfo)
        .replaceAll(
            m ->
                m.group(3).equals(MASK)
                    ? Matcher.quoteReplacement(m.group())
                    : Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
  }
}
