package io.roadmapcoach.slack.events;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.slack.delivery.SlackOut;
import io.roadmapcoach.slack.users.SlackUsers;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The App Home tab: the member's own {@code status}, published whenever they open it. */
public final class AppHome implements BoltEventHandler<AppHomeOpenedEvent> {
  private static final Logger log = LoggerFactory.getLogger(AppHome.class);

  private final Coach coach;
  private final SlackUsers users;
  private final SlackOut out;
  private final EventClaims claims;
  private final Executor executor;

  public AppHome(
      Coach coach, SlackUsers users, SlackOut out, EventClaims claims, Executor executor) {
    this.coach = coach;
    this.users = users;
    this.out = out;
    this.claims = claims;
    this.executor = executor;
  }

  @Override
  public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    AppHomeOpenedEvent event = payload.getEvent();
    if (event == null || !"home".equals(event.getTab()) || event.getUser() == null) {
      return ctx.ack();
    }
    if (!claims.first(payload.getEventId())) {
      return ctx.ack();
    }
    String teamId = payload.getTeamId();
    String channel = event.getChannel();
    executor.execute(
        () -> {
          try {
            publish(teamId, null, channel, event.getUser(), null);
          } catch (RuntimeException e) {
            log.error("Publishing the App Home failed", e);
          }
        });
    return ctx.ack();
  }

  /** Shows the member's status in their App Home; {@code dmChannel} is the bot's DM with them. */
  public void publish(
      String teamId, String teamName, String dmChannel, String userId, String userName) {
    String channel = dmChannel;
    if (channel == null || channel.isBlank()) {
      channel = out.directChannel(teamId, userId).orElse(null);
      if (channel == null) {
        return;
      }
    }
    Caller caller = users.inDirectMessage(teamId, teamName, userId, userName);
    Reply status = coach.handleText(caller, "status");
    out.publishHome(teamId, userId, status);
  }
}
