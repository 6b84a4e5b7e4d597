package io.roadmapcoach.discord;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running bot: one JDA connection, or the shards this instance runs. */
sealed interface DiscordConnection {

  /** A connection for REST calls; any shard will do, they share the token. */
  JDA anyShard();

  List<JDA> shards();

  /** A channel this instance has in its cache (its guild is on one of our shards). */
  Optional<GuildMessageChannel> channel(String id);

  /** The guild, when a shard of this instance has it. */
  default Optional<Guild> guild(String id) {
    return shards().stream()
        .map(jda -> jda.getGuildById(id))
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  default List<Guild> guilds() {
    return shards().stream().flatMap(jda -> jda.getGuilds().stream()).toList();
  }

  default void awaitReady() throws InterruptedException {
    for (JDA shard : shards()) {
      shard.awaitReady();
    }
  }

  void shutdown(Duration grace);

  /** One connection for the whole bot. */
  record Single(JDA jda) implements DiscordConnection {
    @Override
    public JDA anyShard() {
      return jda;
    }

    @Override
    public List<JDA> shards() {
      return List.of(jda);
    }

    @Override
    public Optional<GuildMessageChannel> channel(String id) {
      return Optional.ofNullable(jda.getChannelById(GuildMessageChannel.class, id));
    }

    @Override
    public void shutdown(Duration grace) {
      jda.shutdown();
      try {
        if (!jda.awaitShutdown(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          jda.shutdownNow();
        }
      } catch (InterruptedException e) {
        jda.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** JDA's shard manager, running the shards this instance was given. */
  record Sharded(ShardManager manager) implements DiscordConnection {
    private static final Logger log = LoggerFactory.getLogger(Sharded.class);

    @Override
    public JDA anyShard() {
      return manager.getShards().stream()
          .filter(jda -> jda.getStatus() == JDA.Status.CONNECTED)
          .findFirst()
          .orElseGet(() -> manager.getShards().getFirst());
    }

    @Override
    public List<JDA> shards() {
      return manager.getShards();
    }

    @Override
    public Optional<GuildMessageChannel> channel(String id) {
      return Optional.ofNullable(manager.getChannelById(GuildMessageChannel.class, id));
    }

    @Override
    public void shutdown(Duration grace) {
      manager.shutdown();
      for (JDA shard : manager.getShards()) {
        try {
          if (!shard.awaitShutdown(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            shard.shutdownNow();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          log.debug("Interrupted while shards shut down");
          return;
        }
      }
    }
  }
}
