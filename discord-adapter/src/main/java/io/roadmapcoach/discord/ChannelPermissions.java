package io.roadmapcoach.discord;

import io.roadmapcoach.core.delivery.ChannelAccess;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * Whether the bot can post in a guild channel, from its roles and the channel's overwrites as JDA
 * keeps them: View Channel to see it (without it Discord answers 50001 Missing Access), Send
 * Messages and Embed Links to post the coach's embeds, Attach Files when a post carries a file
 * (without them, 50013 Missing Permissions).
 */
final class ChannelPermissions {
  /** What every post needs: the invite's 19456. */
  static final EnumSet<Permission> TO_POST =
      EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);

  private ChannelPermissions() {}

  /** The bot's access to {@code channel}, for posts with or without a file. */
  static ChannelAccess of(GuildChannel channel, boolean withFile) {
    Member self = channel.getGuild().getSelfMember();
    if (!self.hasPermission(channel, Permission.VIEW_CHANNEL)) {
      return ChannelAccess.notInvited();
    }
    EnumSet<Permission> needed = EnumSet.copyOf(TO_POST);
    if (withFile) {
      needed.add(Permission.MESSAGE_ATTACH_FILES);
    }
    List<String> missing = new ArrayList<>();
    for (Permission permission : needed) {
      if (!self.hasPermission(channel, permission)) {
        missing.add(permission.getName());
      }
    }
    return missing.isEmpty() ? ChannelAccess.canPost() : ChannelAccess.missing(missing);
  }
}
