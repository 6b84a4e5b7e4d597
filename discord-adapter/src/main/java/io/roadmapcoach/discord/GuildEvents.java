package io.roadmapcoach.discord;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.ChannelAccess;
import io.roadmapcoach.core.member.Workspaces;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRoleAddEvent;
import net.dv8tion.jda.api.events.guild.override.GenericPermissionOverrideEvent;
import net.dv8tion.jda.api.events.role.update.RoleUpdatePermissionsEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guilds coming and going: a guild that comes up (ready, or the bot joined it) gets {@code
 * /roadmap}; a guild that removed the bot gets no more deliveries, and its data is erased after the
 * retention period unless the bot is added back (or a command comes from it) first.
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
    // added back while this instance was down: the server is ours again
    returned(event.getGuild().getId());
    // and permissions given while it was down count too
    recheck(event.getGuild());
  }

  @Override
  public void onGuildJoin(GuildJoinEvent event) {
    String guildId = event.getGuild().getId();
    log.info("Joined guild {} ({})", guildId, event.getGuild().getName());
    commands.guildAvailable(event.getGuild());
    returned(guildId);
  }

  /** Off the gateway thread: the database may take a moment. */
  private void returned(String guildId) {
    work.execute(
        () -> {
          try {
            workspaces.returned(Platform.DISCORD, guildId);
          } catch (RuntimeException e) {
            log.error("Could not mark guild {} as back", guildId, e);
          }
        });
  }

  // ---- permissions: a channel that refused the bot's posts is asked again when they change

  @Override
  public void onGenericPermissionOverride(GenericPermissionOverrideEvent event) {
    recheck(event.getGuild());
  }

  @Override
  public void onRoleUpdatePermissions(RoleUpdatePermissionsEvent event) {
    recheck(event.getGuild());
  }

  @Override
  public void onGuildMemberRoleAdd(GuildMemberRoleAddEvent event) {
    if (event.getMember().equals(event.getGuild().getSelfMember())) {
      recheck(event.getGuild());
    }
  }

  /**
   * The guild's refused channels where the bot's permissions now let it post: their posts resume.
   * Off the gateway thread: the database may take a moment.
   */
  private void recheck(Guild guild) {
    work.execute(
        () -> {
          try {
            for (String id : workspaces.refusedChannels(Platform.DISCORD, guild.getId())) {
              GuildChannel channel = guild.getGuildChannelById(id);
              if (channel != null
                  && ChannelPermissions.of(channel, false).state() == ChannelAccess.State.CAN_POST
                  && workspaces.channelOpened(Platform.DISCORD, guild.getId(), id)) {
                log.info("The bot may post in channel {} of guild {} again", id, guild.getId());
              }
            }
          } catch (RuntimeException e) {
            log.error("Could not look at guild {}'s refused channels again", guild.getId(), e);
          }
        });
  }

  @Override
  public void onGuildLeave(GuildLeaveEvent event) {
    String guildId = event.getGuild().getId();
    log.info("Left guild {}: its deliveries stop and its data is due for erasure", guildId);
    // off the gateway thread: the database may take a moment
    work.execute(
        () -> {
          try {
            workspaces.removed(Platform.DISCORD, guildId);
          } catch (RuntimeException e) {
            log.error("Could not stop deliveries to guild {}", guildId, e);
          }
        });
  }
}
