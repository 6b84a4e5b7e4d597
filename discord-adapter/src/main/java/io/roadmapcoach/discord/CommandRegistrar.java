package io.roadmapcoach.discord;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.roadmap.RoadmapSizes;
import io.roadmapcoach.core.roadmap.WorkspaceRoadmaps;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@code /roadmap} where members can use it. By default it is registered per guild whenever
 * the bot meets one (ready or joined), which takes effect at once. Once global registration is
 * requested, the command is registered once for every guild and the per-guild copies are removed as
 * guilds come up, so nobody sees {@code /roadmap} twice.
 *
 * <p>The {@code stage} and {@code objective} ranges: a guild's own copy takes the largest over the
 * server's roadmaps, and is registered again when a roadmap applied there makes that larger or
 * smaller. One global copy serves every server, so it takes the largest any roadmap may be (what
 * the loader accepts); either way the core checks the number against the channel's own roadmap.
 */
final class CommandRegistrar {
  private static final Logger log = LoggerFactory.getLogger(CommandRegistrar.class);

  private final CommandSurface surface;
  private final WorkspaceRoadmaps roadmaps;
  private volatile boolean global;
  private final AtomicBoolean globalSent = new AtomicBoolean();
  private volatile CompletableFuture<Void> globalDone = new CompletableFuture<>();

  /** The sizes each guild's copy was last registered with: registered again only on a change. */
  private final Map<String, RoadmapSizes> registered = new ConcurrentHashMap<>();

  CommandRegistrar(CommandSurface surface, WorkspaceRoadmaps roadmaps) {
    this.surface = surface;
    this.roadmaps = roadmaps;
  }

  void useGlobal() {
    global = true;
  }

  boolean global() {
    return global;
  }

  /** A guild came up (ready, or the bot joined it). */
  void guildAvailable(Guild guild) {
    CommandListUpdateAction update = guild.updateCommands();
    if (!global) {
      RoadmapSizes sizes = sizesOf(guild.getId());
      registered.put(guild.getId(), sizes);
      update = update.addCommands(surface.command(sizes));
    }
    String what = global ? "Removed the guild copy of /roadmap" : "Registered /roadmap";
    update.queue(
        ok -> log.debug("{} in guild {}", what, guild.getId()),
        error ->
            log.warn(
                "Could not update /roadmap in guild {} ({}): {}",
                guild.getId(),
                guild.getName(),
                error.getMessage()));
  }

  /**
   * A roadmap was applied in the guild: its copy of {@code /roadmap} is registered again when the
   * largest of its roadmaps changed. Nothing to do under global registration (its ranges are the
   * loader's limits already).
   */
  void roadmapsChanged(Guild guild, RoadmapSizes largest) {
    if (global || largest.equals(registered.put(guild.getId(), largest))) {
      return;
    }
    guild
        .updateCommands()
        .addCommands(surface.command(largest))
        .queue(
            ok ->
                log.info(
                    "Registered /roadmap again in guild {}: stages 1 to {}, objectives 1 to {}",
                    guild.getId(),
                    largest.stages(),
                    largest.objectives()),
            error -> {
              registered.remove(guild.getId());
              log.warn(
                  "Could not register /roadmap again in guild {}: {}",
                  guild.getId(),
                  error.getMessage());
            });
  }

  /** The guild's roadmaps' sizes; the deployment's while the database cannot say. */
  private RoadmapSizes sizesOf(String guildId) {
    try {
      return roadmaps.largest(Platform.DISCORD, guildId);
    } catch (RuntimeException e) {
      log.warn("Could not read guild {}'s roadmaps; registering the deployment's ranges", guildId);
      return surface.deploymentSizes();
    }
  }

  /** A shard is ready: the application id is known, so a requested global registration can go. */
  void ready(JDA jda) {
    if (global) {
      registerGlobal(jda);
    }
  }

  /**
   * Registers the command for all guilds, once per run; the future completes when Discord took it.
   */
  CompletableFuture<Void> registerGlobal(JDA jda) {
    global = true;
    if (globalSent.compareAndSet(false, true)) {
      CompletableFuture<Void> done = globalDone;
      jda.updateCommands()
          .addCommands(surface.command(RoadmapSizes.LARGEST_ACCEPTED))
          .submit()
          .whenComplete(
              (commands, error) -> {
                if (error == null) {
                  log.info("Registered /roadmap globally");
                  done.complete(null);
                } else {
                  log.warn("Could not register /roadmap globally: {}", error.getMessage());
                  globalDone = new CompletableFuture<>();
                  globalSent.set(false);
                  done.completeExceptionally(error);
                }
              });
      return done;
    }
    return globalDone;
  }

  CompletableFuture<Void> globalDone() {
    return globalDone;
  }
}
