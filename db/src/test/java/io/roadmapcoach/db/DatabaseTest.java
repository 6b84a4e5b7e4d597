package io.roadmapcoach.db;

import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
