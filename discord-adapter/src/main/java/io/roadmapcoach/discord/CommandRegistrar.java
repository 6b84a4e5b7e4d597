package io.roadmapcoach.discord;

import java.util.concurrent.CompletableFuture;
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
 */
final class CommandRegistrar {
  private static final Logger log = LoggerFactory.getLogger(CommandRegistrar.class);

  private final CommandSurface surface;
  private volatile boolean global;
  private final AtomicBoolean globalSent = new AtomicBoolean();
  private volatile CompletableFuture<Void> globalDone = new CompletableFuture<>();

  CommandRegistrar(CommandSurface surface) {
    this.surface = surface;
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
      update = update.addCommands(surface.command());
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
          .addCommands(surface.command())
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
