package io.roadmapcoach.slack.users;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.User;
import com.slack.api.model.event.UserChangeEvent;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.caller.PlatformStatus;
import io.roadmapcoach.core.member.Workspaces;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code user_change}: a member's profile changed, and with it perhaps their status (a palm tree,
 * "On vacation", "OOO") or whether they administer the workspace. The core keeps whether the status
 * says they are away, so a nudge composed later looks at the stored status instead of calling
 * {@code users.info} (about 100 calls a minute per workspace) for every member it nudges; and it
 * hears at once when a member is no admin any more, so that what admin rights opened (a dashboard
 * session) closes. The member's profile kept for commands is replaced too, so their next command is
 * judged by what Slack just said. Slack sends the event for everyone in the workspace; the core
 * keeps it only for members it knows. Keeping either twice does no harm, so retries need no claim.
 */
public final class StatusChanges implements BoltEventHandler<UserChangeEvent> {
  private static final Logger log = LoggerFactory.getLogger(StatusChanges.class);

  private final Workspaces workspaces;
  private final SlackUsers users;

  public StatusChanges(Workspaces workspaces, SlackUsers users) {
    this.workspaces = workspaces;
    this.users = users;
  }

  @Override
  public Response apply(EventsApiPayload<UserChangeEvent> payload, EventContext ctx) {
    User user = payload.getEvent() == null ? null : payload.getEvent().getUser();
    String teamId = payload.getTeamId();
    if (user != null && user.getId() != null && teamId != null) {
      users.changed(teamId, user);
      // not caught: an admin's rights must not outlive a failure here, so Slack, unanswered,
      // sends the event again
      workspaces.platformAdminChanged(Platform.SLACK, teamId, user.getId(), isAdmin(user));
      try {
        keep(workspaces, teamId, user);
      } catch (RuntimeException e) {
        log.warn("Keeping the status of a Slack member failed", e);
      }
    }
    return ctx.ack();
  }

  /** Whether Slack says the user administers the workspace: an admin or an owner. */
  static boolean isAdmin(User user) {
    return user.isAdmin() || user.isOwner() || user.isPrimaryOwner();
  }

  /** Hands the user's status to the core; false when the core does not know them. */
  static boolean keep(Workspaces workspaces, String teamId, User user) {
    PlatformStatus status = statusOf(user);
    return workspaces.memberStatus(
        Platform.SLACK, teamId, user.getId(), status.emoji(), status.text(), status.expires());
  }

  /** The user's status as Slack's profile says it. */
  static PlatformStatus statusOf(User user) {
    User.Profile profile = user.getProfile();
    String emoji = profile == null ? null : profile.getStatusEmoji();
    String text = profile == null ? null : profile.getStatusText();
    return new PlatformStatus(emoji, text, expires(profile));
  }

  /** Slack's {@code status_expiration}: seconds since the epoch, 0 for a status that stays. */
  private static Optional<Instant> expires(User.Profile profile) {
    Long at = profile == null ? null : profile.getStatusExpiration();
    return at == null || at <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(at));
  }
}
