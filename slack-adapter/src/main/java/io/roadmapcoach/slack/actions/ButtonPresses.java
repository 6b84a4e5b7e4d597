package io.roadmapcoach.slack.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.slack.delivery.Attachments;
import io.roadmapcoach.slack.delivery.SlackOut;
import io.roadmapcoach.slack.events.AppHome;
import io.roadmapcoach.slack.users.SlackUsers;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pressed button of ours (action ids start with {@code rc:}): acknowledged at once, then handed
 * to the core with the id verbatim (the core decodes it and checks the presser). The answer
 * replaces the clicked message when the core says so (a quiz moving on): {@code chat.update} for a
 * message the bot posted, {@code response_url} for an ephemeral one. Presses in the App Home are
 * answered by direct message, and the Home is refreshed.
 */
public final class ButtonPresses implements BlockActionHandler {
  public static final Pattern OURS = Pattern.compile("^rc:.*");
  private static final Logger log = LoggerFactory.getLogger(ButtonPresses.class);

  private final Coach coach;
  private final SlackUsers users;
  private final SlackOut out;
  private final Attachments attachments;
  private final AppHome home;
  private final Executor executor;

  public ButtonPresses(
      Coach coach,
      SlackUsers users,
      SlackOut out,
      Attachments attachments,
      AppHome home,
      Executor executor) {
    this.coach = coach;
    this.users = users;
    this.out = out;
    this.attachments = attachments;
    this.home = home;
    this.executor = executor;
  }

  @Override
  public Response apply(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload p = request.getPayload();
    if (p.getActions() == null || p.getActions().isEmpty() || p.getUser() == null) {
      return ctx.ack();
    }
    String actionId = p.getActions().get(0).getActionId();
    executor.execute(
        () -> {
          try {
            handle(p, actionId);
          } catch (RuntimeException e) {
            log.error("A button press failed", e);
          }
        });
    return ctx.ack();
  }

  private void handle(BlockActionPayload p, String actionId) {
    BlockActionPayload.Container container = p.getContainer();
    boolean inView = container != null && "view".equals(container.getType());
    String teamId = teamId(p);
    String userId = p.getUser().getId();
    String userName =
        p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName();
    if (inView) {
      Optional<String> dm = out.directChannel(teamId, userId);
      if (dm.isEmpty()) {
        return;
      }
      Caller caller = users.inDirectMessage(teamId, domain(p), userId, userName);
      Reply reply = coach.press(caller, actionId);
      out.post(teamId, dm.get(), Attachments.announced(reply));
      attachments.send(reply, teamId, userId, dm.get());
      home.publish(teamId, domain(p), dm.get(), userId, userName);
      return;
    }
    String channelId = channelId(p);
    if (channelId == null) {
      log.warn("A button press without a channel was ignored");
      return;
    }
    String channelName = p.getChannel() != null ? p.getChannel().getName() : null;
    Caller caller =
        SlackUsers.isDirectMessage(channelId, channelName)
            ? users.inDirectMessage(teamId, domain(p), userId, userName)
            : users.caller(teamId, domain(p), channelId, channelName, userId, userName);
    Reply reply = coach.press(caller, actionId);
    Reply shown = Attachments.announced(reply);
    if (reply.replacesOriginal()) {
      boolean replaced =
          container != null
              && !container.isEphemeral()
              && container.getMessageTs() != null
              && out.update(teamId, channelId, container.getMessageTs(), shown);
      if (!replaced) {
        out.respondToAction(p.getResponseUrl(), shown, true);
      }
    } else {
      out.respondToAction(p.getResponseUrl(), shown, false);
    }
    attachments.send(reply, teamId, userId, channelId);
  }

  private static String teamId(BlockActionPayload p) {
    if (p.getTeam() != null && p.getTeam().getId() != null) {
      return p.getTeam().getId();
    }
    return p.getUser().getTeamId();
  }

  private static String domain(BlockActionPayload p) {
    return p.getTeam() != null ? p.getTeam().getDomain() : null;
  }

  private static String channelId(BlockActionPayload p) {
    if (p.getChannel() != null && p.getChannel().getId() != null) {
      return p.getChannel().getId();
    }
    return p.getContainer() != null ? p.getContainer().getChannelId() : null;
  }
}
