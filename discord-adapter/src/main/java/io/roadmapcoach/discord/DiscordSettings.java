package io.roadmapcoach.discord;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * How to reach Discord.
 *
 * @param token the bot token ({@code DISCORD_BOT_TOKEN}); never printed
 * @param apiUrl another REST base ({@code DISCORD_API_URL}), such as a local fake or a proxy
 * @param gatewayUrl another gateway ({@code DISCORD_GATEWAY_URL}), a {@code ws://} or {@code
 *     wss://} address
 * @param shardsTotal how many shards the whole bot runs ({@code DISCORD_SHARDS}); empty: one
 *     connection, no shard manager
 * @param shardIds the shards this instance runs ({@code DISCORD_SHARD_IDS}: {@code 0,1} or {@code
 *     0-3}); empty with a total: all of them
 * @param globalCommands register {@code /roadmap} once for every guild ({@code
 *     DISCORD_GLOBAL_COMMANDS=true}) instead of per guild as the bot meets it
 * @param deliveriesPerSecond the cluster's requests a second for the outbox, all instances together
 *     ({@code DISCORD_DELIVERIES_PER_SECOND}, at most Discord's 50): the instances delivering at
 *     once share it evenly through the database
 */
public record DiscordSettings(
    String token,
    Optional<String> apiUrl,
    Optional<String> gatewayUrl,
    Optional<Integer> shardsTotal,
    Optional<String> shardIds,
    boolean globalCommands,
    int deliveriesPerSecond) {

  /** Just under Discord's global 50 a second, for one instance. */
  public static final int DEFAULT_DELIVERIES_PER_SECOND = 49;

  public DiscordSettings {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("DISCORD_BOT_TOKEN is empty");
    }
    token = token.strip();
    apiUrl = blankToEmpty(apiUrl);
    gatewayUrl = blankToEmpty(gatewayUrl);
    shardsTotal = Objects.requireNonNullElse(shardsTotal, Optional.empty());
    shardIds = blankToEmpty(shardIds);
    apiUrl.ifPresent(url -> requireScheme("DISCORD_API_URL", url, "http", "https"));
    gatewayUrl.ifPresent(url -> requireScheme("DISCORD_GATEWAY_URL", url, "ws", "wss"));
    if (shardsTotal.isPresent() && shardsTotal.get() < 1) {
      throw new IllegalArgumentException(
          "DISCORD_SHARDS is the total number of shards, 1 or more; got " + shardsTotal.get());
    }
    if (shardIds.isPresent() && shardsTotal.isEmpty()) {
      throw new IllegalArgumentException(
          "DISCORD_SHARD_IDS needs DISCORD_SHARDS (the total across all instances) as well");
    }
    if (shardIds.isPresent()) {
      parseShardIds(shardIds.get(), shardsTotal.get());
    }
    if (deliveriesPerSecond < 1 || deliveriesPerSecond > 50) {
      throw new IllegalArgumentException(
          "DISCORD_DELIVERIES_PER_SECOND must be from 1 to 50, not " + deliveriesPerSecond);
    }
  }

  public DiscordSettings(
      String token,
      Optional<String> apiUrl,
      Optional<String> gatewayUrl,
      Optional<Integer> shardsTotal,
      Optional<String> shardIds,
      boolean globalCommands) {
    this(
        token,
        apiUrl,
        gatewayUrl,
        shardsTotal,
        shardIds,
        globalCommands,
        DEFAULT_DELIVERIES_PER_SECOND);
  }

  public DiscordSettings(
      String token,
      Optional<String> apiUrl,
      Optional<String> gatewayUrl,
      Optional<Integer> shardsTotal,
      Optional<String> shardIds) {
    this(token, apiUrl, gatewayUrl, shardsTotal, shardIds, false);
  }

  /** Just a token: Discord's own servers, one connection, commands per guild. */
  public static DiscordSettings of(String token) {
    return new DiscordSettings(
        token, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  /**
   * The settings from environment variables; empty when {@code DISCORD_BOT_TOKEN} is not set
   * (Discord off). Bad values fail here, naming the variable.
   */
  public static Optional<DiscordSettings> fromEnvironment(Map<String, String> env) {
    String token = env.get("DISCORD_BOT_TOKEN");
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    Optional<Integer> shards =
        Optional.ofNullable(env.get("DISCORD_SHARDS"))
            .filter(s -> !s.isBlank())
            .map(
                s -> {
                  try {
                    return Integer.parseInt(s.strip());
                  } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                        "DISCORD_SHARDS is the total number of shards, a whole number; got \""
                            + s
                            + "\"");
                  }
                });
    return Optional.of(
        new DiscordSettings(
            token,
            Optional.ofNullable(env.get("DISCORD_API_URL")),
            Optional.ofNullable(env.get("DISCORD_GATEWAY_URL")),
            shards,
            Optional.ofNullable(env.get("DISCORD_SHARD_IDS")),
            Boolean.parseBoolean(env.getOrDefault("DISCORD_GLOBAL_COMMANDS", "false").strip()),
            deliveriesPerSecond(env.get("DISCORD_DELIVERIES_PER_SECOND"))));
  }

  private static int deliveriesPerSecond(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_DELIVERIES_PER_SECOND;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "DISCORD_DELIVERIES_PER_SECOND is a whole number from 1 to 50; got \"" + text + "\"");
    }
  }

  /** Whether this instance starts JDA's shard manager rather than one connection. */
  public boolean sharded() {
    return shardsTotal.isPresent();
  }

  /** The shard ids this instance runs, ascending; empty when not sharded. */
  public List<Integer> shards() {
    if (shardsTotal.isEmpty()) {
      return List.of();
    }
    return shardIds
        .map(ids -> parseShardIds(ids, shardsTotal.get()))
        .orElseGet(() -> IntStream.range(0, shardsTotal.get()).boxed().toList());
  }

  /**
   * The REST base JDA is given: {@code DISCORD_API_URL} as written when it names an API version
   * ({@code .../api/v10/}), else with {@code api/v10/} added.
   */
  public Optional<String> restBaseUrl() {
    return apiUrl.map(
        url -> {
          String base = url.endsWith("/") ? url : url + "/";
          return base.matches(".*/api/v\\d+/$") ? base : base + "api/v10/";
        });
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "DiscordSettings[token=(hidden), apiUrl="
        + apiUrl.orElse("discord")
        + ", gatewayUrl="
        + gatewayUrl.orElse("discord")
        + ", shardsTotal="
        + shardsTotal.map(String::valueOf).orElse("none")
        + ", shardIds="
        + shardIds.orElse(shardsTotal.isPresent() ? "all" : "none")
        + ", globalCommands="
        + globalCommands
        + ", deliveriesPerSecond="
        + deliveriesPerSecond
        + "]";
  }

  static List<Integer> parseShardIds(String text, int total) {
    TreeSet<Integer> ids = new TreeSet<>();
    for (String part : text.split(",")) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      try {
        int dash = item.indexOf('-');
        int from = Integer.parseInt((dash < 0 ? item : item.substring(0, dash)).strip());
        int to = dash < 0 ? from : Integer.parseInt(item.substring(dash + 1).strip());
        if (from < 0 || to < from || to >= total) {
          throw new IllegalArgumentException(
              "DISCORD_SHARD_IDS: \""
                  + item
                  + "\" is not a range of shard ids between 0 and "
                  + (total - 1)
                  + " (DISCORD_SHARDS="
                  + total
                  + ")");
        }
        IntStream.rangeClosed(from, to).forEach(ids::add);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "DISCORD_SHARD_IDS lists shard ids like 0,1 or 0-3; got \"" + text + "\"");
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException(
          "DISCORD_SHARD_IDS lists shard ids like 0,1 or 0-3; got \"" + text + "\"");
    }
    return List.copyOf(ids);
  }

  private static Optional<String> blankToEmpty(Optional<String> value) {
    return Objects.requireNonNullElse(value, Optional.<String>empty())
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }

  private static void requireScheme(String variable, String url, String... schemes) {
    String scheme;
    try {
      scheme = URI.create(url).getScheme();
    } catch (IllegalArgumentException e) {
      scheme = null;
    }
    for (String allowed : schemes) {
      if (allowed.equalsIgnoreCase(scheme)) {
        return;
      }
    }
    throw new IllegalArgumentException(
        variable + " must be a " + String.join(" or ", schemes) + " address; got \"" + url + "\"");
  }
}
