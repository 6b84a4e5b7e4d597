package io.roadmapcoach.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.DeliveryResult.Who;
import io.roadmapcoach.core.delivery.Messenger;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's nudges, quizzes and channel posts to Slack, and says how it went: DMs through
 * the member's DM conversation (opened with {@code conversations.open} only when the worker has
 * none stored, and handed back to be stored), at most one message a second per channel, HTTP 429
 * reported with its {@code Retry-After}, and recipients that cannot be reached (a deactivated
 * member, an archived channel, a revoked token) reported as such instead of retried forever.
 */
public final class SlackMessenger implements Messenger {
  private static final Logger log = LoggerFactory.getLogger(SlackMessenger.class);
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

  /** The member is gone or cannot be written to. */
  static final Set<String> MEMBER_ERRORS =
      Set.of("user_not_found", "user_disabled", "cannot_dm_bot", "account_inactive");

  /** The channel is gone, archived, or the bot is not in it. */
  static final Set<String> CHANNEL_ERRORS =
      Set.of("channel_not_found", "not_in_channel", "is_archived", "restricted_action");

  /** Our token no longer works in the workspace. */
  static final Set<String> WORKSPACE_ERRORS =
      Set.of(
          "invalid_auth",
          "not_authed",
          "token_revoked",
          "token_expired",
          "team_access_not_granted",
          "team_not_found",
          "app_uninstalled");

  private final SlackClients clients;
  private final ChannelPacer pacer;

  /**
   * @param clients each workspace's client, with its own (fresh) token
   */
  SlackMessenger(SlackClients clients, ChannelPacer pacer) {
    this.clients = clients;
    this.pacer = pacer;
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public DeliveryResult send(Delivery delivery) {
    Optional<MethodsClient> found = clients.forTeam(delivery.workspaceExternalId());
    if (found.isEmpty()) {
      return new DeliveryResult.Unreachable(
          Who.WORKSPACE, "slack: no bot token for workspace " + delivery.workspaceExternalId());
    }
    MethodsClient client = found.get();
    try {
      return switch (delivery.target()) {
        case Delivery.Direct direct -> direct(client, delivery, direct);
        case Delivery.ChannelPost post -> channel(client, delivery, post);
      };
    } catch (IOException e) {
      return new DeliveryResult.Failed(
          "slack: " + e.getClass().getSimpleName() + " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DeliveryResult.Failed("slack: interrupted");
    }
  }

  private DeliveryResult direct(MethodsClient client, Delivery delivery, Delivery.Direct to)
      throws IOException, InterruptedException {
    Optional<String> known = to.knownDmChannel().filter(c -> !c.isBlank());
    String dm;
    if (known.isPresent()) {
      dm = known.get();
    } else {
      Opened opened = open(client, to.memberExternalId());
      if (opened.result() != null) {
        return opened.result();
      }
      dm = opened.channel();
    }
    Posted posted = post(client, dm, delivery, Who.MEMBER);
    if (posted.ok()) {
      return new DeliveryResult.Sent(Optional.of(dm));
    }
    if (known.isPresent() && "channel_not_found".equals(posted.error())) {
      // the stored DM conversation is gone: open a new one, once
      Opened opened = open(client, to.memberExternalId());
      if (opened.result() != null) {
        return opened.result();
      }
      Posted again = post(client, opened.channel(), delivery, Who.MEMBER);
      if (again.ok()) {
        return new DeliveryResult.Sent(Optional.of(opened.channel()));
      }
      posted = again;
    }
    return posted.result() != null ? posted.result() : failure(posted.error(), Who.MEMBER);
  }

  private DeliveryResult channel(MethodsClient client, Delivery delivery, Delivery.ChannelPost to)
      throws IOException, InterruptedException {
    Posted posted = post(client, to.channelExternalId(), delivery, Who.CHANNEL);
    if (posted.ok()) {
      return DeliveryResult.Sent.plain();
    }
    if (posted.result() != null) {
      return posted.result();
    }
    if ("account_inactive".equals(posted.error())) {
      // a channel post has no member to blame: the bot's own account is gone
      return new DeliveryResult.Unreachable(Who.WORKSPACE, "slack: account_inactive");
    }
    return failure(posted.error(), Who.CHANNEL);
  }

  /** The error of a call that reached Slack, as the worker should treat it. */
  static DeliveryResult failure(String error, Who recipient) {
    String reason = "slack: " + error;
    if (WORKSPACE_ERRORS.contains(error)) {
      return new DeliveryResult.Unreachable(Who.WORKSPACE, reason);
    }
    if (MEMBER_ERRORS.contains(error) || CHANNEL_ERRORS.contains(error)) {
      return new DeliveryResult.Unreachable(recipient, reason);
    }
    if ("ratelimited".equals(error)) {
      return new DeliveryResult.RetryLater(DEFAULT_RETRY_AFTER, reason);
    }
    return new DeliveryResult.Failed(reason);
  }

  private record Opened(String channel, DeliveryResult result) {}

  private Opened open(MethodsClient client, String userId) throws IOException {
    try {
      ConversationsOpenResponse response = client.conversationsOpen(r -> r.users(List.of(userId)));
      if (response.isOk() && response.getChannel() != null) {
        return new Opened(response.getChannel().getId(), null);
      }
      return new Opened(null, failure(response.getError(), Who.MEMBER));
    } catch (SlackApiException e) {
      return new Opened(null, httpFailure(e, Who.MEMBER));
    }
  }

  private record Posted(boolean ok, String error, DeliveryResult result) {}

  private Posted post(MethodsClient client, String channel, Delivery delivery, Who recipient)
      throws IOException, InterruptedException {
    long wait = pacer.reserve(channel);
    if (wait < 0) {
      return new Posted(
          false,
          null,
          new DeliveryResult.RetryLater(
              Duration.ofNanos(-wait), "slack: pacing posts to " + channel + " at one a second"));
    }
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait));
    }
    try {
      ChatPostMessageResponse response =
          client.chatPostMessage(
              r ->
                  r.channel(channel)
                      .text(SlackRenderer.fallbackText(delivery.reply()))
                      .blocks(SlackRenderer.message(delivery.reply())));
      if (response.isOk()) {
        return new Posted(true, null, null);
      }
      log.info(
          "chat.postMessage for outbox row {} answered {}",
          delivery.outboxId(),
          response.getError());
      return new Posted(false, response.getError(), null);
    } catch (SlackApiException e) {
      return new Posted(false, null, httpFailure(e, recipient));
    }
  }

  /** Slack answered with an HTTP error: 429 and 5xx are waited out, the rest retried later. */
  private static DeliveryResult httpFailure(SlackApiException e, Who recipient) {
    int code = e.getResponse().code();
    if (code == 429 || code >= 500) {
      Duration after = retryAfter(e.getResponse().header("Retry-After"));
      return new DeliveryResult.RetryLater(after, "slack: HTTP " + code);
    }
    String error = e.getError() != null ? e.getError().getError() : null;
    return error != null
        ? failure(error, recipient)
        : new DeliveryResult.Failed("slack: HTTP " + code);
  }

  static Duration retryAfter(String header) {
    if (header == null) {
      return DEFAULT_RETRY_AFTER;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds < 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(Math.min(seconds, 3600));
    } catch (NumberFormatException e) {
      return DEFAULT_RETRY_AFTER;
    }
  }
}
