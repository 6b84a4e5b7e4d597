package io.roadmapcoach.core.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Every table of the schema, read from PostgreSQL's own catalogue rather than from a list in the
 * test: a table or column added later is walked too. Quartz's tables and Flyway's history are left
 * out (they hold no member's or workspace's data).
 */
public final class SchemaWalk {
  private SchemaWalk() {}

  /** A column of a table of ours. */
  public record Column(String table, String column) {
    @Override
    public String toString() {
      return table + "." + column;
    }
  }

  private static final String OURS =
      " and c.table_name <> 'flyway_schema_history' and c.table_name not like 'qrtz\\_%'";

  /**
   * The columns that hold ids of {@code table}'s rows: its own {@code id}, every column with a
   * foreign key to it ({@code member_id}, {@code actor_id}, {@code granted_by}, ...), and every
   * whole-number column named for it ({@code member_id}, {@code first_member_id}) even without a
   * foreign key (the outbox keeps plain ids).
   */
  public static List<Column> columnsReferencing(DSLContext dsl, String table) {
    Set<Column> found = new LinkedHashSet<>();
    found.add(new Column(table, "id"));
    dsl.fetch(
            "select kcu.table_name, kcu.column_name"
                + " from information_schema.referential_constraints rc"
                + " join information_schema.key_column_usage kcu"
                + "   on kcu.constraint_schema = rc.constraint_schema"
                + "  and kcu.constraint_name = rc.constraint_name"
                + " join information_schema.key_column_usage pk"
                + "   on pk.constraint_schema = rc.unique_constraint_schema"
                + "  and pk.constraint_name = rc.unique_constraint_name"
                + "  and pk.ordinal_position = kcu.position_in_unique_constraint"
                + " where rc.constraint_schema = 'public' and pk.table_name = ? and pk.column_name = 'id'",
            table)
        .forEach(r -> found.add(new Column(r.get(0, String.class), r.get(1, String.class))));
    dsl.fetch(
            "select c.table_name, c.column_name from information_schema.columns c"
                + " where c.table_schema = 'public' and c.data_type in ('bigint', 'integer')"
                + " and (c.column_name = ? or c.column_name like ?)"
                + OURS,
            table + "_id",
            "%\\_" + table + "\\_id")
        .forEach(r -> found.add(new Column(r.get(0, String.class), r.get(1, String.class))));
    return List.copyOf(found);
  }

  /** Every text column of every table of ours. */
  public static List<Column> textColumns(DSLContext dsl) {
    return dsl.fetch(
            "select c.table_name, c.column_name from information_schema.columns c"
                + " where c.table_schema = 'public'"
                + " and c.data_type in ('text', 'character varying')"
                + OURS
                + " order by c.table_name, c.column_name")
        .map(r -> new Column(r.get(0, String.class), r.get(1, String.class)));
  }

  /** Every table of ours. */
  public static List<String> tables(DSLContext dsl) {
    return dsl.fetch(
            "select c.table_name from information_schema.tables c"
                + " where c.table_schema = 'public' and c.table_type = 'BASE TABLE'"
                + OURS
                + " order by c.table_name")
        .getValues(0, String.class);
  }

  /** The columns, of those given, that hold any of the values in some row: "table.column = v". */
  public static List<String> holding(
      DSLContext dsl, Collection<Column> columns, Collection<?> values) {
    List<String> found = new ArrayList<>();
    if (values.isEmpty()) {
      return found;
    }
    for (Column c : columns) {
      for (Object value : values) {
        boolean held =
            dsl.fetchExists(
                DSL.selectOne()
                    .from(DSL.table(DSL.name(c.table())))
                    .where(DSL.field(DSL.name(c.column())).eq(DSL.val(value))));
        if (held) {
          found.add(c + " = " + value);
        }
      }
    }
    return found;
  }

  /** The tables, of those given by their referencing columns, that hold a row with any value. */
  public static Set<String> tablesHolding(
      DSLContext dsl, Collection<Column> columns, Collection<?> values) {
    Set<String> tables = new LinkedHashSet<>();
    for (String hit : holding(dsl, columns, values)) {
      tables.add(hit.substring(0, hit.indexOf('.')));
    }
    return tables;
  }
}
