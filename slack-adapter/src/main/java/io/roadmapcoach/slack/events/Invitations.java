package io.roadmapcoach.slack.events;

import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.member.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code member_joined_channel} for the bot itself: someone typed {@code /invite @Roadmap Coach} in
 * a channel whose posts Slack had refused ({@code not_in_channel}), so its posts resume instead of
 * staying dropped. Other members joining are none of the bot's business.
 */
public final class Invitations {
  private static final Logger log = LoggerFactory.getLogger(Invitations.class);

  private final Workspaces workspaces;

  public Invitations(Workspaces workspaces) {
    this.workspaces = workspaces;
  }

  public BoltEventHandler<MemberJoinedChannelEvent> joined() {
    return (payload, ctx) -> {
      MemberJoinedChannelEvent event = payload.getEvent();
      String team = event.getTeam() != null ? event.getTeam() : payload.getTeamId();
      if (event.getUser() != null
          && event.getUser().equals(ctx.getBotUserId())
          && team != null
          && workspaces.channelOpened(Platform.SLACK, team, event.getChannel())) {
        log.info("Invited into Slack channel {} of {}: its posts resume", event.getChannel(), team);
      }
      return ctx.ack();
    };
  }
}
