package io.roadmapcoach.slack.uploads;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.files.FilesInfoResponse;
import com.slack.api.model.File;
import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.slack.delivery.SlackClients;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file a member chose in a file input, read from Slack: {@code files.info} for its name, size and
 * private download address, then at most {@link Upload#MAX_READ} bytes of it with the bot token. A
 * file whose size (as Slack reports it) is over that is handed on by its size alone, unfetched, for
 * the core to refuse.
 */
final class SlackFiles {
  private static final Logger log = LoggerFactory.getLogger(SlackFiles.class);

  /** What reading the file came to. */
  sealed interface Fetched {}

  /** The file as the core takes it. */
  record Read(Upload upload) implements Fetched {}

  /** The install lacks {@code files:read} (installed before uploads came). */
  record NoScope() implements Fetched {}

  /** Slack answered with an error, or the file could not be downloaded. */
  record Failed(String why) implements Fetched {}

  private final SlackClients clients;

  SlackFiles(SlackClients clients) {
    this.clients = clients;
  }

  Fetched fetch(String teamId, String fileId) {
    Optional<MethodsClient> client = clients.forTeam(teamId);
    if (client.isEmpty()) {
      return new Failed("the app is not installed in this workspace");
    }
    FilesInfoResponse info;
    try {
      info = client.get().filesInfo(r -> r.file(fileId));
    } catch (IOException | SlackApiException e) {
      log.warn("files.info failed: {}", e.getMessage());
      return new Failed("Slack could not be reached");
    }
    if (!info.isOk() || info.getFile() == null) {
      log.warn("files.info answered {}", info.getError());
      return "missing_scope".equals(info.getError())
          ? new NoScope()
          : new Failed("Slack answered " + info.getError());
    }
    return download(teamId, info.getFile());
  }

  private Fetched download(String teamId, File file) {
    String name = file.getName() == null ? "roadmap.yaml" : file.getName();
    long size = file.getSize() == null ? 0 : Math.max(0, file.getSize());
    if (size > Upload.MAX_READ) {
      return new Read(new Upload(name, new byte[0], size));
    }
    Optional<byte[]> bytes =
        clients.download(teamId, file.getUrlPrivateDownload(), Upload.MAX_READ);
    if (bytes.isEmpty()) {
      return new Failed("the file could not be downloaded");
    }
    return new Read(new Upload(name, bytes.get(), Math.max(size, bytes.get().length)));
  }
}
