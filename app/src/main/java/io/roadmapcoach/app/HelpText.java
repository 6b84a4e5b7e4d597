package io.roadmapcoach.app;

import java.util.List;

/** What {@code --help} prints: every command, and every environment variable with its default. */
final class HelpText {

  /** One setting the app reads from its environment. */
  record Variable(String name, String meaning, String byDefault) {}

  static final List<Variable> VARIABLES =
      List.of(
          new Variable(
              "ROADMAP_DB_URL",
              "an external PostgreSQL, as a JDBC URL (jdbc:postgresql://host:5432/db)",
              "the embedded PostgreSQL in ROADMAP_DATA_DIR"),
          new Variable("ROADMAP_DB_USER", "the external database's user", "none"),
          new Variable("ROADMAP_DB_PASSWORD", "the external database's password", "none"),
          new Variable(
              "ROADMAP_DATA_DIR",
              "the embedded database's files, the instance lock and the log file",
              "~/.roadmap-coach"),
          new Variable(
              "ROADMAP_FILE",
              "another roadmap file (its quiz bank next to it)",
              "the built-in ML Engineer roadmap"),
          new Variable(
              "PORT",
              "HTTP port for /slack/events, the dashboard and Slack installs (and, without"
                  + " MANAGEMENT_PORT, bare /livez and /readyz: the status only)",
              String.valueOf(Config.DEFAULT_PORT)),
          new Variable(
              "PUBLIC_URL",
              "the address the app is reached at (https://coach.example.org): the leads' dashboard"
                  + " lives under /dashboard there, Slack installs come back to"
                  + " /slack/oauth_redirect",
              "dashboard off on a server; the console serves it on 127.0.0.1"),
          new Variable(
              "BIND_ADDRESS",
              "the interface the HTTP ports listen on (127.0.0.1 for this machine only)",
              "all interfaces"),
          new Variable(
              "MANAGEMENT_PORT",
              "the port of /healthz, /metrics, /livez and /readyz with their details, on"
                  + " BIND_ADDRESS (keep it off the internet); never served on PORT",
              Config.DEFAULT_MANAGEMENT_PORT + " on " + Config.LOOPBACK + " (this machine only)"),
          new Variable("LOG_FORMAT", "json for one JSON object per log line", "plain lines"),
          new Variable("SLACK_BOT_TOKEN", "Slack's bot token (xoxb-...)", "Slack off"),
          new Variable(
              "SLACK_SIGNING_SECRET",
              "verifies Slack's requests over HTTP (needed with SLACK_BOT_TOKEN)",
              "none"),
          new Variable(
              "SLACK_APP_TOKEN", "Socket Mode instead of HTTP (xapp-...)", "HTTP when Slack is on"),
          new Variable("SLACK_API_URL", "the Slack Web API base", "https://slack.com/api/"),
          new Variable(
              "SLACK_DELIVERY_CHECK",
              "auto, on or off: a Slack post left in doubt by a crash is looked up in its"
                  + " conversation before it is posted again (auto: on when the token has the"
                  + " history scopes)",
              "auto"),
          new Variable(
              "SLACK_HISTORY_CALLS_PER_MINUTE, SLACK_HISTORY_LIMIT",
              "those look-ups' pace and size (Slack allows apps outside its Marketplace 1 a"
                  + " minute, 15 messages each)",
              "1, 15"),
          new Variable(
              "SLACK_CLIENT_ID, SLACK_CLIENT_SECRET",
              "instead of SLACK_BOT_TOKEN: Slack for many workspaces, installed from /slack/install",
              "off"),
          new Variable(
              "ROADMAP_SECRET_KEY",
              "encrypts stored platform tokens; 32+ random characters (openssl rand -base64 32);"
                  + " a weak one (short, few different characters, a repeated pattern) is refused",
              "none (needed with SLACK_CLIENT_ID)"),
          new Variable(
              "ROADMAP_SECRET_KEY_PREVIOUS",
              "the key before ROADMAP_SECRET_KEY, while rotating it: tokens it encrypted are read"
                  + " and encrypted again with the new key",
              "none"),
          new Variable(
              "ROADMAP_RETENTION_DAYS",
              "days a workspace that removed the app keeps its data",
              String.valueOf(Config.DEFAULT_RETENTION_DAYS)),
          new Variable("DISCORD_BOT_TOKEN", "Discord's bot token", "Discord off"),
          new Variable("DISCORD_API_URL", "another Discord REST base", "Discord's own"),
          new Variable(
              "DISCORD_GATEWAY_URL", "another Discord gateway (ws:// or wss://)", "Discord's own"),
          new Variable("DISCORD_SHARDS", "the total number of shards", "one connection"),
          new Variable(
              "DISCORD_SHARD_IDS", "the shards this instance runs (0,1 or 0-3)", "all of them"),
          new Variable(
              "DISCORD_GLOBAL_COMMANDS",
              "true registers /roadmap once for every server",
              "per server"),
          new Variable(
              "DISCORD_DELIVERIES_PER_SECOND",
              "Discord's requests a second for nudges and posts, all instances together (they"
                  + " share it evenly, through the database; at most 50)",
              "49"));

  private HelpText() {}

  static String text() {
    StringBuilder help = new StringBuilder();
    help.append(
        """
        Roadmap Coach: a team-chat coach for a learning roadmap.

        Usage: java -jar roadmap-coach.jar [serve|console|migrate|check] [--help|--version]
               java -jar roadmap-coach.jar check-roadmap [--upload] FILE
               bin/roadmap-coach [the same]

        Commands:
          serve      run every platform whose token is set (the default); the console when none is
          console    the local console chat, whatever is set
          migrate    bring the database's schema up to date, then exit
          check      check the settings, the roadmap and quiz files, the database and each
                     platform's token; list every problem and exit 1 if there is any
          check-roadmap [--upload] FILE
                     check a roadmap file (and its quiz bank) as ROADMAP_FILE reads it, or with
                     --upload as an upload must be; no database is started. Prints OK with its
                     stages, objectives and questions, or each problem with its line and field
                     (exit 1). The format: docs/roadmap-format.md
          --help     this text (also -h and help)
          --version  the version of this build

        Stop a server with SIGTERM or Ctrl-C: it finishes what is in flight and exits within
        seconds.

        Environment variables (all optional):
        """);
    int width = VARIABLES.stream().mapToInt(v -> v.name().length()).max().orElse(0);
    for (Variable variable : VARIABLES) {
      help.append("  ")
          .append(variable.name())
          .append(" ".repeat(width - variable.name().length() + 2))
          .append(variable.meaning())
          .append('\n')
          .append(" ".repeat(width + 4))
          .append("default: ")
          .append(variable.byDefault())
          .append('\n');
    }
    help.append(
        "\nOperations: docs/operations.md. Slack: docs/slack.md. Discord: docs/discord.md.\n");
    return help.toString();
  }
}
