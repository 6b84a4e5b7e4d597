package io.roadmapcoach.db.testing;

import io.roadmapcoach.db.Database;
import io.roadmapcoach.db.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * PostgreSQL clusters made once per test JVM and copied for each test that needs a server or an
 * app's data directory of its own. {@code initdb} and the migrations take seconds, a copy of the
 * stopped cluster a fraction of one, and the suite starts dozens of servers. The copies are the
 * same files the first start would have made, so whatever a test does with them is what a second
 * start of the app does.
 *
 * <p>Tests about the first start itself (an empty data directory) do not use these.
 */
public final class ClusterTemplates {
  /** Where the app's embedded PostgreSQL keeps its files inside {@code ROADMAP_DATA_DIR}. */
  private static final String APP_CLUSTER = "postgres";

  private static Path root;
  private static Path bare;
  private static Path migrated;

  private ClusterTemplates() {}

  /**
   * Makes {@code dataDirectory} what the app's first start would have left in it: an initialized
   * embedded PostgreSQL with every migration applied, stopped. Leaves a directory that already
   * holds a cluster as it is.
   *
   * @return {@code dataDirectory}
   */
  public static Path seedDataDirectory(Path dataDirectory) {
    QuickRun.skipIfOn("an embedded PostgreSQL");
    Path cluster = dataDirectory.resolve(APP_CLUSTER);
    if (Files.exists(cluster)) {
      return dataDirectory;
    }
    copy(migrated(), cluster);
    return dataDirectory;
  }

  /**
   * A new PostgreSQL server with nothing in it (no schema: what an operator's new external server
   * looks like), on a free port. Closing it stops it; its files go when the JVM exits.
   */
  public static EmbeddedPostgres startEmpty() {
    return startEmpty(newCopyDirectory(), 0);
  }

  /**
   * A PostgreSQL server whose files are in {@code cluster} (copied from an empty cluster first if
   * there are none yet), on {@code port} (0 for a free one). Starting it again on the same
   * directory finds what the last run left there.
   */
  public static EmbeddedPostgres startEmpty(Path cluster, int port) {
    QuickRun.skipIfOn("a PostgreSQL server");
    if (!Files.exists(cluster.resolve("PG_VERSION"))) {
      copy(bare(), cluster);
    }
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false);
    if (port != 0) {
      builder.setPort(port);
    }
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Path bare() {
    if (bare == null) {
      Path dir = templateRoot().resolve("bare");
      try (EmbeddedPostgres made =
          EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start()) {
        bare = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bare;
  }

  private static synchronized Path migrated() {
    if (migrated == null) {
      Path dataDirectory = templateRoot().resolve("migrated");
      // the app's own start-up, so the files are laid out as it lays them out
      Database.open(DatabaseSettings.embedded(dataDirectory), false).close();
      migrated = dataDirectory.resolve(APP_CLUSTER);
    }
    return migrated;
  }

  private static synchronized Path newCopyDirectory() {
    try {
      Path dir = Files.createTempDirectory(templateRoot(), "server");
      Files.delete(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Path templateRoot() {
    if (root == null) {
      try {
        root = Files.createTempDirectory("roadmap-test-clusters");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> deleteQuietly(root), "test-clusters-delete"));
    }
    return root;
  }

  /** Copies a stopped cluster with its permissions (PostgreSQL refuses a readable data dir). */
  private static void copy(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.walkFileTree(
          from,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
                throws IOException {
              Files.copy(
                  dir,
                  to.resolve(from.relativize(dir).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.copy(
                  file,
                  to.resolve(from.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES,
                  LinkOption.NOFOLLOW_LINKS);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy the template cluster to " + to, e);
    }
  }

  /** Deletes a stopped cluster's (or any) directory, as far as it can. */
  static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory: the system cleans it up in the end
    }
  }
}
