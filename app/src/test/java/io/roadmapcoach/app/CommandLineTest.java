package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each command-line form, parsed and run as `java -jar roadmap-coach.jar ...` would run it. */
class CommandLineTest {

  private static CommandRun run(String... args) {
    return CommandRun.of(Map.of(), args);
  }

  @Test
  void eachCommandWordIsUnderstood() {
    assertThat(CommandLine.parse(List.of())).isEqualTo(new CommandLine.Serve());
    assertThat(CommandLine.parse(List.of("serve"))).isEqualTo(new CommandLine.Serve());
    assertThat(CommandLine.parse(List.of("console"))).isEqualTo(new CommandLine.Console());
    assertThat(CommandLine.parse(List.of("migrate"))).isEqualTo(new CommandLine.Migrate());
    assertThat(CommandLine.parse(List.of("check"))).isEqualTo(new CommandLine.Check());
    assertThat(CommandLine.parse(List.of("--version"))).isEqualTo(new CommandLine.Version());
    for (String help : List.of("--help", "-h", "help")) {
      assertThat(CommandLine.parse(List.of(help))).isEqualTo(new CommandLine.Help());
    }
    assertThat(CommandLine.parse(List.of("serve", "--help"))).isEqualTo(new CommandLine.Help());
  }

  /**
   * The variables the README's configuration table names in its first column, read from the file
   * itself: a variable documented there and missing from {@code --help} fails here.
   */
  private static Set<String> readmeVariables() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
    int header = lines.indexOf("| variable | meaning | default |");
    assertThat(header).as("the README's configuration table").isNotNegative();
    Set<String> names = new TreeSet<>();
    for (String line : lines.subList(header + 2, lines.size())) {
      if (!line.startsWith("|")) {
        break;
      }
      Matcher variable = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(line.split("\\|")[1]);
      while (variable.find()) {
        names.add(variable.group(1));
      }
    }
    return names;
  }

  @Test
  void helpListsEveryVariableTheReadmesConfigurationTableLists() throws IOException {
    Set<String> documented = readmeVariables();
    String help = run("--help").out();

    assertThat(documented)
        .as("variables in the README's table")
        .contains("PUBLIC_URL", "SLACK_DELIVERY_CHECK", "DISCORD_DELIVERIES_PER_SECOND")
        .hasSizeGreaterThan(25);
    assertThat(documented)
        .allSatisfy(
            name ->
                assertThat(help).as("--help names %s", name).containsPattern("\\b" + name + "\\b"));
  }

  @Test
  void helpNamesEveryCommandAndEveryVariableWithItsDefaultAndExitsZero() {
    for (String form : List.of("--help", "-h", "help")) {
      CommandRun help = run(form);

      assertThat(help.code()).isZero();
      assertThat(help.out())
          .contains("serve", "console", "migrate", "check", "--version")
          .contains(
              "ROADMAP_DB_URL",
              "ROADMAP_DB_USER",
              "ROADMAP_DB_PASSWORD",
              "ROADMAP_DATA_DIR",
              "ROADMAP_FILE",
              "PORT",
              "BIND_ADDRESS",
              "MANAGEMENT_PORT",
              "LOG_FORMAT",
              "SLACK_BOT_TOKEN",
              "SLACK_SIGNING_SECRET",
              "SLACK_APP_TOKEN",
              "SLACK_API_URL",
              "DISCORD_BOT_TOKEN",
              "DISCORD_API_URL",
              "DISCORD_GATEWAY_URL",
              "DISCORD_SHARDS",
              "DISCORD_SHARD_IDS",
              "DISCORD_GLOBAL_COMMANDS")
          .contains("default: 3000", "default: ~/.roadmap-coach", "default: all interfaces");
      assertThat(help.err()).isEmpty();
    }
  }

  @Test
  void versionPrintsThisBuildsVersionAndExitsZero() {
    CommandRun version = run("--version");

    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("Roadmap Coach 0.").doesNotContain("unknown", "${");
  }

  @Test
  void anUnknownArgumentIsNamedWithWhereToLookAndExitsTwo() {
    CommandRun bogus = run("--bogus");

    assertThat(bogus.code()).isEqualTo(2);
    assertThat(bogus.err()).isEqualTo("Unknown argument `--bogus`; try `--help`\n");
    assertThat(bogus.out()).isEmpty();
  }

  @Test
  void aWordAfterTheCommandIsNamedToo() {
    CommandRun extra = run("console", "extra");

    assertThat(extra.code()).isEqualTo(2);
    assertThat(extra.err()).contains("`extra`", "--help");

    CommandRun twoCommands = run("console", "serve");
    assertThat(twoCommands.code()).isEqualTo(2);
    assertThat(twoCommands.err()).contains("`serve` after `console`");
  }
}
