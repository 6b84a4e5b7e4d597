package io.roadmapcoach.core.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Every row of every table of ours, as text: taken before and after a command to prove that the
 * command changed nothing. Quartz's own tables, Flyway's history and the signed requests a
 * platform's transport has seen (every request is remembered, changed or not) are left out.
 *
 * @param rows each table's rows, sorted, by table name
 */
public record TableSnapshot(Map<String, List<String>> rows) {

  public static TableSnapshot of(DSLContext dsl) {
    List<String> tables =
        dsl.fetch(
                "select tablename from pg_tables where schemaname = 'public'"
                    + " and tablename not in ('flyway_schema_history', 'seen_request')"
                    + " and tablename not like 'qrtz\\_%'")
            .getValues(0, String.class);
    Map<String, List<String>> rows = new TreeMap<>();
    for (String table : tables) {
      rows.put(
          table,
          dsl.fetch("select * from " + table).stream()
              .map(r -> Arrays.deepToString(r.intoArray()))
              .sorted()
              .toList());
    }
    return new TableSnapshot(rows);
  }

  /** How many rows {@code table} holds. */
  public int count(String table) {
    return rows.getOrDefault(table, List.of()).size();
  }
}
