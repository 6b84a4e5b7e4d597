package io.roadmapcoach.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL: its files in the data directory, guarded by an instance lock. After a
 * hard kill of an earlier instance, the PostgreSQL it started may still run and hold the files;
 * holding the lock proves that server is an orphan, so it is stopped before starting anew.
 */
final class EmbeddedServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

  private final InstanceLock lock;
  private final EmbeddedPostgres postgres;

  private EmbeddedServer(InstanceLock lock, EmbeddedPostgres postgres) {
    this.lock = lock;
    this.postgres = postgres;
  }

  static EmbeddedServer start(Path dataDirectory, boolean durable) {
    InstanceLock lock = InstanceLock.acquire(dataDirectory);
    Path pgData = dataDirectory.resolve("postgres");
    try {
      stopOrphan(pgData);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "200");
      if (Boolean.getBoolean("roadmap.db.statementStats")) {
        // benchmarks only: where PostgreSQL's time goes, per statement (pg_stat_statements)
        builder.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain");
        // and the plan of any statement slower than 50 ms, in the server's log
        builder.setServerConfig("auto_explain.log_min_duration", "50");
        builder.setServerConfig("auto_explain.log_analyze", "on");
      }
      if (durable) {
        // the embedded default trades durability for speed; a user's data is worth the fsync
        builder.setServerConfig("fsync", "on");
      }
      return new EmbeddedServer(lock, builder.start());
    } catch (IOException | RuntimeException e) {
      closeQuietly(lock);
      if (e instanceof DatabaseStartupException startup) {
        throw startup;
      }
      throw new DatabaseStartupException(
          "The embedded PostgreSQL in "
              + pgData
              + " did not start: "
              + e.getMessage()
              + ". The log file in the data directory has the details.",
          e);
    }
  }

  /**
   * Why this machine cannot run the embedded PostgreSQL with the binaries on the class path, if it
   * cannot (the jar was built elsewhere without every platform's binaries).
   */
  static Optional<String> binariesProblem() {
    String osName = System.getProperty("os.name", "");
    String system =
        osName.startsWith("Windows") ? "Windows" : osName.startsWith("Mac") ? "Darwin" : osName;
    String architecture = System.getProperty("os.arch", "");
    try (InputStream binaries =
        DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture)) {
      return binaries == null
          ? Optional.of(missingBinaries(system, architecture))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(missingBinaries(system, architecture));
    }
  }

  private static String missingBinaries(String system, String architecture) {
    return "this build carries no embedded PostgreSQL for "
        + system
        + " on "
        + architecture
        + ": build the jar on this machine (bin/roadmap-coach does), or with ./mvnw package"
        + " -Pall-platforms for every platform, or set ROADMAP_DB_URL to an external PostgreSQL";
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** A PostgreSQL left running by an instance that was killed hard still holds the files. */
  private static void stopOrphan(Path pgData) throws IOException {
    Optional<ProcessHandle> orphan = postmasterOf(pgData);
    if (orphan.isEmpty()) {
      return;
    }
    ProcessHandle process = orphan.get();
    log.warn(
        "Stopping PostgreSQL process {} left running by an earlier instance on {}",
        process.pid(),
        pgData);
    process.destroy();
    try {
      process.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception stillRunning) {
      throw new DatabaseStartupException(
          "A PostgreSQL server (process "
              + process.pid()
              + ") left behind by an earlier run still holds "
              + pgData
              + " and did not stop within "
              + ORPHAN_STOP_WAIT.toSeconds()
              + " s. Stop it with: kill "
              + process.pid());
    }
  }

  private static Optional<ProcessHandle> postmasterOf(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.getFirst().strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.debug("while giving up the instance lock", e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("The embedded PostgreSQL did not stop cleanly", e);
    } finally {
      closeQuietly(lock);
    }
  }
}
