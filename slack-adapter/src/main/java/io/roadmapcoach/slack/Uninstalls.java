package io.roadmapcoach.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.member.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code app_uninstalled} and {@code tokens_revoked} (of the bot's token): deliveries to the
 * workspace stop instead of failing forever. A later command from the workspace turns them back on.
 */
final class Uninstalls {
  private static final Logger log = LoggerFactory.getLogger(Uninstalls.class);

  private final Workspaces workspaces;
  private final EventClaims claims;

  Uninstalls(Workspaces workspaces, EventClaims claims) {
    this.workspaces = workspaces;
    this.claims = claims;
  }

  BoltEventHandler<AppUninstalledEvent> uninstalled() {
    return (payload, ctx) -> stop(payload, ctx, "the app was uninstalled");
  }

  BoltEventHandler<TokensRevokedEvent> revoked() {
    return (payload, ctx) -> {
      TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
      boolean botToken = tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty();
      return botToken ? stop(payload, ctx, "the bot token was revoked") : ctx.ack();
    };
  }

  private Response stop(EventsApiPayload<?> payload, EventContext ctx, String why) {
    if (claims.first(payload.getEventId())) {
      workspaces.stopDeliveries(Platform.SLACK, payload.getTeamId());
      log.info("Deliveries to Slack workspace {} stopped: {}", payload.getTeamId(), why);
    }
    return ctx.ack();
  }
}
