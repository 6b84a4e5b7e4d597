package io.roadmapcoach.slack.events;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.member.Workspaces;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code app_uninstalled} and {@code tokens_revoked} (of the bot's token): the workspace's
 * installation is deleted at once, deliveries to it stop instead of failing forever, and its
 * members' data is erased after the retention period unless it comes back first (a new install, or
 * with a single bot token a later command).
 */
public final class Uninstalls {
  private static final Logger log = LoggerFactory.getLogger(Uninstalls.class);

  private final Workspaces workspaces;
  private final EventClaims claims;
  private final Consumer<String> deleteInstallation;

  /**
   * @param deleteInstallation forgets the workspace's stored installation (nothing to do with a
   *     single bot token)
   */
  public Uninstalls(
      Workspaces workspaces, EventClaims claims, Consumer<String> deleteInstallation) {
    this.workspaces = workspaces;
    this.claims = claims;
    this.deleteInstallation = deleteInstallation;
  }

  public BoltEventHandler<AppUninstalledEvent> uninstalled() {
    return (payload, ctx) -> stop(payload, ctx, "the app was uninstalled");
  }

  public BoltEventHandler<TokensRevokedEvent> revoked() {
    return (payload, ctx) -> {
      TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
      boolean botToken = tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty();
      return botToken ? stop(payload, ctx, "the bot token was revoked") : ctx.ack();
    };
  }

  private Response stop(EventsApiPayload<?> payload, EventContext ctx, String why) {
    String team = payload.getTeamId();
    if (team != null && claims.first(payload.getEventId())) {
      deleteInstallation.accept(team);
      workspaces.removed(Platform.SLACK, team);
      log.info("Slack workspace {} removed the app ({}): its deliveries stop", team, why);
    }
    return ctx.ack();
  }
}
