package io.roadmapcoach.slack.delivery;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import io.roadmapcoach.core.reply.Attachment;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.slack.render.SlackRenderer;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the interactive side sends to Slack besides acknowledgements: late answers through
 * {@code response_url}, quiz messages updated in place, the App Home, files, direct messages.
 * Failures are logged (without tokens) and reported as false; a member's click never throws.
 */
public final class SlackOut {
  private static final Logger log = LoggerFactory.getLogger(SlackOut.class);

  private final Slack slack;
  private final SlackClients clients;
  private final ConcurrentMap<String, String> dmChannels = new ConcurrentHashMap<>();

  /**
   * @param clients each workspace's client: every call below goes with its workspace's token
   */
  public SlackOut(SlackClients clients) {
    this.slack = clients.slack();
    this.clients = clients;
  }

  /** The workspace's client; empty (and said so in the log) when the app is not installed there. */
  private Optional<MethodsClient> client(String teamId, String method) {
    Optional<MethodsClient> client;
    try {
      client = clients.forTeam(teamId);
    } catch (RuntimeException e) {
      log.warn("{} for workspace {} skipped: {}", method, teamId, e.getMessage());
      return Optional.empty();
    }
    if (client.isEmpty()) {
      log.warn("{} for workspace {} skipped: the app is not installed there", method, teamId);
    }
    return client;
  }

  /** A command's answer, posted to its {@code response_url} after an empty acknowledgement. */
  public boolean respondToCommand(String responseUrl, SlashCommandResponse body) {
    return webhook(responseUrl, () -> new Responder(slack, responseUrl).send(body));
  }

  /** A click's answer through {@code response_url}: a new message, or the clicked one replaced. */
  public boolean respondToAction(String responseUrl, Reply reply, boolean replaceOriginal) {
    ActionResponse body =
        ActionResponse.builder()
            .responseType(SlackRenderer.responseType(reply))
            .replaceOriginal(replaceOriginal)
            .text(SlackRenderer.fallbackText(reply))
            .blocks(SlackRenderer.message(reply))
            .build();
    return webhook(responseUrl, () -> new Responder(slack, responseUrl).send(body));
  }

  /** Replaces a message the bot posted (a quiz sent by DM) with the reply. */
  public boolean update(String teamId, String channel, String ts, Reply reply) {
    return call(
        teamId,
        "chat.update",
        "in " + channel,
        client ->
            client.chatUpdate(
                r ->
                    r.channel(channel)
                        .ts(ts)
                        .text(SlackRenderer.fallbackText(reply))
                        .blocks(SlackRenderer.message(reply))));
  }

  /** Posts the reply as a new message in a conversation. */
  public boolean post(String teamId, String channel, Reply reply) {
    return call(
        teamId,
        "chat.postMessage",
        "to " + channel,
        client ->
            client.chatPostMessage(
                r ->
                    r.channel(channel)
                        .text(SlackRenderer.fallbackText(reply))
                        .blocks(SlackRenderer.message(reply))));
  }

  /**
   * Shows the reply to one member in a channel, for them alone ({@code chat.postEphemeral}); false
   * when Slack refused it (the bot is not in the channel, say).
   */
  public boolean postEphemeral(String teamId, String channel, String userId, Reply reply) {
    return call(
        teamId,
        "chat.postEphemeral",
        "to " + channel,
        client ->
            client.chatPostEphemeral(
                r ->
                    r.channel(channel)
                        .user(userId)
                        .text(SlackRenderer.fallbackText(reply))
                        .blocks(SlackRenderer.message(reply))));
  }

  /** Shows the reply as the member's App Home tab. */
  public boolean publishHome(String teamId, String userId, Reply reply) {
    View view = View.builder().type("home").blocks(SlackRenderer.home(reply)).build();
    return call(
        teamId,
        "views.publish",
        "for " + userId,
        client -> client.viewsPublish(r -> r.userId(userId).view(view)));
  }

  /** One Web API call whose answer is only ok or not. */
  private interface ApiCall {
    SlackApiTextResponse send(MethodsClient client) throws IOException, SlackApiException;
  }

  /**
   * Makes the call with the workspace's client: true when Slack answered ok; a refusal or a failure
   * is logged with {@code where} it went (never the token) and answered false.
   */
  private boolean call(String teamId, String method, String where, ApiCall call) {
    Optional<MethodsClient> client = client(teamId, method);
    if (client.isEmpty()) {
      return false;
    }
    try {
      SlackApiTextResponse response = call.send(client.get());
      if (!response.isOk()) {
        log.warn("{} {} answered {}", method, where, response.getError());
      }
      return response.isOk();
    } catch (IOException | SlackApiException e) {
      log.warn("{} {} failed: {}", method, where, e.getMessage());
      return false;
    }
  }

  /** The bot's DM conversation with a member, opened once and remembered. */
  public Optional<String> directChannel(String teamId, String userId) {
    String key = teamId + "/" + userId;
    String known = dmChannels.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<MethodsClient> client = client(teamId, "conversations.open");
    if (client.isEmpty()) {
      return Optional.empty();
    }
    try {
      ConversationsOpenResponse response =
          client.get().conversationsOpen(r -> r.users(List.of(userId)));
      if (response.isOk() && response.getChannel() != null) {
        dmChannels.put(key, response.getChannel().getId());
        return Optional.of(response.getChannel().getId());
      }
      log.warn("conversations.open for {} answered {}", userId, response.getError());
    } catch (IOException | SlackApiException e) {
      log.warn("conversations.open for {} failed: {}", userId, e.getMessage());
    }
    return Optional.empty();
  }

  /** Uploads a reply's file (the team CSV) into a conversation. */
  boolean upload(String teamId, String channel, Attachment file) {
    Optional<MethodsClient> client = client(teamId, "files.uploadV2");
    return client.isPresent() && upload(client.get(), channel, file);
  }

  /**
   * Uploads a file into a conversation: {@code files.getUploadURLExternal}, the bytes, then {@code
   * files.completeUploadExternal} sharing it there (Bolt's {@code filesUploadV2}). False when Slack
   * refused it or could not be reached; the reason is logged.
   */
  static boolean upload(MethodsClient client, String channel, Attachment file) {
    try {
      FilesUploadV2Response response =
          client.filesUploadV2(
              r ->
                  r.channel(channel)
                      .filename(file.fileName())
                      .title(file.fileName())
                      .fileData(file.bytes())
                      // files.info needs files:read; the upload itself does not
                      .requestFileInfo(false));
      if (!response.isOk()) {
        log.warn("files.uploadV2 to {} answered {}", channel, response.getError());
      }
      return response.isOk();
    } catch (IOException | SlackApiException e) {
      log.warn("files.uploadV2 to {} failed: {}", channel, e.getMessage());
      return false;
    }
  }

  private interface WebhookCall {
    WebhookResponse send() throws IOException;
  }

  private static boolean webhook(String responseUrl, WebhookCall call) {
    if (responseUrl == null || responseUrl.isBlank()) {
      return false;
    }
    try {
      WebhookResponse response = call.send();
      boolean ok = response.getCode() != null && response.getCode() / 100 == 2;
      if (!ok) {
        log.warn("response_url answered HTTP {}", response.getCode());
      }
      return ok;
    } catch (IOException | RuntimeException e) {
      log.warn("response_url post failed: {}", e.getMessage());
      return false;
    }
  }
}
