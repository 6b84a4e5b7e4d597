package io.roadmapcoach.discord;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.ChannelAccess;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.DeliveryResult.Who;
import io.roadmapcoach.core.delivery.Messenger;
import io.roadmapcoach.core.delivery.Pace;
import io.roadmapcoach.core.delivery.Pacer;
import io.roadmapcoach.core.delivery.SharedBudget;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox on Discord: direct messages (to the DM conversation the worker has stored,
 * else opening it, which Discord hands back when it exists) and posts in a study group's channel.
 *
 * <p>Paced to Discord's global limit: the instances delivering to Discord share {@code
 * DISCORD_DELIVERIES_PER_SECOND} (at most the bot's 50 requests a second) evenly, through the
 * database ({@link SharedBudget}), and a global 429 any of them meets holds back all; JDA keeps
 * each route's bucket from the {@code X-RateLimit-*} headers, and a 429 holds back only the bucket
 * it names (the whole bot only when Discord says it is global). A slow call blocks only its own
 * virtual thread.
 *
 * <p>Never doubled: every message carries a nonce derived from the delivery's key, with {@code
 * enforce_nonce}, so a resend within Discord's nonce window (a few minutes) returns the message
 * already created instead of posting another. A delivery in doubt (its instance died mid-send, or
 * Discord did not answer) is sent again with the same nonce while its first send is less than
 * {@link #NONCE_WINDOW} ago; later it cannot be checked and is not sent again. Leases of 30 s and a
 * retry 15 s after a call without an answer keep resends well inside the window.
 *
 * <p>Closed DMs (50007) and unknown users mark the member, missing access or permissions and
 * unknown channels mark the channel, an unknown guild marks the workspace: none of those is
 * retried.
 */
final class DiscordMessenger implements Messenger {
  private static final Logger log = LoggerFactory.getLogger(DiscordMessenger.class);
  private static final Duration NOT_CONNECTED_WAIT = Duration.ofSeconds(30);
  private static final Duration TRANSIENT_WAIT = Duration.ofMinutes(1);

  /** How soon a send without an answer is tried again: well inside the nonce window. */
  private static final Duration UNANSWERED_WAIT = Duration.ofSeconds(15);

  /**
   * How long after a first send Discord is trusted to drop a repeat with the same nonce. Discord
   * documents "the past few minutes"; two is the margin we take.
   */
  static final Duration NONCE_WINDOW = Duration.ofMinutes(2);

  /** Discord's global limit per bot: 50 requests a second. One instance takes just under it. */
  static final double DEFAULT_REQUESTS_PER_SECOND = 49;

  private static final String GLOBAL = "global";

  /** Discord accepts nonces of up to 25 characters. */
  private static final int NONCE_LENGTH = 24;

  private final Supplier<Optional<DiscordConnection>> connection;
  private final Duration timeout;
  private final Clock clock;
  private final Pacer global;
  private final double requestsPerSecond;
  private final GlobalLimits limits;
  private volatile SharedBudget budget;

  DiscordMessenger(
      Supplier<Optional<DiscordConnection>> connection,
      Duration timeout,
      Clock clock,
      double requestsPerSecond,
      GlobalLimits limits) {
    this.limits = limits;
    this.connection = connection;
    this.timeout = timeout;
    this.clock = clock;
    this.requestsPerSecond = requestsPerSecond;
    // a delivery may wait its turn this long on its own thread; further off, it comes back later
    this.global = Pacer.perSecond(requestsPerSecond, Duration.ofSeconds(10));
  }

  DiscordMessenger(
      Supplier<Optional<DiscordConnection>> connection,
      Duration timeout,
      Clock clock,
      double requestsPerSecond) {
    this(connection, timeout, clock, requestsPerSecond, new GlobalLimits(requestsPerSecond));
  }

  DiscordMessenger(Supplier<Optional<DiscordConnection>> connection, Duration timeout) {
    this(connection, timeout, Clock.systemUTC(), DEFAULT_REQUESTS_PER_SECOND);
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  /**
   * The budget this instance shares with the others delivering to Discord: its share of {@code
   * DISCORD_DELIVERIES_PER_SECOND} is an even one among the live instances, and a global 429 seen
   * by any of them holds back all.
   */
  @Override
  public void shareBudget(Function<String, SharedBudget> budgets) {
    SharedBudget shared = budgets.apply(Platform.DISCORD.key());
    this.budget = shared;
    limits.watch(shared);
  }

  /**
   * A turn under the global limit: two requests for a DM whose conversation must be opened. With
   * {@code n} instances sharing the budget, each request takes {@code n} slots of the cluster's
   * pace, so that together they keep to it.
   */
  @Override
  public Pace pace(Delivery delivery) {
    int requests = delivery.target() instanceof Delivery.Direct dm && knownDm(dm).isEmpty() ? 2 : 1;
    SharedBudget shared = budget;
    int instances = 1;
    if (shared != null) {
      Duration paused = shared.pausedFor();
      if (!paused.isZero()) {
        return new Pace.NotBefore(paused, "discord: the whole bot waits, as Discord asked");
      }
      Duration joining = shared.joiningFor();
      if (!joining.isZero()) {
        // this instance just joined: a short wait, then its share among those it sees
        sleep(joining);
      }
      instances = shared.instances();
    }
    return global.turn(
        GLOBAL,
        requests * instances,
        "discord: pacing deliveries to "
            + requestsPerSecond
            + " requests a second, shared by "
            + instances
            + " instance(s)");
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<String> knownDm(Delivery.Direct dm) {
    return dm.knownDmChannel().filter(c -> !c.isBlank());
  }

  @Override
  public DeliveryResult send(Delivery delivery) {
    return send(delivery, Wire.UNWATCHED);
  }

  /**
   * Opens the DM conversation when it is not known, and only then tells {@code wire} that the
   * message goes out: a crash while opening leaves nothing in doubt.
   */
  @Override
  public DeliveryResult send(Delivery delivery, Wire wire) {
    if (delivery.inDoubt().isPresent()) {
      Instant first = delivery.inDoubt().get().firstSendAt();
      if (Duration.between(first, clock.instant()).compareTo(NONCE_WINDOW) > 0) {
        return new DeliveryResult.Unconfirmed(
            "discord: in doubt since "
                + first
                + ", past the nonce window: a resend could post it twice");
      }
      log.info("Outbox row {} is in doubt: sending it again with its nonce", delivery.outboxId());
    }
    Optional<DiscordConnection> bot = connection.get();
    if (bot.isEmpty()) {
      return new DeliveryResult.RetryLater(NOT_CONNECTED_WAIT, "Discord is not connected yet");
    }
    String nonce = nonce(delivery.idempotencyKey());
    try {
      return switch (delivery.target()) {
        case Delivery.Direct dm -> direct(bot.get(), delivery, dm, nonce, wire);
        case Delivery.ChannelPost post -> post(bot.get(), delivery, post, nonce, wire);
      };
    } catch (PermissionException e) {
      // JDA checks the bot's permissions in a cached channel before sending
      return refusedChannel(bot.get(), delivery, "missing permission: " + e.getMessage());
    } catch (NumberFormatException e) {
      return delivery.target() instanceof Delivery.Direct
          ? new DeliveryResult.Unreachable(Who.MEMBER, "not a Discord user id")
          : new DeliveryResult.Unreachable(Who.CHANNEL, "not a Discord channel id");
    } catch (IllegalArgumentException | IllegalStateException e) {
      return new DeliveryResult.Failed("could not build the message: " + e.getMessage());
    }
  }

  private DeliveryResult direct(
      DiscordConnection bot, Delivery delivery, Delivery.Direct dm, String nonce, Wire wire) {
    MessageCreateData data =
        DiscordRenderer.render(delivery.reply(), DmButtons.forGuild(delivery.workspaceExternalId()))
            .create();
    JDA jda = bot.anyShard();
    Optional<String> known = knownDm(dm);
    if (known.isPresent()) {
      if (!wire.writing()) {
        return DeliveryResult.Withdrawn.INSTANCE;
      }
      // one request instead of two: the conversation the worker stored
      DeliveryResult result =
          await(
              UncachedChannel.send(jda, known.get(), data, nonce).submit(),
              delivery,
              ignored -> new DeliveryResult.Sent(known));
      if (!(result instanceof DeliveryResult.Unreachable gone
          && gone.reason().startsWith("Discord " + ErrorResponse.UNKNOWN_CHANNEL.getCode()))) {
        return result;
      }
      log.info(
          "The stored DM conversation of outbox row {} is gone: opening it", delivery.outboxId());
    }
    CompletableFuture<PrivateChannel> opening =
        jda.openPrivateChannelById(dm.memberExternalId()).submit();
    PrivateChannel channel;
    try {
      channel = opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      opening.cancel(true);
      // nothing is posted by opening a conversation: safe to try again
      return DeliveryResult.RetryLater.thisOnly(
          UNANSWERED_WAIT,
          "no answer from Discord opening a DM within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      opening.cancel(true);
      return DeliveryResult.RetryLater.thisOnly(UNANSWERED_WAIT, "interrupted opening a DM");
    } catch (ExecutionException e) {
      return failure(e.getCause(), delivery);
    }
    if (!wire.writing()) {
      return DeliveryResult.Withdrawn.INSTANCE;
    }
    return await(
        channel.sendMessage(data).setNonce(nonce).submit(),
        delivery,
        message -> new DeliveryResult.Sent(Optional.of(message.getChannelId())));
  }

  private DeliveryResult post(
      DiscordConnection bot,
      Delivery delivery,
      Delivery.ChannelPost post,
      String nonce,
      Wire wire) {
    MessageCreateData data = DiscordRenderer.render(delivery.reply()).create();
    if (!wire.writing()) {
      return DeliveryResult.Withdrawn.INSTANCE;
    }
    Optional<GuildMessageChannel> cached = bot.channel(post.channelExternalId());
    CompletableFuture<?> sent =
        cached.isPresent()
            ? cached.get().sendMessage(data).setNonce(nonce).submit()
            : UncachedChannel.send(bot.anyShard(), post.channelExternalId(), data, nonce).submit();
    DeliveryResult result = await(sent, delivery, ignored -> DeliveryResult.Sent.plain());
    if (result instanceof DeliveryResult.Unreachable gone
        && gone.who() == Who.CHANNEL
        && gone.access()
            .map(a -> a.state() == ChannelAccess.State.MISSING_PERMISSIONS)
            .orElse(false)) {
      // say which: the cached channel knows the bot's roles and the channel's overwrites
      return refusedChannel(bot, delivery, gone.reason());
    }
    return result;
  }

  /** A channel post refused for access, with what the bot lacks there when the cache knows. */
  private static DeliveryResult refusedChannel(
      DiscordConnection bot, Delivery delivery, String reason) {
    if (!(delivery.target() instanceof Delivery.ChannelPost post)) {
      return new DeliveryResult.Unreachable(Who.MEMBER, reason);
    }
    ChannelAccess access =
        bot.channel(post.channelExternalId())
            .map(c -> ChannelPermissions.of(c, delivery.reply().attachment().isPresent()))
            .filter(ChannelAccess::refused)
            .orElseGet(() -> ChannelAccess.missing(List.of("Send Messages", "Embed Links")));
    return DeliveryResult.Unreachable.channel(access, reason);
  }

  /**
   * The bot's permissions in the channel, as the cache has them (its guild is on this instance's
   * shards): View Channel, Send Messages, Embed Links. Empty for a channel this instance does not
   * hold; a refused post then tells.
   */
  @Override
  public Optional<ChannelAccess> access(String workspaceExternalId, String channelExternalId) {
    Optional<DiscordConnection> bot = connection.get();
    if (bot.isEmpty()) {
      return Optional.empty();
    }
    try {
      return bot.get().channel(channelExternalId).map(c -> ChannelPermissions.of(c, false));
    } catch (NumberFormatException e) {
      return Optional.empty(); // not a guild channel: a DM, say
    }
  }

  private <T> DeliveryResult await(
      CompletableFuture<T> sent,
      Delivery delivery,
      java.util.function.Function<T, DeliveryResult> onSent) {
    try {
      return onSent.apply(sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      sent.cancel(true);
      // Discord may have created it: tried again soon, with the same nonce
      return new DeliveryResult.Unknown(
          UNANSWERED_WAIT, "no answer from Discord within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sent.cancel(true);
      return new DeliveryResult.Unknown(UNANSWERED_WAIT, "interrupted while sending");
    } catch (ExecutionException e) {
      return failure(e.getCause(), delivery);
    }
  }

  static DeliveryResult failure(Throwable error, Delivery delivery) {
    boolean direct = delivery.target() instanceof Delivery.Direct;
    if (error instanceof ErrorResponseException e) {
      ErrorResponse response = e.getErrorResponse();
      String reason = "Discord " + e.getErrorCode() + ": " + e.getMeaning();
      switch (response) {
        case CANNOT_SEND_TO_USER, UNKNOWN_USER -> {
          return new DeliveryResult.Unreachable(Who.MEMBER, reason);
        }
        case MISSING_ACCESS -> {
          return direct
              ? new DeliveryResult.Unreachable(Who.MEMBER, reason)
              : DeliveryResult.Unreachable.channel(ChannelAccess.notInvited(), reason);
        }
        case MISSING_PERMISSIONS -> {
          return direct
              ? new DeliveryResult.Unreachable(Who.MEMBER, reason)
              : DeliveryResult.Unreachable.channel(ChannelAccess.missing(List.of()), reason);
        }
        case UNKNOWN_CHANNEL -> {
          return new DeliveryResult.Unreachable(direct ? Who.MEMBER : Who.CHANNEL, reason);
        }
        case UNKNOWN_GUILD -> {
          return new DeliveryResult.Unreachable(Who.WORKSPACE, reason);
        }
        default -> {
          int status = e.getResponse() == null ? 0 : e.getResponse().code;
          if (status == 429) {
            // JDA holds the route's bucket itself; only this delivery waits
            return DeliveryResult.RetryLater.paced(TRANSIENT_WAIT, reason);
          }
          if (e.isServerError() || status >= 500) {
            // Discord may have created it before failing: tried again with the same nonce
            return new DeliveryResult.Unknown(UNANSWERED_WAIT, reason);
          }
          log.warn("Delivery {} refused: {}", delivery.outboxId(), reason);
          return new DeliveryResult.Failed(reason);
        }
      }
    }
    if (error instanceof RateLimitedException e) {
      return DeliveryResult.RetryLater.paced(
          Duration.ofMillis(Math.max(1000, e.getRetryAfter())), "rate limited by Discord");
    }
    if (error instanceof PermissionException e) {
      return direct
          ? new DeliveryResult.Unreachable(Who.MEMBER, "missing permission: " + e.getMessage())
          : DeliveryResult.Unreachable.channel(
              ChannelAccess.missing(List.of()), "missing permission: " + e.getMessage());
    }
    log.warn("Delivery {} failed", delivery.outboxId(), error);
    return new DeliveryResult.Failed(String.valueOf(error));
  }

  /**
   * The message nonce of a delivery: the same for every try of one outbox row, different across
   * rows. A digest of the key, as Discord limits nonces to 25 characters.
   */
  static String nonce(String idempotencyKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, NONCE_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
