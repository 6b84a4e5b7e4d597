package io.roadmapcoach.discord;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * Who pressed or typed, as the core wants it: the guild is the workspace, the channel is the study
 * group (a thread counts as its parent channel, so a group's threads share its progress and
 * reminders), Manage Server makes a lead. Discord does not tell a member's time zone.
 */
final class Callers {
  private Callers() {}

  /** The caller of an interaction in a guild; empty outside one (a DM with the bot). */
  static Optional<Caller> inGuild(Interaction interaction) {
    Guild guild = interaction.getGuild();
    if (guild == null) {
      return Optional.empty();
    }
    String channelId = interaction.getChannelId();
    String channelName = null;
    Channel channel = interaction.getChannel();
    if (channel instanceof ThreadChannel thread) {
      GuildChannel parent = thread.getParentChannel();
      channelId = parent.getId();
      channelName = parent.getName();
    } else if (channel != null) {
      channelName = channel.getName();
    }
    if (channelId == null) {
      return Optional.empty();
    }
    User user = interaction.getUser();
    Member member = interaction.getMember();
    String name = member != null ? member.getEffectiveName() : user.getEffectiveName();
    boolean admin = member != null && member.hasPermission(Permission.MANAGE_SERVER);
    return Optional.of(
        new Caller(
            Platform.DISCORD,
            guild.getId(),
            guild.getName(),
            Origin.channel(channelId, channelName),
            user.getId(),
            name,
            admin,
            Optional.empty(),
            Optional.empty()));
  }
}
