package io.roadmapcoach.slack.uploads;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.File;
import com.slack.api.model.view.ViewState;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.command.Coach;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.slack.delivery.Attachments;
import io.roadmapcoach.slack.delivery.SlackClients;
import io.roadmapcoach.slack.delivery.SlackOut;
import io.roadmapcoach.slack.render.Replies;
import io.roadmapcoach.slack.users.SlackUsers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upload form submitted: its origin checked (signed by us, for this workspace and this member),
 * the modal closed at once, and then the file read from Slack and handed to the core with the
 * command's text, as Discord and the console hand theirs. The core's answer (the preview with its
 * Apply button, or the problems by line and field) goes to the member alone: ephemeral in the
 * channel the command came from, or in their direct messages with the bot.
 */
public final class UploadSubmissions implements ViewSubmissionHandler {
  private static final Logger log = LoggerFactory.getLogger(UploadSubmissions.class);

  private final Coach coach;
  private final SlackUsers users;
  private final SlackOut out;
  private final Attachments attachments;
  private final SlackFiles files;
  private final UploadOrigin.Seal seal;
  private final Executor executor;

  public UploadSubmissions(
      Coach coach,
      SlackUsers users,
      SlackOut out,
      Attachments attachments,
      SlackClients clients,
      UploadOrigin.Seal seal,
      Executor executor) {
    this.coach = coach;
    this.users = users;
    this.out = out;
    this.attachments = attachments;
    this.files = new SlackFiles(clients);
    this.seal = seal;
    this.executor = executor;
  }

  @Override
  public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = request.getPayload();
    Optional<UploadOrigin> origin = origin(p);
    if (origin.isEmpty()) {
      log.info("An upload form whose origin does not verify was refused");
      return ctx.ackWithErrors(
          Map.of(
              UploadModal.FILE_BLOCK,
              "This form can't be used. Close it and run the command again."));
    }
    Optional<String> fileId = chosenFile(p);
    if (fileId.isEmpty()) {
      return ctx.ackWithErrors(Map.of(UploadModal.FILE_BLOCK, "Choose a roadmap file."));
    }
    executor.execute(() -> upload(origin.get(), fileId.get()));
    return ctx.ack();
  }

  /** The signed origin, when it is ours and names the workspace and member who submitted. */
  private Optional<UploadOrigin> origin(ViewSubmissionPayload p) {
    if (p.getView() == null || p.getUser() == null) {
      return Optional.empty();
    }
    String teamId = p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
    String userId = p.getUser().getId();
    return seal.open(p.getView().getPrivateMetadata())
        .filter(o -> o.teamId().equals(teamId) && o.userId().equals(userId));
  }

  private static Optional<String> chosenFile(ViewSubmissionPayload p) {
    if (p.getView().getState() == null || p.getView().getState().getValues() == null) {
      return Optional.empty();
    }
    Map<String, ViewState.Value> block =
        p.getView().getState().getValues().getOrDefault(UploadModal.FILE_BLOCK, Map.of());
    ViewState.Value input = block.get(UploadModal.FILE_ACTION);
    List<File> chosen = input == null || input.getFiles() == null ? List.of() : input.getFiles();
    return chosen.stream().map(File::getId).filter(id -> id != null).findFirst();
  }

  private void upload(UploadOrigin origin, String fileId) {
    Reply reply;
    try {
      reply = answer(origin, fileId);
    } catch (RuntimeException e) {
      log.error("An uploaded file could not be handled", e);
      reply = Replies.sorry();
    }
    deliver(origin, reply);
  }

  private Reply answer(UploadOrigin origin, String fileId) {
    return switch (files.fetch(origin.teamId(), fileId)) {
      case SlackFiles.Read read ->
          coach.handleText(caller(origin), origin.text(), Optional.of(read.upload()));
      case SlackFiles.NoScope noScope -> UploadModal.reinstall(origin.text());
      case SlackFiles.Failed failed ->
          Reply.text(
              "I could not read that file from Slack ("
                  + failed.why()
                  + "). Nothing was changed; try the upload again.");
    };
  }

  private Caller caller(UploadOrigin o) {
    if (inDirectMessage(o)) {
      return users.inDirectMessage(o.teamId(), o.teamDomain(), o.userId(), o.userName());
    }
    return users.caller(
        o.teamId(), o.teamDomain(), o.channelId(), o.channelName(), o.userId(), o.userName());
  }

  /** To the member alone: ephemeral where they typed the command, else in their DM with the bot. */
  private void deliver(UploadOrigin origin, Reply reply) {
    Reply shown = Attachments.announced(reply);
    boolean shownInChannel =
        !inDirectMessage(origin)
            && out.postEphemeral(origin.teamId(), origin.channelId(), origin.userId(), shown);
    if (shownInChannel) {
      attachments.send(reply, origin.teamId(), origin.userId(), origin.channelId());
      return;
    }
    out.directChannel(origin.teamId(), origin.userId())
        .ifPresent(
            dm -> {
              out.post(origin.teamId(), dm, shown);
              attachments.send(reply, origin.teamId(), origin.userId(), dm);
            });
  }

  private static boolean inDirectMessage(UploadOrigin o) {
    return SlackUsers.isDirectMessage(o.channelId(), o.channelName());
  }
}
