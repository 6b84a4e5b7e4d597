package io.roadmapcoach.slack.commands;

import com.google.gson.annotations.SerializedName;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.slack.delivery.Attachments;
import io.roadmapcoach.slack.delivery.SlackOut;
import io.roadmapcoach.slack.render.Replies;
import io.roadmapcoach.slack.render.SlackRenderer;
import io.roadmapcoach.slack.uploads.UploadModal;
import io.roadmapcoach.slack.uploads.UploadOrigin;
import io.roadmapcoach.slack.users.SlackUsers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /roadmap ...}: the text goes to the core untouched (it parses mentions such as {@code
 * <@U123|ana>} itself). A reply ready within the budget travels in the acknowledgement; a slower
 * one is acknowledged empty and posted to {@code response_url} when it is ready, so Slack always
 * has its answer within 3 s.
 */
public final class SlashCommands implements SlashCommandHandler {
  private static final Logger log = LoggerFactory.getLogger(SlashCommands.class);

  private final Coach coach;
  private final SlackUsers users;
  private final Attachments attachments;
  private final SlackOut out;
  private final UploadModal uploadForm;
  private final Executor executor;
  private final Duration budget;

  public SlashCommands(
      Coach coach,
      SlackUsers users,
      Attachments attachments,
      SlackOut out,
      UploadModal uploadForm,
      Executor executor,
      Duration budget) {
    this.coach = coach;
    this.users = users;
    this.attachments = attachments;
    this.out = out;
    this.uploadForm = uploadForm;
    this.executor = executor;
    this.budget = budget;
  }

  @Override
  public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload p = request.getPayload();
    String text = p.getText() == null ? "" : p.getText();
    if (coach.commands().takesFile(text)) {
      return askForTheFile(p, text, ctx);
    }
    CompletableFuture<Reply> answer =
        CompletableFuture.supplyAsync(() -> coach.handleText(caller(p), text), executor);
    try {
      Reply reply = answer.get(budget.toMillis(), TimeUnit.MILLISECONDS);
      attachments.send(reply, p.getTeamId(), p.getUserId(), p.getChannelId());
      return ctx.ack(response(Attachments.announced(reply)));
    } catch (TimeoutException slow) {
      answer.whenComplete(
          (reply, error) -> {
            if (error != null) {
              log.error("A slow /roadmap command failed", error);
              out.respondToCommand(p.getResponseUrl(), response(Replies.sorry()));
              return;
            }
            out.respondToCommand(p.getResponseUrl(), response(Attachments.announced(reply)));
            attachments.send(reply, p.getTeamId(), p.getUserId(), p.getChannelId());
          });
      return ctx.ack();
    } catch (ExecutionException e) {
      log.error("A /roadmap command failed", e.getCause());
      return ctx.ack(response(Replies.sorry()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ctx.ack(response(Replies.sorry()));
    }
  }

  /**
   * A command that takes a file: Slack's typed commands carry none, so a form with a file input
   * opens (within the trigger's 3 s, hence here and not after the acknowledgement) and its
   * submission brings the file with this text. The acknowledgement is empty, or says why the form
   * did not open.
   */
  private Response askForTheFile(SlashCommandPayload p, String text, SlashCommandContext ctx) {
    UploadOrigin origin =
        new UploadOrigin(
            p.getTeamId(),
            p.getTeamDomain(),
            p.getChannelId(),
            p.getChannelName(),
            p.getUserId(),
            p.getUserName(),
            text);
    return uploadForm
        .open(origin, p.getTriggerId())
        .map(why -> ctx.ack(response(why)))
        .orElseGet(ctx::ack);
  }

  private Caller caller(SlashCommandPayload p) {
    if (SlackUsers.isDirectMessage(p.getChannelId(), p.getChannelName())) {
      return users.inDirectMessage(
          p.getTeamId(), p.getTeamDomain(), p.getUserId(), p.getUserName());
    }
    return users.caller(
        p.getTeamId(),
        p.getTeamDomain(),
        p.getChannelId(),
        p.getChannelName(),
        p.getUserId(),
        p.getUserName());
  }

  static SlashCommandResponse response(Reply reply) {
    SlashCommandResponse response =
        reply.linkPreviews() ? new SlashCommandResponse() : new WithoutPreviews();
    response.setResponseType(SlackRenderer.responseType(reply));
    response.setText(SlackRenderer.fallbackText(reply));
    response.setBlocks(SlackRenderer.message(reply));
    return response;
  }

  /**
   * An answer that asks Slack not to unfurl its links (the dashboard's sign-in link). The SDK's
   * response has no such fields; its JSON writer serialises these too.
   */
  static final class WithoutPreviews extends SlashCommandResponse {
    @SerializedName("unfurl_links")
    private final boolean unfurlLinks = false;

    @SerializedName("unfurl_media")
    private final boolean unfurlMedia = false;

    @Override
    public boolean equals(Object other) {
      return other instanceof WithoutPreviews && super.equals(other);
    }

    @Override
    public int hashCode() {
      return super.hashCode() * 31 + (unfurlLinks || unfurlMedia ? 1 : 0);
    }
  }
}
