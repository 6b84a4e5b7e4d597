package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.db.testing.QuickRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's data directory across restarts, a second instance and a hard kill. */
class DataDirectoryTest {
  @TempDir Path dataDir;

  @Test
  void aMemberIsStillOnTheirStageAfterARestart() {
    ConsoleRun first =
        ConsoleRun.of(dataDir, "/roadmap start", "/roadmap done 1", "/roadmap done 2");
    assertThat(first.exitCode()).isZero();

    ConsoleRun second = ConsoleRun.of(dataDir, "/roadmap status");

    assertThat(second.answerTo("/roadmap status"))
        .contains("✅ 1. ", "✅ 2. ", "⬜ 3. ", "Points: 20");
  }

  @Test
  void aSecondInstanceOnTheSameDirectoryExitsWithAClearMessage() throws Exception {
    Process first = startChild();
    try {
      talk(first, "/roadmap start", "Welcome");

      Process second = startChild();
      second.getOutputStream().close();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(second.exitValue()).isEqualTo(1);
      String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(err)
          .contains(
              "Another Roadmap Coach is already running on the data directory", "ROADMAP_DATA_DIR");
    } finally {
      first.destroyForcibly().waitFor();
    }
  }

  @Test
  void afterAHardKillTheNextStartRecoversByItselfWithTheDataIntact() throws Exception {
    Process first = startChild();
    talk(first, "/roadmap start", "Welcome");
    talk(first, "/roadmap done 3", "Objective 3 of stage 1 done");

    first.destroyForcibly(); // kill -9: no shutdown hook runs, the embedded PostgreSQL is orphaned
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
        .as("the orphan still holds the files")
        .isTrue();

    ConsoleRun again = ConsoleRun.of(dataDir, "/roadmap status");

    assertThat(again.exitCode()).isZero();
    assertThat(again.answerTo("/roadmap status")).contains("✅ 3. ", "Points: 10");
  }

  /** The real main in a JVM of its own, reading a pipe we keep open. */
  private Process startChild() throws IOException {
    QuickRun.skipIfOn("a JVM of the app's own");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "console"));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("ROADMAP_DATA_DIR", dataDir.toString());
    builder.environment().remove("SLACK_BOT_TOKEN");
    builder.environment().remove("DISCORD_BOT_TOKEN");
    return builder.start();
  }

  /** Sends a line and waits until the answer containing {@code expected} has been printed. */
  private static void talk(Process process, String line, String expected) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
    BufferedReader out = reader(process);
    String read;
    StringBuilder seen = new StringBuilder();
    while ((read = out.readLine()) != null) {
      seen.append(read).append('\n');
      if (read.contains(expected)) {
        return;
      }
    }
    throw new AssertionError("the app ended before answering '" + line + "':\n" + seen);
  }

  private static final java.util.Map<Process, BufferedReader> READERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static BufferedReader reader(Process process) {
    return READERS.computeIfAbsent(
        process,
        p -> new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
  }
}
