package io.roadmapcoach.app;

import java.util.List;

/**
 * What the command line asks for: {@code [serve|console|migrate|check] [--help|--version]}. One
 * command at most; {@code --help} or {@code --version} anywhere wins over it. Anything else is
 * named back to the person who typed it.
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
    for (String arg : args) {
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
