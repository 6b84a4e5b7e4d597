package io.roadmapcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.DeliveryResult.Who;
import io.roadmapcoach.core.delivery.Pace;
import io.roadmapcoach.core.reply.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;
import org.junit.jupiter.api.Test;

/** How Discord's refusals map onto what the outbox worker does next. */
class DiscordMessengerTest {
  private static final Delivery DM =
      new Delivery(
          1,
          "nudge:1:2026-03-02",
          "G1",
          new Delivery.Direct("1", "Ana", Optional.empty()),
          Reply.text("hi"));
  private static final Delivery POST =
      new Delivery(
          2,
          "channel_digest:2:2026-03-02",
          "G1",
          new Delivery.ChannelPost("2", "study"),
          Reply.text("hi"));

  @Test
  void closedDmsAndUnknownUsersMarkTheMember() {
    assertThat(DiscordMessenger.failure(error(ErrorResponse.CANNOT_SEND_TO_USER), DM))
        .isInstanceOfSatisfying(
            DeliveryResult.Unreachable.class,
            u -> {
              assertThat(u.who()).isEqualTo(Who.MEMBER);
              assertThat(u.reason()).startsWith("Discord 50007");
            });
    assertThat(who(error(ErrorResponse.UNKNOWN_USER), DM)).isEqualTo(Who.MEMBER);
  }

  @Test
  void missingAccessAndUnknownChannelsMarkTheChannel() {
    assertThat(who(error(ErrorResponse.MISSING_ACCESS), POST)).isEqualTo(Who.CHANNEL);
    assertThat(who(error(ErrorResponse.UNKNOWN_CHANNEL), POST)).isEqualTo(Who.CHANNEL);
    assertThat(who(error(ErrorResponse.MISSING_PERMISSIONS), POST)).isEqualTo(Who.CHANNEL);
  }

  @Test
  void anUnknownGuildMarksTheWorkspace() {
    assertThat(who(error(ErrorResponse.UNKNOWN_GUILD), POST)).isEqualTo(Who.WORKSPACE);
  }

  @Test
  void otherRefusalsAreRetriedWithBackOff() {
    assertThat(DiscordMessenger.failure(error(ErrorResponse.INVALID_FORM_BODY), POST))
        .isInstanceOf(DeliveryResult.Failed.class);
    assertThat(DiscordMessenger.failure(new IllegalStateException("boom"), POST))
        .isInstanceOf(DeliveryResult.Failed.class);
  }

  @Test
  void beforeDiscordIsConnectedTheWorkerWaits() {
    DiscordMessenger messenger = new DiscordMessenger(Optional::empty, Duration.ofSeconds(1));
    assertThat(messenger.send(DM)).isInstanceOf(DeliveryResult.RetryLater.class);
  }

  @Test
  void aDeliveryInDoubtPastTheNonceWindowIsNotSentAgain() {
    Instant now = Instant.parse("2026-03-03T09:10:00Z");
    DiscordMessenger messenger =
        new DiscordMessenger(
            Optional::empty, Duration.ofSeconds(1), Clock.fixed(now, ZoneOffset.UTC), 49);
    Instant firstSend = now.minus(DiscordMessenger.NONCE_WINDOW).minusSeconds(1);

    DeliveryResult result =
        messenger.send(
            DM.withInDoubt(
                Optional.of(new Delivery.InDoubt(firstSend, firstSend.plusSeconds(30)))));

    assertThat(result).isInstanceOf(DeliveryResult.Unconfirmed.class);
  }

  @Test
  void deliveriesArePacedUnderTheGlobalLimitCountingTheRequestToOpenADm() {
    DiscordMessenger messenger =
        new DiscordMessenger(Optional::empty, Duration.ofSeconds(1), Clock.systemUTC(), 50);
    Delivery knownDm =
        new Delivery(
            3,
            "outbox-3",
            "G1",
            new Delivery.Direct("1", "Ana", Optional.of("51")),
            Reply.text("hi"));

    assertThat(messenger.pace(DM)).isEqualTo(Pace.NOW);
    // the unopened DM took two requests: the next turn is up to two fiftieths of a second away
    assertThat(messenger.pace(knownDm))
        .isInstanceOfSatisfying(
            Pace.Go.class,
            go -> assertThat(go.after()).isBetween(Duration.ofMillis(1), Duration.ofMillis(40)));
  }

  @Test
  void theNonceIsStablePerOutboxKeyAndFitsDiscord() {
    String nonce = DiscordMessenger.nonce("nudge:1:2026-03-02");
    assertThat(nonce).hasSizeLessThanOrEqualTo(25).matches("[0-9a-f]+");
    assertThat(DiscordMessenger.nonce("nudge:1:2026-03-02")).isEqualTo(nonce);
    assertThat(DiscordMessenger.nonce("nudge:1:2026-03-03")).isNotEqualTo(nonce);
  }

  private static Who who(Throwable error, Delivery delivery) {
    return ((DeliveryResult.Unreachable) DiscordMessenger.failure(error, delivery)).who();
  }

  /** The exception JDA raises for Discord's JSON error body with {@code response}'s code. */
  private static ErrorResponseException error(ErrorResponse response) {
    String json =
        "{\"code\":" + response.getCode() + ",\"message\":\"" + response.getMeaning() + "\"}";
    okhttp3.Response http =
        new okhttp3.Response.Builder()
            .request(
                new okhttp3.Request.Builder()
                    .url("http://127.0.0.1/api/v10/channels/1/messages")
                    .build())
            .protocol(okhttp3.Protocol.HTTP_1_1)
            .code(403)
            .message("Forbidden")
            .body(okhttp3.ResponseBody.create(json, okhttp3.MediaType.get("application/json")))
            .build();
    return ErrorResponseException.create(
        response, new Response(http, 403, "Forbidden", -1, Set.of()));
  }
}
