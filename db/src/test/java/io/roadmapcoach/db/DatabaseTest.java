package io.roadmapcoach.db;

import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roadmapcoach.db.testing.ClusterTemplates;
import io.roadmapcoach.db.testing.QuickRun;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Servers started and stopped, and start-ups that wait out an unreachable one (the pool's 30 s),
 * each on files of its own: the cases run at once.
 */
@ExtendWith(QuickRun.class)
@Execution(ExecutionMode.CONCURRENT)
class DatabaseTest {

  @Test
  void embeddedDataSurvivesARestartOnTheSameDirectory(@TempDir Path dir) {
    try (Database first = Database.open(DatabaseSettings.embedded(dir), false)) {
      first
          .dsl()
          .insertInto(WORKSPACE, WORKSPACE.PLATFORM, WORKSPACE.EXTERNAL_ID)
          .values("console", "local")
          .execute();
    }
    try (Database second = Database.open(DatabaseSettings.embedded(dir), false)) {
      assertThat(second.dsl().fetchCount(WORKSPACE, WORKSPACE.EXTERNAL_ID.eq("local")))
          .isEqualTo(1);
    }
  }

  @Test
  void aSecondInstanceOnTheSameDirectoryIsRefusedWithAClearMessage(@TempDir Path dir) {
    try (Database first = Database.open(DatabaseSettings.embedded(dir), false)) {
      assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(dir), false))
          .isInstanceOf(DatabaseStartupException.class)
          .hasMessageContaining("already running on the data directory " + dir)
          .hasMessageContaining("ROADMAP_DATA_DIR");
      assertThat(first.dsl().fetchOne("select 1").get(0)).isEqualTo(1);
    }
  }

  @Test
  void anUnreachableExternalServerIsNamedWithoutItsPassword(@TempDir Path dir) {
    var settings =
        new DatabaseSettings(
            java.util.Optional.of("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2"),
            java.util.Optional.of("coach"),
            java.util.Optional.of("s3cret-pass"),
            dir,
            2);
    assertThatThrownBy(() -> Database.open(settings))
        .isInstanceOf(DatabaseStartupException.class)
        .hasMessageContaining("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/none")
        .hasMessageNotContaining("s3cret-pass");
  }

  @Test
  void anOutageIsToldWithinTheConnectionTimeoutNotThePools30Seconds(@TempDir Path dir)
      throws Exception {
    EmbeddedPostgres server = ClusterTemplates.startEmpty();
    var settings =
        new DatabaseSettings(
            Optional.of(server.getJdbcUrl("postgres", "postgres")),
            Optional.empty(),
            Optional.empty(),
            dir,
            4);
    try (Database database = Database.open(settings)) {
      assertThat(database.healthy()).isTrue();

      server.close();

      long started = System.nanoTime();
      assertThatThrownBy(() -> database.dsl().fetchOne("select 1"))
          .isInstanceOf(org.jooq.exception.DataAccessException.class);
      assertThat(database.healthy()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aProbeOfAnExternalServerSaysItsVersionAndPendingMigrations(@TempDir Path dir)
      throws Exception {
    try (EmbeddedPostgres server = ClusterTemplates.startEmpty()) {
      var settings =
          new DatabaseSettings(
              Optional.of(server.getJdbcUrl("postgres", "postgres")),
              Optional.empty(),
              Optional.of("anything"),
              dir,
              4);

      Database.Probe empty = Database.probe(settings, Duration.ofSeconds(2));
      assertThat(empty.serverVersion()).startsWith("17.");
      assertThat(empty.schemaVersion()).isEqualTo("none");
      assertThat(empty.pendingMigrations()).isPositive();

      try (Database database = Database.open(settings)) {
        assertThat(database.migrations().applied()).isEqualTo(empty.pendingMigrations());
        assertThat(Database.probe(settings, Duration.ofSeconds(2)).pendingMigrations()).isZero();
        assertThat(Database.probe(settings, Duration.ofSeconds(2)).schemaVersion())
            .isEqualTo(database.migrations().version());
      }
    }
  }

  @Test
  void aProbeOfAnUnreachableServerNamesItWithoutThePassword(@TempDir Path dir) {
    var settings =
        new DatabaseSettings(
            Optional.of("jdbc:postgresql://127.0.0.1:1/none?password=s3cret-pass"),
            Optional.of("coach"),
            Optional.of("s3cret-pass"),
            dir,
            2);
    assertThatThrownBy(() -> Database.probe(settings, Duration.ofSeconds(2)))
        .isInstanceOf(DatabaseStartupException.class)
        .hasMessageContaining("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/none")
        .hasMessageNotContaining("s3cret-pass");
  }

  @Test
  void thisMachineHasItsEmbeddedPostgresBinaries() {
    assertThat(Database.embeddedBinariesProblem()).isEmpty();
  }
}
