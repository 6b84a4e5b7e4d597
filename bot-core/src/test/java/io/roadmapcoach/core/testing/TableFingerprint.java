package io.roadmapcoach.core.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * A digest of every row of every table of ours, one per table, in a single query: what {@link
 * TableSnapshot} proves, cheaply enough to take before and after each of thousands of commands.
 * Left out as {@link TableSnapshot} leaves them out (Quartz, Flyway, the requests a transport has
 * seen), and, when asked, the member's platform profile that every command refreshes (their name,
 * the time zone and admin rights the platform reports, their away status).
 *
 * @param digests each table's digest, by table name
 */
public record TableFingerprint(Map<String, String> digests) {

  /** The columns of a member's platform profile: refreshed by every command from the platform. */
  public static final Set<String> PLATFORM_PROFILE =
      Set.of("display_name", "platform_time_zone", "platform_admin", "away_since", "away_until");

  public static TableFingerprint of(DSLContext dsl) {
    return of(dsl, Set.of());
  }

  /** Every table but the member's platform profile columns (see {@link #PLATFORM_PROFILE}). */
  public static TableFingerprint ignoringPlatformProfiles(DSLContext dsl) {
    return of(dsl, PLATFORM_PROFILE);
  }

  private static TableFingerprint of(DSLContext dsl, Set<String> memberColumnsLeftOut) {
    List<String> tables =
        dsl.fetch(
                "select tablename from pg_tables where schemaname = 'public'"
                    + " and tablename not in ('flyway_schema_history', 'seen_request')"
                    + " and tablename not like 'qrtz\\_%' order by tablename")
            .getValues(0, String.class);
    String leftOut =
        memberColumnsLeftOut.stream().map(c -> " - '" + c + "'").collect(Collectors.joining());
    String query =
        tables.stream()
            .map(
                table -> {
                  String row = "(to_jsonb(t)" + (table.equals("member") ? leftOut : "") + ")::text";
                  return "select '"
                      + table
                      + "', coalesce(md5(string_agg("
                      + row
                      + ", ',' order by "
                      + row
                      + ")), '') from "
                      + table
                      + " t";
                })
            .collect(Collectors.joining(" union all "));
    Map<String, String> digests = new TreeMap<>();
    dsl.fetch(query).forEach(r -> digests.put(r.get(0, String.class), r.get(1, String.class)));
    return new TableFingerprint(digests);
  }

  /** The tables whose rows differ from {@code other}'s. */
  public Set<String> changedSince(TableFingerprint other) {
    Set<String> changed = new TreeSet<>();
    digests.forEach(
        (table, digest) -> {
          if (!digest.equals(other.digests.get(table))) {
            changed.add(table);
          }
        });
    return changed;
  }
}
