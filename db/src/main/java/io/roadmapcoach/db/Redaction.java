package io.roadmapcoach.db;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text meant for people and logs, in two layers.
 *
 * <p>The secrets the app was given (its passwords, tokens and keys, see {@link #knowing}) are
 * masked wherever they appear, whole, also URL-encoded: that holds whatever characters they are
 * made of ({@code ;}, {@code ,}, {@code &}, {@code %}, {@code =}, spaces).
 *
 * <p>Behind that, patterns catch what nobody told us: in a URL, user info ({@code //rc:...@host})
 * and the value of every password, token, secret or key parameter of its query, each up to the
 * query's own separator ({@code &} after a {@code ?}, else {@code ;}); elsewhere, {@code
 * password=...} or {@code token: ...} up to the next space. A source file's name in a stack trace
 * ({@code TokenCipher.java:55}) is not a secret and is left alone.
 *
 * <p>A connection string the app prints itself is cut down further, to where it points: {@link
 * #databaseAddress}.
 */
public final class Redaction {
  /** What a secret is replaced with. */
  public static final String MASK = "***";

  /** Shorter known secrets are not hunted for in text: masking every "ab" would garble logs. */
  static final int MIN_KNOWN_LENGTH = 3;

  private static final Redaction PATTERNS_ONLY = new Redaction(List.of());

  private static final String SECRET_WORD =
      "(?:password|passwd|pwd|secret|token|apikey|api_key|sslkey)";
  // a name that says "secret" (not a source file's name), then = or :, then the value
  private static final Pattern NAMED_SECRET =
      Pattern.compile(
          "(?i)\\b([\\w.-]*"
              + SECRET_WORD
              + "[\\w.-]*)(?<!\\.java)(?<!\\.kt)(?<!\\.class)(\\s*[=:]\\s*)([^\\s\"'}]+)");
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*" + SECRET_WORD + ".*");
  // scheme://... (jdbc:postgresql://... too), up to a space, a quote or an angle bracket
  private static final Pattern URL =
      Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*:(?:[a-z][a-z0-9+.-]*:)?//[^\\s\"'<>]+");
  // scheme://user:password@host
  private static final Pattern USER_INFO = Pattern.compile("^([^/]*//[^/:@]+:)([^/]+)(@)");

  private final List<String> known;

  private Redaction(List<String> known) {
    this.known = known;
  }

  /** Patterns only: for text whose secrets were never handed to the app. */
  public static Redaction patterns() {
    return PATTERNS_ONLY;
  }

  /**
   * Masks these secrets wherever they appear (as given, URL-encoded and URL-decoded), then the
   * patterns. Blank values, and values shorter than {@value #MIN_KNOWN_LENGTH} characters, are left
   * to the patterns.
   */
  public static Redaction knowing(Collection<String> secrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (secret == null || secret.strip().length() < MIN_KNOWN_LENGTH) {
        continue;
      }
      forms.add(secret);
      forms.add(secret.strip());
      String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      forms.add(encoded);
      forms.add(encoded.replace("+", "%20"));
      decoded(secret).ifPresent(forms::add);
    }
    List<String> longestFirst = new ArrayList<>(forms);
    longestFirst.removeIf(form -> form.length() < MIN_KNOWN_LENGTH);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    return new Redaction(List.copyOf(longestFirst));
  }

  /** The text with every secret it carries replaced by {@value #MASK}; null stays null. */
  public static String redact(String text) {
    return PATTERNS_ONLY.apply(text);
  }

  /** The text with every secret it carries replaced by {@value #MASK}; null stays null. */
  public String apply(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = text;
    for (String secret : known) {
      masked = masked.replace(secret, MASK);
    }
    String inUrls = URL.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(url(m.group())));
    return NAMED_SECRET
        .matcher(inUrls)
        .replaceAll(
            m ->
                m.group(3).startsWith(MASK)
                    ? Matcher.quoteReplacement(m.group())
                    : Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
  }

  /** A URL with its user info's password and its secret parameters masked, the rest kept. */
  private static String url(String url) {
    String withoutUserInfo =
        USER_INFO.matcher(url).replaceFirst(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    int query = withoutUserInfo.indexOf('?');
    if (query >= 0) {
      return withoutUserInfo.substring(0, query + 1)
          + parameters(withoutUserInfo.substring(query + 1), "&");
    }
    int semicolon = withoutUserInfo.indexOf(';');
    if (semicolon >= 0) {
      return withoutUserInfo.substring(0, semicolon + 1)
          + parameters(withoutUserInfo.substring(semicolon + 1), ";");
    }
    return withoutUserInfo;
  }

  private static String parameters(String query, String separator) {
    List<String> kept = new ArrayList<>();
    for (String parameter : query.split(Pattern.quote(separator), -1)) {
      int equals = parameter.indexOf('=');
      kept.add(
          equals > 0 && SECRET_NAME.matcher(parameter.substring(0, equals)).matches()
              ? parameter.substring(0, equals + 1) + MASK
              : parameter);
    }
    return String.join(separator, kept);
  }

  /**
   * Where a JDBC URL points, and nothing else: {@code jdbc:postgresql://host:port/database} without
   * user info or parameters (which may carry a password, whatever characters it is made of).
   */
  public static String databaseAddress(String jdbcUrl) {
    if (jdbcUrl == null) {
      return null;
    }
    String url = jdbcUrl.strip();
    int end = url.length();
    for (char stop : new char[] {'?', '#', ';', ' ', '\t'}) {
      int at = url.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    String address = url.substring(0, end);
    int authority = address.indexOf("//");
    if (authority >= 0) {
      int hostStart = authority + 2;
      int pathStart = address.indexOf('/', hostStart);
      int hostEnd = pathStart < 0 ? address.length() : pathStart;
      int userInfo = address.lastIndexOf('@', hostEnd - 1);
      if (userInfo >= hostStart) {
        address = address.substring(0, hostStart) + address.substring(userInfo + 1);
      }
    }
    return address;
  }

  /**
   * The secrets a JDBC URL carries, for {@link #knowing}: the password of its user info and the
   * value of each password, token, secret or key parameter, as written and decoded.
   */
  public static List<String> secretsIn(String jdbcUrl) {
    if (jdbcUrl == null) {
      return List.of();
    }
    List<String> secrets = new ArrayList<>();
    Matcher userInfo = USER_INFO.matcher(jdbcUrl);
    if (userInfo.find()) {
      secrets.add(userInfo.group(2));
    }
    int query = jdbcUrl.indexOf('?');
    if (query >= 0) {
      for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
        int equals = parameter.indexOf('=');
        if (equals > 0 && SECRET_NAME.matcher(parameter.substring(0, equals)).matches()) {
          String value = parameter.substring(equals + 1);
          secrets.add(value);
          decoded(value).ifPresent(secrets::add);
        }
      }
    }
    return secrets;
  }

  private static java.util.Optional<String> decoded(String value) {
    try {
      return java.util.Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException notEncoded) {
      // a % that starts no escape: the value is only ever seen as written
      return java.util.Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "Redaction[" + known.size() + " known forms of secrets]";
  }
}
