package io.roadmapcoach.discord;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.DeliveryResult.Who;
import io.roadmapcoach.core.delivery.Messenger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox on Discord: direct messages (opening the DM conversation, which Discord hands
 * back when it exists) and posts in a study group's channel. Every message carries a nonce derived
 * from the delivery's idempotency key with {@code enforce_nonce}, so when a send is repeated after
 * an instance died between Discord's "ok" and the row being marked, Discord drops the copy.
 *
 * <p>JDA waits out 429s itself; this call blocks the delivery worker's thread up to a timeout and
 * then reports {@link DeliveryResult.RetryLater}. Closed DMs (50007) and unknown users mark the
 * member, missing access or permissions and unknown channels mark the channel, an unknown guild
 * marks the workspace: none of those is retried.
 */
final class DiscordMessenger implements Messenger {
  private static final Logger log = LoggerFactory.getLogger(DiscordMessenger.class);
  private static final Duration NOT_CONNECTED_WAIT = Duration.ofSeconds(30);
  private static final Duration TRANSIENT_WAIT = Duration.ofMinutes(1);

  /** Discord accepts nonces of up to 25 characters. */
  private static final int NONCE_LENGTH = 24;

  private final Supplier<Optional<DiscordConnection>> connection;
  private final Duration timeout;

  DiscordMessenger(Supplier<Optional<DiscordConnection>> connection, Duration timeout) {
    this.connection = connection;
    this.timeout = timeout;
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public DeliveryResult send(Delivery delivery) {
    Optional<DiscordConnection> bot = connection.get();
    if (bot.isEmpty()) {
      return new DeliveryResult.RetryLater(NOT_CONNECTED_WAIT, "Discord is not connected yet");
    }
    String nonce = nonce(delivery.idempotencyKey());
    try {
      return switch (delivery.target()) {
        case Delivery.Direct dm -> direct(bot.get(), delivery, dm, nonce);
        case Delivery.ChannelPost post -> post(bot.get(), delivery, post, nonce);
      };
    } catch (PermissionException e) {
      // JDA checks the bot's permissions in a cached channel before sending
      return new DeliveryResult.Unreachable(Who.CHANNEL, "missing permission: " + e.getMessage());
    } catch (NumberFormatException e) {
      return delivery.target() instanceof Delivery.Direct
          ? new DeliveryResult.Unreachable(Who.MEMBER, "not a Discord user id")
          : new DeliveryResult.Unreachable(Who.CHANNEL, "not a Discord channel id");
    } catch (IllegalArgumentException | IllegalStateException e) {
      return new DeliveryResult.Failed("could not build the message: " + e.getMessage());
    }
  }

  private DeliveryResult direct(
      DiscordConnection bot, Delivery delivery, Delivery.Direct dm, String nonce) {
    MessageCreateData data =
        DiscordRenderer.render(delivery.reply(), DmButtons.forGuild(delivery.workspaceExternalId()))
            .create();
    JDA jda = bot.anyShard();
    CompletableFuture<Message> sent =
        jda.openPrivateChannelById(dm.memberExternalId())
            .flatMap(channel -> channel.sendMessage(data).setNonce(nonce))
            .submit();
    return await(
        sent, delivery, message -> new DeliveryResult.Sent(Optional.of(message.getChannelId())));
  }

  private DeliveryResult post(
      DiscordConnection bot, Delivery delivery, Delivery.ChannelPost post, String nonce) {
    MessageCreateData data = DiscordRenderer.render(delivery.reply()).create();
    Optional<GuildMessageChannel> cached = bot.channel(post.channelExternalId());
    CompletableFuture<?> sent =
        cached.isPresent()
            ? cached.get().sendMessage(data).setNonce(nonce).submit()
            : UncachedChannel.send(bot.anyShard(), post.channelExternalId(), data, nonce).submit();
    return await(sent, delivery, ignored -> DeliveryResult.Sent.plain());
  }

  private <T> DeliveryResult await(
      CompletableFuture<T> sent,
      Delivery delivery,
      java.util.function.Function<T, DeliveryResult> onSent) {
    try {
      return onSent.apply(sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      sent.cancel(true);
      return DeliveryResult.RetryLater.thisOnly(
          TRANSIENT_WAIT, "no answer from Discord within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sent.cancel(true);
      return DeliveryResult.RetryLater.thisOnly(TRANSIENT_WAIT, "interrupted while sending");
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
        case UNKNOWN_CHANNEL, MISSING_ACCESS, MISSING_PERMISSIONS -> {
          return new DeliveryResult.Unreachable(direct ? Who.MEMBER : Who.CHANNEL, reason);
        }
        case UNKNOWN_GUILD -> {
          return new DeliveryResult.Unreachable(Who.WORKSPACE, reason);
        }
        default -> {
          int status = e.getResponse() == null ? 0 : e.getResponse().code;
          if (status == 429) {
            return new DeliveryResult.RetryLater(TRANSIENT_WAIT, reason);
          }
          if (e.isServerError() || status >= 500) {
            return DeliveryResult.RetryLater.thisOnly(TRANSIENT_WAIT, reason);
          }
          log.warn("Delivery {} refused: {}", delivery.outboxId(), reason);
          return new DeliveryResult.Failed(reason);
        }
      }
    }
    if (error instanceof RateLimitedException e) {
      return new DeliveryResult.RetryLater(
          Duration.ofMillis(Math.max(1000, e.getRetryAfter())), "rate limited by Discord");
    }
    if (error instanceof PermissionException e) {
      return new DeliveryResult.Unreachable(
          direct ? Who.MEMBER : Who.CHANNEL, "missing permission: " + e.getMessage());
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
