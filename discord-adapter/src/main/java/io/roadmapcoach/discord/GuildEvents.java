package io.roadmapcoach.discord;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.member.Workspaces;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guilds coming and going: a guild that comes up (ready, or the bot joined it) gets {@code
 * /roadmap}; a guild that removed the bot gets no more deliveries. A later command from it turns
 * them back on (the core's rule).
 */
final class GuildEvents extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(GuildEvents.class);

  private final Workspaces workspaces;
  private final CommandRegistrar commands;
  private final Executor work;

  GuildEvents(Workspaces workspaces, CommandRegistrar commands, Executor work) {
    this.workspaces = workspaces;
    this.commands = commands;
    this.work = work;
  }

  @Override
  public void onReady(ReadyEvent event) {
    commands.ready(event.getJDA());
  }

  @Override
  public void onGuildReady(GuildReadyEvent event) {
    commands.guildAvailable(event.getGuild());
  }

  @Override
  public void onGuildJoin(GuildJoinEvent event) {
    log.info("Joined guild {} ({})", event.getGuild().getId(), event.getGuild().getName());
    commands.guildAvailable(event.getGuild());
  }

  @Override
  public void onGuildLeave(GuildLeaveEvent event) {
    String guildId = event.getGuild().getId();
    log.info("Left guild {}: its deliveries stop", guildId);
    // off the gateway thread: the database may take a moment
    work.execute(
        () -> {
          try {
            workspaces.stopDeliveries(Platform.DISCORD, guildId);
          } catch (RuntimeException e) {
            log.error("Could not stop deliveries to guild {}", guildId, e);
          }
        });
  }
}
