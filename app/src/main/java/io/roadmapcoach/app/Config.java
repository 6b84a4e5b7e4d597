package io.roadmapcoach.app;

import io.roadmapcoach.core.installation.TokenCipher;
import io.roadmapcoach.db.Redaction;
import io.roadmapcoach.discord.DiscordSettings;
import io.roadmapcoach.slack.delivery.SlackDelivery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings from the environment; every one optional. Secrets are held here but never printed:
 * {@link #toString()} names which platforms are on, not their tokens.
 */
public record Config(
    Optional<String> dbUrl,
    Optional<String> dbUser,
    Optional<String> dbPassword,
    Path dataDir,
    int port,
    Optional<String> slackBotToken,
    Optional<String> slackSigningSecret,
    Optional<String> slackAppToken,
    String slackApiUrl,
    Optional<String> discordBotToken,
    Optional<String> discordApiUrl,
    Optional<String> discordGatewayUrl,
    Optional<Integer> discordShards,
    Optional<String> discordShardIds,
    boolean discordGlobalCommands,
    Optional<Path> roadmapFile,
    Optional<String> publicUrl,
    Optional<String> bindAddress,
    Optional<Integer> managementPort,
    LogFormat logFormat,
    SlackDelivery slackDelivery,
    int discordDeliveriesPerSecond,
    Optional<String> slackClientId,
    Optional<String> slackClientSecret,
    Optional<String> secretKey,
    Optional<String> previousSecretKey,
    int retentionDays) {

  /** How log lines are written: plain text, or one JSON object a line for log shippers. */
  public enum LogFormat {
    PLAIN,
    JSON
  }

  public static final int DEFAULT_PORT = 3000;

  /**
   * Where {@code /healthz} and {@code /metrics} listen when {@code MANAGEMENT_PORT} is unset: this
   * machine only. Not 9090, which a Prometheus on the same machine takes by default.
   */
  public static final int DEFAULT_MANAGEMENT_PORT = 9464;

  public static final String LOOPBACK = "127.0.0.1";
  public static final int DEFAULT_RETENTION_DAYS = 30;
  private static final Pattern SHARD_IDS = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
  // an IPv4 or IPv6 literal, or a host name: letters, digits, dots, dashes, colons
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:%\\[\\]-]+");

  /** A setting that cannot be used; the message names the variable and the right form. */
  public static final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    ConfigException(List<String> problems) {
      super(String.join("\n", problems));
      this.problems = List.copyOf(problems);
    }

    /** Every problem found, one sentence each. */
    public List<String> problems() {
      return problems;
    }
  }

  public static Config from(Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Optional<String> dbUrl = value(env, "ROADMAP_DB_URL");
    if (dbUrl.isPresent() && !dbUrl.get().startsWith("jdbc:postgresql:")) {
      problems.add(
          "ROADMAP_DB_URL must be a PostgreSQL JDBC URL, like jdbc:postgresql://db.example:5432/roadmap");
    }
    Optional<String> bindAddress = value(env, "BIND_ADDRESS");
    if (bindAddress.isPresent() && !HOST.matcher(bindAddress.get()).matches()) {
      problems.add(
          "BIND_ADDRESS must be an address or host name of this machine, like 127.0.0.1 or 0.0.0.0, not "
              + bindAddress.get());
    }
    Optional<Integer> managementPort = Optional.empty();
    Optional<String> managementText = value(env, "MANAGEMENT_PORT");
    if (managementText.isPresent()) {
      managementPort = number(managementText.get(), 1, 65535);
      if (managementPort.isEmpty()) {
        problems.add(
            "MANAGEMENT_PORT must be a number from 1 to 65535, not " + managementText.get());
      }
    }
    LogFormat logFormat = LogFormat.PLAIN;
    Optional<String> logFormatText = value(env, "LOG_FORMAT");
    if (logFormatText.isPresent()) {
      switch (logFormatText.get().toLowerCase(java.util.Locale.ROOT)) {
        case "json" -> logFormat = LogFormat.JSON;
        case "plain", "text" -> logFormat = LogFormat.PLAIN;
        default -> problems.add("LOG_FORMAT must be json or plain, not " + logFormatText.get());
      }
    }
    Path dataDir =
        value(env, "ROADMAP_DATA_DIR")
            .map(Path::of)
            .orElseGet(() -> Path.of(System.getProperty("user.home"), ".roadmap-coach"));
    int port = DEFAULT_PORT;
    Optional<String> portText = value(env, "PORT");
    if (portText.isPresent()) {
      port = number(portText.get(), 1, 65535).orElse(-1);
      if (port < 0) {
        problems.add("PORT must be a number from 1 to 65535, not " + portText.get());
      }
    }
    if (port == DEFAULT_MANAGEMENT_PORT && separate(managementPort, port).isEmpty()) {
      problems.add(
          "PORT is "
              + DEFAULT_MANAGEMENT_PORT
              + ", where /healthz and /metrics listen on "
              + LOOPBACK
              + " when MANAGEMENT_PORT is unset: choose another PORT, or set MANAGEMENT_PORT");
    }
    Optional<String> slackBot = value(env, "SLACK_BOT_TOKEN");
    Optional<String> slackSecret = value(env, "SLACK_SIGNING_SECRET");
    Optional<String> slackApp = value(env, "SLACK_APP_TOKEN");
    if (slackBot.isPresent() && slackSecret.isEmpty() && slackApp.isEmpty()) {
      problems.add(
          "SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is not: requests from Slack cannot be verified without it"
              + " (or set SLACK_APP_TOKEN for Socket Mode)");
    }
    Optional<String> clientId = value(env, "SLACK_CLIENT_ID");
    Optional<String> clientSecret = value(env, "SLACK_CLIENT_SECRET");
    Optional<String> secretKey = value(env, "ROADMAP_SECRET_KEY");
    if (slackBot.isEmpty()
        && clientId.isEmpty()
        && (slackSecret.isPresent() || slackApp.isPresent())) {
      problems.add(
          "SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set without SLACK_BOT_TOKEN (or SLACK_CLIENT_ID)");
    }
    problems.addAll(slackInstallProblems(slackBot, slackSecret, slackApp, clientId, clientSecret));
    if (clientId.isPresent() && secretKey.isEmpty()) {
      problems.add(
          "Slack installs (SLACK_CLIENT_ID) need ROADMAP_SECRET_KEY: each workspace's token is stored"
              + " encrypted with it. Set it to "
              + TokenCipher.MIN_SECRET_LENGTH
              + " or more random characters, e.g. the output of `openssl rand -base64 32`");
    }
    Optional<String> previousKey = value(env, "ROADMAP_SECRET_KEY_PREVIOUS");
    problems.addAll(secretKeyProblems(secretKey, previousKey));
    int retentionDays = DEFAULT_RETENTION_DAYS;
    Optional<String> retentionText = value(env, "ROADMAP_RETENTION_DAYS");
    if (retentionText.isPresent()) {
      retentionDays = number(retentionText.get(), 0, 3650).orElse(-1);
      if (retentionDays < 0) {
        problems.add(
            "ROADMAP_RETENTION_DAYS must be a whole number of days from 0 to 3650, not "
                + retentionText.get());
      }
    }
    Optional<Integer> shards = Optional.empty();
    Optional<String> shardsText = value(env, "DISCORD_SHARDS");
    if (shardsText.isPresent()) {
      shards = number(shardsText.get(), 1, 100_000);
      if (shards.isEmpty()) {
        problems.add(
            "DISCORD_SHARDS must be a whole number of shards, 1 or more, not " + shardsText.get());
      }
    }
    Optional<String> shardIds = value(env, "DISCORD_SHARD_IDS");
    if (shardIds.isPresent() && !SHARD_IDS.matcher(shardIds.get()).matches()) {
      problems.add("DISCORD_SHARD_IDS must list shard ids like 0,1 or 0-3, not " + shardIds.get());
    }
    if (shardIds.isPresent() && shards.isEmpty()) {
      problems.add("DISCORD_SHARD_IDS needs DISCORD_SHARDS (the total shard count)");
    }
    Optional<String> publicUrl = value(env, "PUBLIC_URL").map(Config::withoutTrailingSlash);
    if (publicUrl.isPresent() && !isBaseAddress(publicUrl.get())) {
      problems.add(
          "PUBLIC_URL must be the http(s) address the app is reached at, like https://coach.example.org, not "
              + publicUrl.get());
    }
    SlackDelivery slackDelivery = SlackDelivery.DEFAULT;
    try {
      slackDelivery = SlackDelivery.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    int discordRate = DiscordSettings.DEFAULT_DELIVERIES_PER_SECOND;
    Optional<String> discordRateText = value(env, "DISCORD_DELIVERIES_PER_SECOND");
    if (discordRateText.isPresent()) {
      discordRate = number(discordRateText.get(), 1, 50).orElse(-1);
      if (discordRate < 0) {
        problems.add(
            "DISCORD_DELIVERIES_PER_SECOND must be a whole number from 1 to 50 (the cluster's"
                + " share of Discord's 50 requests a second, all instances together), not "
                + discordRateText.get());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Config(
        dbUrl,
        value(env, "ROADMAP_DB_USER"),
        value(env, "ROADMAP_DB_PASSWORD"),
        dataDir,
        port,
        slackBot,
        slackSecret,
        slackApp,
        value(env, "SLACK_API_URL").orElse("https://slack.com/api/"),
        value(env, "DISCORD_BOT_TOKEN"),
        value(env, "DISCORD_API_URL"),
        value(env, "DISCORD_GATEWAY_URL"),
        shards,
        shardIds,
        value(env, "DISCORD_GLOBAL_COMMANDS").map(v -> v.equalsIgnoreCase("true")).orElse(false),
        value(env, "ROADMAP_FILE").map(Path::of),
        publicUrl,
        bindAddress,
        separate(managementPort, port),
        logFormat,
        slackDelivery,
        discordRate,
        clientId,
        clientSecret,
        secretKey,
        previousKey,
        retentionDays);
  }

  /**
   * A key that encrypts tokens must be strong; the previous one (during a rotation) is only read
   * with, so a weak one is accepted there: moving away from it is the point.
   */
  private static List<String> secretKeyProblems(
      Optional<String> secretKey, Optional<String> previousKey) {
    List<String> problems = new ArrayList<>();
    secretKey.flatMap(TokenCipher::weakness).ifPresent(problems::add);
    if (previousKey.isPresent() && secretKey.isEmpty()) {
      problems.add(
          "ROADMAP_SECRET_KEY_PREVIOUS is set without ROADMAP_SECRET_KEY: it is the key before the"
              + " current one, read with during a rotation");
    }
    if (previousKey.isPresent() && previousKey.equals(secretKey)) {
      problems.add(
          "ROADMAP_SECRET_KEY_PREVIOUS is the same as ROADMAP_SECRET_KEY: set it to the key used"
              + " before, or unset it");
    }
    return problems;
  }

  /** Slack for one workspace (a bot token) or for many (OAuth installs), never both at once. */
  private static List<String> slackInstallProblems(
      Optional<String> botToken,
      Optional<String> signingSecret,
      Optional<String> appToken,
      Optional<String> clientId,
      Optional<String> clientSecret) {
    List<String> problems = new ArrayList<>();
    if (clientId.isPresent() != clientSecret.isPresent()) {
      problems.add(
          "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together: set both for Slack installs in many"
              + " workspaces, or neither");
    }
    if (clientId.isEmpty()) {
      return problems;
    }
    if (botToken.isPresent()) {
      problems.add(
          "Set SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (installs"
              + " in many workspaces), not both");
    }
    if (signingSecret.isEmpty()) {
      problems.add(
          "SLACK_CLIENT_ID is set but SLACK_SIGNING_SECRET is not: requests from Slack cannot be"
              + " verified without it");
    }
    if (appToken.isPresent()) {
      problems.add(
          "SLACK_APP_TOKEN (Socket Mode) serves one workspace; Slack installs are served over HTTP:"
              + " unset SLACK_APP_TOKEN or SLACK_CLIENT_ID");
    }
    return problems;
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** An absolute http(s) address with a host, and no query or fragment to append paths after. */
  private static boolean isBaseAddress(String url) {
    try {
      java.net.URI uri = new java.net.URI(url);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** A management port equal to the main one is the main one. */
  private static Optional<Integer> separate(Optional<Integer> managementPort, int port) {
    return managementPort.filter(p -> p != port);
  }

  private static Optional<Integer> number(String text, int min, int max) {
    try {
      int n = Integer.parseInt(text.strip());
      return n >= min && n <= max ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public boolean slackEnabled() {
    return slackBotToken.isPresent() || slackInstalls();
  }

  /** Slack for many workspaces, each installed through {@code /slack/install}. */
  public boolean slackInstalls() {
    return slackClientId.isPresent();
  }

  public boolean discordEnabled() {
    return discordBotToken.isPresent();
  }

  public boolean anyPlatform() {
    return slackEnabled() || discordEnabled();
  }

  /**
   * The port a load balancer probes ({@code /livez}, {@code /readyz}): {@code MANAGEMENT_PORT}, or
   * {@code PORT} when that is unset (where they answer with the status only).
   */
  public int healthPort() {
    return managementPort.orElse(port);
  }

  /**
   * Where the management endpoints with their details ({@code /healthz}, {@code /metrics}, and
   * {@code /livez}, {@code /readyz}) listen: {@code MANAGEMENT_PORT} on {@code BIND_ADDRESS}, or
   * else {@value #DEFAULT_MANAGEMENT_PORT} on {@value #LOOPBACK}, never on the public port.
   */
  public Listener managementListener() {
    return managementPort
        .map(p -> new Listener(bindAddress, p))
        .orElseGet(() -> new Listener(Optional.of(LOOPBACK), DEFAULT_MANAGEMENT_PORT));
  }

  /** An address and port to listen on; no address means every interface. */
  public record Listener(Optional<String> host, int port) {
    @Override
    public String toString() {
      return host.orElse("all interfaces") + ":" + port;
    }
  }

  /**
   * The settings in force, as plain lines a person reads ({@code check} prints them): what is on,
   * where it listens, where the data is; never a secret.
   */
  public List<String> described() {
    return List.of(
        "database "
            + dbUrl.map(Redaction::databaseAddress).orElse("embedded, its files in " + dataDir),
        "HTTP on "
            + bindAddress.orElse("all interfaces")
            + ", port "
            + port
            + "; health and metrics on "
            + managementListener(),
        "Slack "
            + (slackInstalls()
                ? "installed in many workspaces"
                : slackEnabled()
                    ? (slackAppToken.isPresent() ? "over Socket Mode" : "over HTTP")
                    : "off")
            + ", Discord "
            + (discordEnabled() ? "on" : "off"),
        "roadmap "
            + roadmapFile.map(Path::toString).orElse("built-in")
            + ", dashboard "
            + publicUrl.map(url -> "at " + url).orElse("off")
            + ", a removed workspace's data kept "
            + retentionDays
            + " days");
  }

  @Override
  public String toString() {
    // where the database is, and nothing else of its URL: no user, no parameter
    return "Config[database="
        + dbUrl.map(Redaction::databaseAddress).orElse("embedded in " + dataDir)
        + ", address="
        + bindAddress.orElse("all interfaces")
        + ", port="
        + port
        + ", management="
        + managementListener()
        + ", slack="
        + (slackInstalls()
            ? "installs in many workspaces"
            : slackEnabled() ? (slackAppToken.isPresent() ? "socket mode" : "http") : "off")
        + ", discord="
        + (discordEnabled() ? "on" : "off")
        + ", roadmap="
        + roadmapFile.map(Path::toString).orElse("built-in")
        + ", dashboard="
        + publicUrl.orElse("off")
        + ", retention="
        + retentionDays
        + " days]";
  }
}
