package io.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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
