package io.roadmapcoach.slack.uploads;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.FileInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.slack.delivery.SlackClients;
import io.roadmapcoach.slack.users.SlackUsers;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The form a command that takes a file opens on Slack: a modal with one file input (a YAML or text
 * file, one), opened with the command's {@code trigger_id} (good for 3 s, once), and carrying the
 * command's origin, signed, in its {@code private_metadata}.
 */
public final class UploadModal {
  private static final Logger log = LoggerFactory.getLogger(UploadModal.class);

  /** The modal's callback id: its submission comes back to {@link UploadSubmissions}. */
  public static final String CALLBACK_ID = "rc:upload";

  static final String FILE_BLOCK = "file";
  static final String FILE_ACTION = "file";
  static final String READ_SCOPE = "files:read";
  static final List<String> FILE_TYPES = List.of("yaml", "yml", "txt");

  private final SlackClients clients;
  private final UploadOrigin.Seal seal;

  public UploadModal(SlackClients clients, UploadOrigin.Seal seal) {
    this.clients = clients;
    this.seal = seal;
  }

  /**
   * Opens the form for the command; empty when it is open, else the answer that says why not (the
   * install cannot read files, or Slack refused the form).
   */
  public Optional<Reply> open(UploadOrigin origin, String triggerId) {
    if (!canRead(origin.teamId())) {
      return Optional.of(reinstall(origin.text()));
    }
    Optional<MethodsClient> client = clients.forTeam(origin.teamId());
    if (client.isEmpty()) {
      return Optional.of(notOpened(origin.text()));
    }
    View view = view(origin);
    try {
      ViewsOpenResponse response = client.get().viewsOpen(r -> r.triggerId(triggerId).view(view));
      if (response.isOk()) {
        return Optional.empty();
      }
      log.warn("views.open for an upload form answered {}", response.getError());
    } catch (IOException | SlackApiException e) {
      log.warn("views.open for an upload form failed: {}", e.getMessage());
    }
    return Optional.of(notOpened(origin.text()));
  }

  /**
   * Whether the workspace granted {@code files:read}; when its scopes are unknown, {@code
   * files.info} will tell.
   */
  private boolean canRead(String teamId) {
    var scopes = clients.scopes(teamId);
    return scopes.isEmpty() || scopes.contains(READ_SCOPE);
  }

  View view(UploadOrigin origin) {
    return View.builder()
        .type("modal")
        .callbackId(CALLBACK_ID)
        .title(ViewTitle.builder().type("plain_text").text("Upload a roadmap").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Check it").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .privateMetadata(seal.seal(origin))
        .blocks(blocks(origin))
        .build();
  }

  private static List<LayoutBlock> blocks(UploadOrigin origin) {
    String where =
        SlackUsers.isDirectMessage(origin.channelId(), origin.channelName())
            ? "your workspace (then `roadmap use` puts it on a channel)"
            : "<#" + origin.channelId() + ">";
    return List.of(
        SectionBlock.builder()
            .text(
                MarkdownTextObject.builder()
                    .text(
                        "Choose a roadmap file (YAML, at most 512 KB) for "
                            + where
                            + ". I check it first and answer you with a preview, or with every"
                            + " problem by line and field. Nothing changes until you press"
                            + " *Apply*.")
                    .build())
            .build(),
        InputBlock.builder()
            .blockId(FILE_BLOCK)
            .label(PlainTextObject.builder().text("Roadmap file").build())
            .element(
                FileInputElement.builder()
                    .actionId(FILE_ACTION)
                    .filetypes(FILE_TYPES)
                    .maxFiles(1)
                    .build())
            .build());
  }

  /** An install from before file uploads: it lacks {@code files:read}. */
  static Reply reinstall(String text) {
    return Reply.text(
        Text.of(
                "I can't read files in this workspace yet: Roadmap Coach was installed before it"
                    + " could take file uploads (it needs the ")
            .code(READ_SCOPE)
            .plain(" permission). Ask a workspace admin to reinstall the app, then run ")
            .code("/roadmap " + text)
            .plain(" again. Nothing was changed."));
  }

  private static Reply notOpened(String text) {
    return Reply.text(
        Text.of("Slack did not let me open the upload form (it must open within 3 seconds). Run ")
            .code("/roadmap " + text)
            .plain(" again."));
  }
}
