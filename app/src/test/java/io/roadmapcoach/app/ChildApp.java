package io.roadmapcoach.app;

import io.roadmapcoach.db.testing.ClusterTemplates;
import io.roadmapcoach.db.testing.QuickRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real {@link Main} in a JVM of its own, with the production logging configuration (not the
 * tests'), its standard error collected as it comes. An embedded data directory starts with the
 * database the app's first start would have made ({@link ClusterTemplates}).
 */
final class ChildApp implements AutoCloseable {
  private final Process process;
  private final Path err;
  private final StringBuffer out = new StringBuffer();

  private final List<Thread> collectors;

  private ChildApp(Process process, Path err) {
    this.process = process;
    this.err = err;
    this.collectors = List.of(collect(process.getInputStream(), out));
  }

  static ChildApp start(Map<String, String> env, String... args) throws IOException {
    if (env.containsKey("ROADMAP_DATA_DIR") && !env.containsKey("ROADMAP_DB_URL")) {
      QuickRun.skipIfOn("a JVM of the app's own");
      ClusterTemplates.seedDataDirectory(Path.of(env.get("ROADMAP_DATA_DIR")));
    }
    return startAsGiven(env, args);
  }

  /** The app on the data directory exactly as given: a test of what a run leaves in it. */
  static ChildApp startAsGiven(Map<String, String> env, String... args) throws IOException {
    QuickRun.skipIfOn("a JVM of the app's own");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Dlogback.configurationFile=logback.xml",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .keySet()
        .removeIf(
            name ->
                name.startsWith("SLACK_")
                    || name.startsWith("DISCORD_")
                    || name.startsWith("ROADMAP_")
                    || name.equals("PORT")
                    || name.equals("MANAGEMENT_PORT")
                    || name.equals("BIND_ADDRESS")
                    || name.equals("LOG_FORMAT"));
    builder.environment().putAll(env);
    // a file, not a pipe: what the JVM writes while it exits is all there afterwards
    Path err = Files.createTempFile("roadmap-child", ".err");
    builder.redirectError(err.toFile());
    return new ChildApp(builder.start(), err);
  }

  /** A thread of its own per stream: a pool's few threads would sit blocked on one stream. */
  private static Thread collect(InputStream stream, StringBuffer into) {
    return Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              byte[] buffer = new byte[4096];
              int read;
              try {
                while ((read = stream.read(buffer)) >= 0) {
                  into.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
              } catch (IOException ended) {
                // the process is gone
              }
            });
  }

  /** After the process ended: waits until all it wrote has been read. */
  void awaitOutput() throws InterruptedException {
    for (Thread collector : collectors) {
      collector.join(5_000);
    }
  }

  Process process() {
    return process;
  }

  String err() {
    try {
      return Files.readString(err, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String out() {
    return out.toString();
  }

  /** Waits until standard error shows {@code text}, or fails naming what it shows. */
  void awaitErr(String text, java.time.Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (!err().contains(text)) {
      if (!process.isAlive() || System.nanoTime() > until) {
        throw new AssertionError("no \"" + text + "\" on standard error:\n" + err());
      }
      Thread.sleep(100);
    }
  }

  /** The live PostgreSQL that holds the embedded data directory's files, if one does. */
  static Optional<ProcessHandle> postgresHolding(Path dataDir) throws IOException {
    Path pid = dataDir.resolve("postgres/postmaster.pid");
    if (!Files.exists(pid)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pid, StandardCharsets.US_ASCII);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
        .filter(ProcessHandle::isAlive);
  }

  @Override
  public void close() throws IOException {
    process.destroyForcibly();
    Files.deleteIfExists(err);
  }
}
