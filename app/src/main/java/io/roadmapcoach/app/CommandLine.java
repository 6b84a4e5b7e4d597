package io.roadmapcoach.app;

import java.nio.file.Path;
import java.util.List;

/**
 * What the command line asks for: {@code [serve|console|migrate|check] [--help|--version]}, or
 * {@code check-roadmap [--upload] FILE}. One command at most; {@code --help} or {@code --version}
 * anywhere wins over it. Anything else is named back to the person who typed it.
 */
public sealed interface CommandLine {

  /** Every configured platform; the console when none is (the default). */
  record Serve() implements CommandLine {}

  /** The local console chat, whatever is configured. */
  record Console() implements CommandLine {}

  /** Bring the database's schema up to date, then exit. */
  record Migrate() implements CommandLine {}

  /** Validate the configuration, the files and the connections; list every problem. */
  record Check() implements CommandLine {}

  /**
   * Check a roadmap file without starting anything.
   *
   * @param file the roadmap file
   * @param upload whether to check it as an upload must be (strict), rather than as {@code
   *     ROADMAP_FILE} reads it
   */
  record CheckRoadmap(Path file, boolean upload) implements CommandLine {}

  /** Every command and environment variable. */
  record Help() implements CommandLine {}

  /** The version of this build. */
  record Version() implements CommandLine {}

  /** Not a command line we understand; the message names the word and where to look. */
  record Invalid(String message) implements CommandLine {}

  static CommandLine parse(List<String> args) {
    if (args.stream().anyMatch(arg -> List.of("--help", "-h", "help").contains(arg))) {
      return new Help();
    }
    if (args.contains("--version")) {
      return new Version();
    }
    CommandLine command = null;
    String commandWord = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (CHECK_ROADMAP.equals(arg)) {
        return command == null
            ? checkRoadmap(args.subList(i + 1, args.size()))
            : new Invalid(
                "Unexpected argument `" + arg + "` after `" + commandWord + "`; try `--help`");
      }
      CommandLine named = command(arg);
      if (named == null) {
        return new Invalid("Unknown argument `" + arg + "`; try `--help`");
      }
      if (command != null) {
        return new Invalid(
            "Unexpected argument `" + arg + "` after `" + commandWord + "`; try `--help`");
      }
      command = named;
      commandWord = arg;
    }
    return command == null ? new Serve() : command;
  }

  String CHECK_ROADMAP = "check-roadmap";
  String CHECK_ROADMAP_USAGE =
      "; try `check-roadmap roadmap.yaml` or `check-roadmap --upload roadmap.yaml`";

  /** What follows {@code check-roadmap}: {@code [--upload] FILE}. */
  private static CommandLine checkRoadmap(List<String> rest) {
    boolean upload = !rest.isEmpty() && "--upload".equals(rest.getFirst());
    List<String> files = upload ? rest.subList(1, rest.size()) : rest;
    if (files.isEmpty()) {
      return new Invalid("`check-roadmap` needs the file to check" + CHECK_ROADMAP_USAGE);
    }
    if (files.size() > 1 || files.getFirst().startsWith("-")) {
      String unexpected = files.getFirst().startsWith("-") ? files.getFirst() : files.get(1);
      return new Invalid(
          "Unexpected argument `" + unexpected + "` after `check-roadmap`" + CHECK_ROADMAP_USAGE);
    }
    return new CheckRoadmap(Path.of(files.getFirst()), upload);
  }

  private static CommandLine command(String word) {
    return switch (word) {
      case "serve" -> new Serve();
      case "console" -> new Console();
      case "migrate" -> new Migrate();
      case "check" -> new Check();
      default -> null;
    };
  }
}
