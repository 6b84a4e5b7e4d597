package io.roadmapcoach.app;

import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code java -jar roadmap-coach.jar [console]}: starts every platform whose settings are present,
 * or the console chat when none is (or when asked for).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // charts are drawn off screen: no display is needed, and none is looked for
    System.setProperty("java.awt.headless", "true");
    // UTF-8 whatever the terminal's locale says: replies carry check marks and emoji
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    routeLogs(System.getenv(), args);
    int code = Application.run(args, System.getenv(), System.in, out, err, isPiped());
    out.flush();
    System.exit(code);
  }

  /** Logs go to a file in the data directory before any logger exists; never to standard output. */
  static void routeLogs(java.util.Map<String, String> env, String[] args) {
    String dataDir = env.getOrDefault("ROADMAP_DATA_DIR", "").strip();
    Path dir =
        dataDir.isEmpty()
            ? Path.of(System.getProperty("user.home"), ".roadmap-coach")
            : Path.of(dataDir);
    System.setProperty("roadmap.log.file", dir.resolve("roadmap-coach.log").toString());
    boolean console =
        java.util.Arrays.asList(args).contains("console")
            || (blank(env.get("SLACK_BOT_TOKEN")) && blank(env.get("DISCORD_BOT_TOKEN")));
    if (!console) {
      // a server's standard error is where its operators look; the console keeps its screen clean
      System.setProperty("roadmap.log.stderr", "INFO");
    }
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** Whether standard input is a pipe or file rather than a person at a terminal. */
  static boolean isPiped() {
    Console console = System.console();
    if (console == null) {
      return true;
    }
    try {
      // Java 22+ hands out a console for redirected streams too; it knows whether it is a terminal
      Object terminal = Console.class.getMethod("isTerminal").invoke(console);
      return !Boolean.TRUE.equals(terminal);
    } catch (ReflectiveOperationException olderJava) {
      return false;
    }
  }
}
