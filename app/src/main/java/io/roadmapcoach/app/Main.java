package io.roadmapcoach.app;

import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar roadmap-coach.jar [serve|console|migrate|check] [--help|--version]}, and {@code
 * check-roadmap [--upload] FILE}: see {@link CommandLine} and {@link HelpText}.
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
    Map<String, String> env = System.getenv();
    CommandLine command = CommandLine.parse(List.of(args));
    routeLogs(env, command);
    Shutdown shutdown = new Shutdown();
    boolean runs = command instanceof CommandLine.Serve || command instanceof CommandLine.Console;
    if (runs) {
      // SIGTERM and Ctrl-C stop the run in seconds, the embedded PostgreSQL included
      Runtime.getRuntime().addShutdownHook(shutdown.hook());
    }
    int code = Application.run(command, env, System.in, out, err, isPiped(), shutdown);
    out.flush();
    if (shutdown.requested()) {
      // a signal is stopping the JVM already; its hook has stopped (or is stopping) every part
      return;
    }
    System.exit(code);
  }

  /** Logs go to a file in the data directory before any logger exists; never to standard output. */
  static void routeLogs(Map<String, String> env, CommandLine command) {
    String dataDir = env.getOrDefault("ROADMAP_DATA_DIR", "").strip();
    Path dir =
        dataDir.isEmpty()
            ? Path.of(System.getProperty("user.home"), ".roadmap-coach")
            : Path.of(dataDir);
    System.setProperty("roadmap.log.file", dir.resolve("roadmap-coach.log").toString());
    if ("json".equalsIgnoreCase(env.getOrDefault("LOG_FORMAT", "").strip())) {
      System.setProperty("logback.configurationFile", "logback-json.xml");
    }
    boolean console =
        command instanceof CommandLine.Console
            || (command instanceof CommandLine.Serve
                && blank(env.get("SLACK_BOT_TOKEN"))
                && blank(env.get("SLACK_CLIENT_ID"))
                && blank(env.get("DISCORD_BOT_TOKEN")));
    if (command instanceof CommandLine.Serve && !console) {
      // a server's standard error is where its operators look; the console keeps its screen clean
      System.setProperty("roadmap.log.stderr", "INFO");
    } else if (command instanceof CommandLine.Check
        || command instanceof CommandLine.Migrate
        || command instanceof CommandLine.CheckRoadmap) {
      System.setProperty("roadmap.log.stderr", "WARN");
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
