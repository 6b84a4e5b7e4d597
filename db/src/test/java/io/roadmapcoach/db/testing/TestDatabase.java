package io.roadmapcoach.db.testing;

import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * One real PostgreSQL per test JVM (embedded, schema migrated once), emptied before each test by
 * {@link PostgresExtension}. Tests never see H2 or mocked repositories.
 */
public final class TestDatabase {
  private static Database database;
  private static List<String> tables;

  private TestDatabase() {}

  /** The shared database, started on first use, stopped and deleted when the JVM exits. */
  public static synchronized Database get() {
    QuickRun.skipIfOn("the embedded PostgreSQL");
    if (database == null) {
      try {
        var dir = Files.createTempDirectory("roadmap-test-db");
        Database opened = Database.open(DatabaseSettings.embedded(dir), false);
        database = opened;
        // its files go with it: a run makes one such directory per test JVM
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      opened.close();
                      ClusterTemplates.deleteQuietly(dir);
                    },
                    "test-db-stop"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return database;
  }

  public static DataSource dataSource() {
    return get().dataSource();
  }

  public static DSLContext dsl() {
    return get().dsl();
  }

  /**
   * Empties every table, ours and Quartz's, so each test starts from nothing but the row the
   * migrations seed: the deployment's roadmap (row 0 of {@code roadmap}), which every new channel
   * follows and the coach fills in from its file.
   */
  public static synchronized void truncateAll() {
    DSLContext dsl = dsl();
    if (tables == null) {
      tables =
          dsl.fetch(
                  "select tablename from pg_tables where schemaname = 'public'"
                      + " and tablename <> 'flyway_schema_history'")
              .getValues(0, String.class);
    }
    dsl.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
    dsl.execute(
        "insert into roadmap (id, key, title, file_name, source, uploaded_at)"
            + " overriding system value values (0, '', '', 'roadmap.yaml', '', now())");
  }
}
