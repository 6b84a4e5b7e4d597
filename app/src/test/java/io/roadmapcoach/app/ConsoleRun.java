package io.roadmapcoach.app;

import io.roadmapcoach.db.testing.ClusterTemplates;
import io.roadmapcoach.db.testing.QuickRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the app's console in this JVM on a script, the way `printf ... | java -jar` would. A data
 * directory without a database yet is given the one the app's first start would have made ({@link
 * ClusterTemplates}), which saves seconds of {@code initdb} and migrations per run; {@link
 * #firstStart} leaves it empty, for what the first start itself does.
 */
record ConsoleRun(int exitCode, String out, String err) {

  static ConsoleRun of(Path dataDir, String... lines) {
    return with(Map.of(), dataDir, lines);
  }

  static ConsoleRun with(Map<String, String> extraEnv, Path dataDir, String... lines) {
    return run(extraEnv, ClusterTemplates.seedDataDirectory(dataDir), lines);
  }

  /** The console's very first start: its data directory is empty, its database made by the app. */
  static ConsoleRun firstStart(Path dataDir, String... lines) {
    QuickRun.skipIfOn("an embedded PostgreSQL");
    return run(Map.of(), dataDir, lines);
  }

  private static ConsoleRun run(Map<String, String> extraEnv, Path dataDir, String... lines) {
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("ROADMAP_DATA_DIR", dataDir.toString());
    String script = String.join("\n", lines) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Application.run(
            new String[] {"console"},
            env,
            new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            true);
    return new ConsoleRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The answer printed after the echo of {@code line}, up to the next echo. */
  String answerTo(String line) {
    int at = out.indexOf("> " + line + "\n");
    if (at < 0) {
      throw new AssertionError("no echo of '" + line + "' in:\n" + out);
    }
    int start = at + line.length() + 3;
    int next = out.indexOf("\n> ", start);
    return next < 0 ? out.substring(start) : out.substring(start, next + 1);
  }
}
