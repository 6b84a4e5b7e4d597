package io.roadmapcoach.slack.delivery;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.Message;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.ChannelAccess;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.DeliveryResult.Who;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.delivery.Pace;
import io.roadmapcoach.core.delivery.Pacer;
import io.roadmapcoach.slack.render.SlackRenderer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's nudges, quizzes and channel posts to Slack, and says how it went: DMs through
 * the member's DM conversation (opened with {@code conversations.open} only when the worker has
 * none stored, and handed back to be stored), at most one message a second per channel, recipients
 * that cannot be reached (a deactivated member, an archived channel, a revoked token) reported as
 * such instead of retried forever.
 *
 * <p>A 429 pauses only what it hit: the channel, {@code conversations.open}, or the history check;
 * 429s on several channels at once pause the workspace. Every post carries its delivery key as
 * message metadata. The worker marks a delivery as being sent only when its {@code
 * chat.postMessage} goes out (after the DM conversation is found and a delivery in doubt looked
 * up), and this instance has at most {@link SlackDelivery#postsOnTheWire()} posts of a workspace on
 * the wire at once: a crash leaves no more in doubt than that. A delivery in doubt (an instance
 * died between writing the post and marking it) is looked for in its conversation before it is
 * posted again, when {@link SlackDelivery} says so; those look-ups are paced within Slack's history
 * limits, one per conversation ({@link InDoubtLookUps}).
 */
public final class SlackMessenger implements Messenger {
  private static final Logger log = LoggerFactory.getLogger(SlackMessenger.class);
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
  private static final Duration UNANSWERED_WAIT = Duration.ofSeconds(15);
  private static final Duration TOKEN_RETRY = Duration.ofMinutes(1);

  /** The metadata event type every post carries, with the delivery key in its payload. */
  static final String EVENT_TYPE = "roadmap_coach_delivery";

  static final String KEY_FIELD = "delivery_key";

  private static final String OPEN = "conversations.open";

  /** 429s on this many channels within {@link #SPREAD_WINDOW} are the workspace's limit. */
  private static final int SPREAD = 3;

  private static final Duration SPREAD_WINDOW = Duration.ofSeconds(10);

  /** The member is gone or cannot be written to. */
  static final Set<String> MEMBER_ERRORS =
      Set.of("user_not_found", "user_disabled", "cannot_dm_bot", "account_inactive");

  /** The channel is gone, archived, or the bot is not in it. */
  static final Set<String> CHANNEL_ERRORS =
      Set.of("channel_not_found", "not_in_channel", "is_archived", "restricted_action");

  /**
   * The bot is not in the channel: {@code not_in_channel} for a public one, {@code
   * channel_not_found} for a private one it cannot see (no {@code chat:write.public}, on purpose).
   */
  static final Set<String> NOT_INVITED = Set.of("not_in_channel", "channel_not_found");

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
  private final Pacer posts;
  private final Pacer methods;
  private final InDoubtLookUps lookUps;
  private final SlackDelivery delivery;
  private final Deque<Hit> recent429s = new ArrayDeque<>();

  private record Hit(String workspace, String channel, long at) {}

  /**
   * @param clients each workspace's client, with its own (fresh) token, and the scopes it was
   *     granted, which turn the history check on ({@link SlackDelivery})
   * @param posts paces {@code chat.postMessage} per channel (one a second)
   * @param clock what the history look-ups are paced by, as Slack counts its minutes
   */
  public SlackMessenger(SlackClients clients, Pacer posts, SlackDelivery delivery, Clock clock) {
    this.clients = clients;
    this.posts = posts;
    this.methods = new Pacer(Duration.ZERO, Duration.ofSeconds(3));
    this.lookUps = new InDoubtLookUps(delivery, clock);
    this.delivery = delivery;
  }

  public SlackMessenger(SlackClients clients, Pacer posts, SlackDelivery delivery) {
    this(clients, posts, delivery, Clock.systemUTC());
  }

  /** One message a second per channel, waiting at most three seconds for a slot. */
  public static Pacer channelPacer() {
    return new Pacer(Duration.ofSeconds(1), Duration.ofSeconds(3));
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  /**
   * Whether deliveries in doubt to the workspace are looked up before they are posted again: its
   * channel posts, or its direct messages.
   */
  boolean checks(boolean channelPost, String teamId) {
    return delivery.checks(channelPost, clients.scopes(teamId));
  }

  @Override
  public Pace pace(Delivery d) {
    Duration workspace = posts.heldFor(workspaceKey(d.workspaceExternalId()));
    if (!workspace.isZero()) {
      return new Pace.NotBefore(workspace, "slack: the workspace asked to slow down");
    }
    if (needsOpening(d)) {
      Duration opening = methods.heldFor(OPEN);
      if (!opening.isZero()) {
        return new Pace.NotBefore(opening, "slack: conversations.open asked to wait");
      }
    }
    Pace post =
        posts.turn(postKey(d), 1, "slack: pacing posts to " + postKey(d) + " at one a second");
    if (!(post instanceof Pace.Go go) || d.inDoubt().isEmpty() || !checks(d)) {
      return post;
    }
    Pace look = lookUps.turn(d, conversation(d));
    return look instanceof Pace.Go lookGo
        ? new Pace.Go(lookGo.after().compareTo(go.after()) > 0 ? lookGo.after() : go.after())
        : look;
  }

  /** The delivery's conversation, when it is known before anything is called. */
  private static String conversation(Delivery d) {
    return switch (d.target()) {
      case Delivery.Direct direct -> direct.knownDmChannel().filter(c -> !c.isBlank()).orElse(null);
      case Delivery.ChannelPost post -> post.channelExternalId();
    };
  }

  /**
   * A crash leaves at most this many of a workspace's posts in doubt: few enough that the look-ups
   * Slack allows find them all within minutes.
   */
  @Override
  public int onTheWirePerWorkspace() {
    return delivery.postsOnTheWire();
  }

  private boolean checks(Delivery d) {
    return checks(d.target() instanceof Delivery.ChannelPost, d.workspaceExternalId());
  }

  /** What pauses a whole workspace: each has its own limits. */
  private static String workspaceKey(String teamId) {
    return "workspace:" + teamId;
  }

  private static boolean needsOpening(Delivery d) {
    return d.target() instanceof Delivery.Direct direct
        && direct.knownDmChannel().filter(c -> !c.isBlank()).isEmpty();
  }

  /** What a post is paced by: its channel, or the member while their DM is not known yet. */
  private static String postKey(Delivery d) {
    return switch (d.target()) {
      case Delivery.Direct direct ->
          direct
              .knownDmChannel()
              .filter(c -> !c.isBlank())
              .orElse("user:" + direct.memberExternalId());
      case Delivery.ChannelPost post -> post.channelExternalId();
    };
  }

  @Override
  public DeliveryResult send(Delivery delivery) {
    return send(delivery, Wire.UNWATCHED);
  }

  /**
   * Finds the workspace's client and the DM conversation, looks a delivery in doubt up, and only
   * then tells {@code wire} that the post goes out.
   */
  @Override
  public DeliveryResult send(Delivery delivery, Wire wire) {
    Optional<MethodsClient> found;
    try {
      found = clients.forTeam(delivery.workspaceExternalId());
    } catch (RuntimeException e) {
      // an expired token whose refresh failed, or the database out of reach: nothing was posted
      return DeliveryResult.RetryLater.thisOnly(
          TOKEN_RETRY,
          "slack: no working token for workspace "
              + delivery.workspaceExternalId()
              + ": "
              + e.getMessage());
    }
    if (found.isEmpty()) {
      return new DeliveryResult.Unreachable(
          Who.WORKSPACE, "slack: no bot token for workspace " + delivery.workspaceExternalId());
    }
    MethodsClient client = found.get();
    return switch (delivery.target()) {
      case Delivery.Direct direct -> direct(client, delivery, direct, wire);
      case Delivery.ChannelPost post -> channel(client, delivery, post, wire);
    };
  }

  private DeliveryResult direct(
      MethodsClient client, Delivery delivery, Delivery.Direct to, Wire wire) {
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
    Optional<DeliveryResult> checked = checkFirst(client, delivery, dm);
    if (checked.isPresent()) {
      return checked.get() instanceof DeliveryResult.Sent
          ? new DeliveryResult.Sent(Optional.of(dm), true)
          : checked.get();
    }
    if (!wire.writing()) {
      return DeliveryResult.Withdrawn.INSTANCE;
    }
    Posted posted = post(client, dm, delivery, Who.MEMBER);
    if (posted.ok()) {
      attach(client, dm, delivery);
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
        attach(client, opened.channel(), delivery);
        return new DeliveryResult.Sent(Optional.of(opened.channel()));
      }
      posted = again;
    }
    return posted.result() != null ? posted.result() : failure(posted.error(), Who.MEMBER);
  }

  /**
   * A delivery's file (a lead digest's 12-week chart) follows its message into the same direct
   * message, as on Discord. The message is sent already: a refused upload is logged, not retried,
   * so that the message is never posted twice for it.
   */
  private static void attach(MethodsClient client, String dm, Delivery delivery) {
    delivery
        .reply()
        .attachment()
        .ifPresent(
            file -> {
              if (!SlackOut.upload(client, dm, file)) {
                log.warn(
                    "Outbox row {}: its file {} was not uploaded",
                    delivery.outboxId(),
                    file.fileName());
              }
            });
  }

  private DeliveryResult channel(
      MethodsClient client, Delivery delivery, Delivery.ChannelPost to, Wire wire) {
    Optional<DeliveryResult> checked = checkFirst(client, delivery, to.channelExternalId());
    if (checked.isPresent()) {
      return checked.get();
    }
    if (!wire.writing()) {
      return DeliveryResult.Withdrawn.INSTANCE;
    }
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

  /**
   * For a delivery in doubt with the check on: the answer without posting (already there, cannot
   * tell, look later), or empty to post it. With the check off it is posted again: at most the
   * sends that were in flight when the instance died can be repeated.
   */
  private Optional<DeliveryResult> checkFirst(
      MethodsClient client, Delivery delivery, String channel) {
    if (delivery.inDoubt().isEmpty()) {
      return Optional.empty();
    }
    if (!checks(delivery)) {
      log.info(
          "Outbox row {} is in doubt and the history check is off: posting it again",
          delivery.outboxId());
      return Optional.empty();
    }
    return switch (lookUps.lookFor(client, delivery, channel)) {
      case InDoubtLookUps.Found found ->
          Optional.of(new DeliveryResult.Sent(Optional.empty(), true));
      case InDoubtLookUps.NotFound notFound -> Optional.empty();
      case InDoubtLookUps.CannotTell cannot ->
          Optional.of(new DeliveryResult.Unconfirmed(cannot.reason()));
      case InDoubtLookUps.LookLater later -> Optional.of(later.result());
      case InDoubtLookUps.NoCheck none -> {
        log.warn(
            "Could not look for outbox row {} in {} ({}); posting it again",
            delivery.outboxId(),
            channel,
            none.error());
        yield Optional.empty();
      }
    };
  }

  /**
   * Whether the bot is a member of the channel ({@code conversations.info}'s {@code is_member}):
   * asked before a lead turns on something that posts there. An install granted before the app
   * asked for {@code channels:read}/{@code groups:read} gets {@code missing_scope}: unchecked, and
   * a refused post will tell instead. A direct message needs no invitation.
   */
  @Override
  public Optional<ChannelAccess> access(String workspaceExternalId, String channelExternalId) {
    if (channelExternalId == null || channelExternalId.startsWith("D")) {
      return Optional.of(ChannelAccess.canPost());
    }
    Optional<MethodsClient> client = clients.forTeam(workspaceExternalId);
    if (client.isEmpty()) {
      return Optional.empty();
    }
    try {
      ConversationsInfoResponse info =
          client.get().conversationsInfo(r -> r.channel(channelExternalId));
      if (info.isOk()) {
        return Optional.of(
            info.getChannel() != null && info.getChannel().isMember()
                ? ChannelAccess.canPost()
                : ChannelAccess.notInvited());
      }
      return switch (String.valueOf(info.getError())) {
        case "missing_scope" -> Optional.of(ChannelAccess.unchecked());
        case "channel_not_found" -> Optional.of(ChannelAccess.notInvited());
        default -> {
          log.info("conversations.info on {}: {}", channelExternalId, info.getError());
          yield Optional.empty();
        }
      };
    } catch (IOException | SlackApiException e) {
      log.info("conversations.info on {} failed: {}", channelExternalId, e.toString());
      return Optional.empty();
    }
  }

  /** The error of a call that reached Slack, as the worker should treat it. */
  static DeliveryResult failure(String error, Who recipient) {
    String reason = "slack: " + error;
    if (WORKSPACE_ERRORS.contains(error)) {
      return new DeliveryResult.Unreachable(Who.WORKSPACE, reason);
    }
    if (recipient == Who.CHANNEL && NOT_INVITED.contains(error)) {
      // the bot was never invited (or was removed): its leads are told to invite it
      return DeliveryResult.Unreachable.channel(ChannelAccess.notInvited(), reason);
    }
    if (MEMBER_ERRORS.contains(error) || CHANNEL_ERRORS.contains(error)) {
      return new DeliveryResult.Unreachable(recipient, reason);
    }
    if ("ratelimited".equals(error)) {
      return DeliveryResult.RetryLater.paced(DEFAULT_RETRY_AFTER, reason);
    }
    return new DeliveryResult.Failed(reason);
  }

  private record Opened(String channel, DeliveryResult result) {}

  private Opened open(MethodsClient client, String userId) {
    try {
      ConversationsOpenResponse response = client.conversationsOpen(r -> r.users(List.of(userId)));
      if (response.isOk() && response.getChannel() != null) {
        return new Opened(response.getChannel().getId(), null);
      }
      return new Opened(null, failure(response.getError(), Who.MEMBER));
    } catch (SlackApiException e) {
      if (e.getResponse().code() == 429) {
        Duration after = retryAfter(e.getResponse().header("Retry-After"));
        methods.pause(OPEN, after);
        return new Opened(
            null, DeliveryResult.RetryLater.paced(after, "slack: conversations.open HTTP 429"));
      }
      return new Opened(null, httpFailure(e, Who.MEMBER));
    } catch (IOException e) {
      // nothing is posted by opening a conversation: safe to try again later
      return new Opened(
          null,
          DeliveryResult.RetryLater.thisOnly(
              UNANSWERED_WAIT, "slack: conversations.open " + e.getClass().getSimpleName()));
    }
  }

  private record Posted(boolean ok, String error, DeliveryResult result) {}

  private Posted post(MethodsClient client, String channel, Delivery delivery, Who recipient) {
    try {
      ChatPostMessageResponse response =
          client.chatPostMessage(
              r ->
                  r.channel(channel)
                      .text(SlackRenderer.fallbackText(delivery.reply()))
                      .blocks(SlackRenderer.message(delivery.reply()))
                      .metadata(
                          new Message.Metadata(
                              EVENT_TYPE, Map.of(KEY_FIELD, delivery.idempotencyKey()))));
      if (response.isOk()) {
        return new Posted(true, null, null);
      }
      log.info(
          "chat.postMessage for outbox row {} answered {}",
          delivery.outboxId(),
          response.getError());
      if ("ratelimited".equals(response.getError())) {
        return new Posted(
            false, null, rateLimited(delivery.workspaceExternalId(), channel, DEFAULT_RETRY_AFTER));
      }
      return new Posted(false, response.getError(), null);
    } catch (SlackApiException e) {
      int code = e.getResponse().code();
      if (code == 429) {
        Duration after = retryAfter(e.getResponse().header("Retry-After"));
        return new Posted(false, null, rateLimited(delivery.workspaceExternalId(), channel, after));
      }
      if (code >= 500) {
        // Slack may have posted it before failing: in doubt, checked before it goes again
        return new Posted(
            false,
            null,
            new DeliveryResult.Unknown(
                retryAfter(e.getResponse().header("Retry-After")), "slack: HTTP " + code));
      }
      return new Posted(false, null, httpFailure(e, recipient));
    } catch (IOException e) {
      // the request may have reached Slack before the connection broke or timed out
      return new Posted(
          false,
          null,
          new DeliveryResult.Unknown(
              UNANSWERED_WAIT,
              "slack: chat.postMessage " + e.getClass().getSimpleName() + " " + e.getMessage()));
    }
  }

  /**
   * A 429 pauses the channel it hit for its {@code Retry-After}; 429s on several channels within
   * seconds are the workspace's limit, and pause the workspace.
   */
  private DeliveryResult rateLimited(String teamId, String channel, Duration after) {
    posts.pause(channel, after);
    long now = System.nanoTime();
    boolean workspaceWide;
    synchronized (recent429s) {
      recent429s.addLast(new Hit(teamId, channel, now));
      while (!recent429s.isEmpty() && now - recent429s.peekFirst().at() > SPREAD_WINDOW.toNanos()) {
        recent429s.removeFirst();
      }
      workspaceWide =
          recent429s.stream()
                  .filter(hit -> hit.workspace().equals(teamId))
                  .map(Hit::channel)
                  .distinct()
                  .count()
              >= SPREAD;
    }
    if (workspaceWide) {
      posts.pause(workspaceKey(teamId), after);
      log.info("Slack asked to slow down on {} channels at once: pausing the workspace", SPREAD);
    }
    return DeliveryResult.RetryLater.paced(after, "slack: HTTP 429 for " + channel);
  }

  /** Slack answered with an HTTP error other than 429 and 5xx: retried later. */
  private static DeliveryResult httpFailure(SlackApiException e, Who recipient) {
    int code = e.getResponse().code();
    if (code >= 500) {
      return DeliveryResult.RetryLater.thisOnly(
          retryAfter(e.getResponse().header("Retry-After")), "slack: HTTP " + code);
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
