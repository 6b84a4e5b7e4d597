package io.roadmapcoach.core.time;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Time zone names as members type them: {@code Europe/Berlin}, any letter case, or universal time
 * by any of its usual names ({@code UTC}, {@code GMT}, {@code Z}, {@code Etc/UTC}). Offsets and
 * abbreviations of local zones (CET, PST) are refused: they do not follow daylight saving.
 */
public final class TimeZones {
  private static final Map<String, String> BY_LOWER_CASE =
      ZoneId.getAvailableZoneIds().stream()
          .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
          .collect(
              Collectors.toUnmodifiableMap(
                  id -> id.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));

  /** Names of universal time, which never changes with the seasons: all read as {@code UTC}. */
  private static final Set<String> UNIVERSAL =
      Set.of("utc", "gmt", "z", "zulu", "etc/utc", "etc/gmt", "etc/uct", "etc/zulu", "uct");

  private static final ZoneId UTC = ZoneId.of("UTC");

  private static final List<String> SORTED = BY_LOWER_CASE.values().stream().sorted().toList();

  private TimeZones() {}

  public static Optional<ZoneId> parse(String input) {
    String key = input.strip().toLowerCase(Locale.ROOT);
    if (UNIVERSAL.contains(key)) {
      return Optional.of(UTC);
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
