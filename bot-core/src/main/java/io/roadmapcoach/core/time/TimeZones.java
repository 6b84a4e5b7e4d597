package io.roadmapcoach.core.time;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Time zone names as members type them: {@code Europe/Berlin}, any letter case, or {@code UTC}.
 * Offsets and abbreviations (CET, PST) are refused: they do not follow daylight saving.
 */
public final class TimeZones {
  private static final Map<String, String> BY_LOWER_CASE =
      ZoneId.getAvailableZoneIds().stream()
          .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
          .collect(
              Collectors.toUnmodifiableMap(
                  id -> id.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));

  private static final List<String> SORTED = BY_LOWER_CASE.values().stream().sorted().toList();

  private TimeZones() {}

  public static Optional<ZoneId> parse(String input) {
    String key = input.strip().toLowerCase(Locale.ROOT);
    if (key.equals("utc")) {
      return Optional.of(ZoneId.of("UTC"));
    }
    return Optional.ofNullable(BY_LOWER_CASE.get(key)).map(ZoneId::of);
  }

  /** A zone whose city is what was typed ({@code berlin} -> {@code Europe/Berlin}). */
  public static Optional<String> suggest(String input) {
    String city = input.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    int slash = city.lastIndexOf('/');
    String wanted = slash >= 0 ? city.substring(slash + 1) : city;
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    return SORTED.stream()
        .filter(id -> id.toLowerCase(Locale.ROOT).endsWith("/" + wanted))
        .min(Comparator.comparingInt(String::length));
  }

  /** Zone ids that contain {@code fragment}, for autocompletion; at most {@code limit}. */
  public static List<String> matching(String fragment, int limit) {
    String needle = fragment.strip().toLowerCase(Locale.ROOT);
    return SORTED.stream()
        .filter(id -> id.toLowerCase(Locale.ROOT).contains(needle))
        .limit(limit)
        .toList();
  }
}
