package io.roadmapcoach.slack.delivery;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import io.roadmapcoach.core.delivery.Delivery;
import io.roadmapcoach.core.delivery.DeliveryResult;
import io.roadmapcoach.core.delivery.Pace;
import io.roadmapcoach.core.delivery.Pacer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for deliveries in doubt in their conversations ({@code conversations.history} with the
 * messages' metadata), within Slack's history limits: each workspace's look-ups are paced (one a
 * minute outside the Marketplace, on the injected clock), and one look-up answers for every
 * delivery in doubt in its conversation whose last attempt was over before it ran, so a
 * conversation costs one call however many of its deliveries are in doubt.
 */
final class InDoubtLookUps {
  private static final Logger log = LoggerFactory.getLogger(InDoubtLookUps.class);
  private static final Duration UNANSWERED_WAIT = Duration.ofSeconds(15);
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

  /**
   * The look-up window's margin on each side: clocks of Slack and of the instances may differ, and
   * deliveries in doubt together (one crash) began within seconds of each other, so one window
   * holds them all.
   */
  private static final Duration MARGIN = Duration.ofSeconds(60);

  /** How long a look-up's answer serves other deliveries in doubt in its conversation. */
  private static final Duration KEPT = Duration.ofMinutes(10);

  private static final int KEEP_AT_MOST = 10_000;

  /**
   * What a look-up's spacing allows for on top of Slack's: its turn and its call are not the same
   * instant, and the network takes longer one time than another.
   */
  private static final Duration CALL_MARGIN = Duration.ofMillis(500);

  private final SlackDelivery settings;
  private final Clock clock;
  private final Duration spacing;
  private final Pacer pacer;
  private final Map<String, Instant> lastCall = new ConcurrentHashMap<>();
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  InDoubtLookUps(SlackDelivery settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.spacing = Duration.ofMinutes(1).dividedBy(settings.historyCallsPerMinute());
    // turns on the injected clock, as Slack counts its minutes, a little wider than the calls'
    this.pacer =
        new Pacer(
            spacing.plus(CALL_MARGIN.multipliedBy(2)),
            Duration.ofSeconds(3),
            () -> nanos(clock.instant()));
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }

  /** What looking for a delivery key in a conversation found. */
  sealed interface Look {}

  record Found() implements Look {}

  record NotFound() implements Look {}

  /** More messages in the window than one look-up returns: it may be among the rest. */
  record CannotTell(String reason) implements Look {}

  record LookLater(DeliveryResult result) implements Look {}

  /** The look-up is not possible here (a missing scope): treated as if the check were off. */
  record NoCheck(String error) implements Look {}

  /**
   * A conversation's messages as one look-up saw them: the delivery keys among them, the window it
   * covered, when it ran, and whether it saw every message of the window.
   */
  private record Seen(
      Instant oldest, Instant latest, Instant at, Set<String> keys, boolean complete) {

    /** It answers for a delivery in doubt in its window whose last attempt was over by then. */
    boolean answers(Delivery.InDoubt doubt, Instant now) {
      return complete
          && now.isBefore(at.plus(KEPT))
          && !from(doubt).isBefore(oldest)
          && !to(doubt).isAfter(latest)
          && !at.isBefore(doubt.lastLeaseEnd());
    }
  }

  /**
   * The delivery's turn to be looked up: at once when a look-up of its conversation answers for it
   * already, else the workspace's next look-up slot.
   */
  Pace turn(Delivery d, String conversation) {
    Seen known = conversation == null ? null : seen.get(conversation);
    if (known != null && known.answers(d.inDoubt().orElseThrow(), clock.instant())) {
      return Pace.NOW;
    }
    return pacer.turn(
        key(d.workspaceExternalId()),
        1,
        "slack: in doubt, waiting for its turn to look in the conversation ("
            + settings.historyCallsPerMinute()
            + " look-ups a minute)");
  }

  private static String key(String teamId) {
    return "history:" + teamId;
  }

  /**
   * Looks for the delivery's key in the conversation's messages from shortly before its first send
   * to shortly after its last attempt's lease ran out: the window in which the post can have
   * landed. A look-up of the same conversation that answers for it is used instead of another call.
   */
  Look lookFor(MethodsClient client, Delivery d, String channel) {
    Delivery.InDoubt doubt = d.inDoubt().orElseThrow();
    Seen known = seen.get(channel);
    if (known != null && known.answers(doubt, clock.instant())) {
      return found(
          d, channel, known.keys().contains(d.idempotencyKey()), "its conversation's look-up");
    }
    Duration early = calling(d.workspaceExternalId());
    if (!early.isZero()) {
      return new LookLater(
          DeliveryResult.RetryLater.paced(early, "slack: the last look-up was under a minute ago"));
    }
    Instant from = from(doubt);
    Instant to = to(doubt);
    ConversationsHistoryResponse response;
    try {
      response =
          client.conversationsHistory(
              r ->
                  r.channel(channel)
                      .oldest(slackTs(from))
                      .latest(slackTs(to))
                      .inclusive(true)
                      .limit(settings.historyLimit())
                      .includeAllMetadata(true));
    } catch (SlackApiException e) {
      int code = e.getResponse().code();
      if (code == 429) {
        Duration after = SlackMessenger.retryAfter(e.getResponse().header("Retry-After"));
        pacer.pause(key(d.workspaceExternalId()), after);
        return new LookLater(
            DeliveryResult.RetryLater.paced(after, "slack: conversations.history asked to wait"));
      }
      String error = e.getError() != null ? e.getError().getError() : "HTTP " + code;
      return new LookLater(
          DeliveryResult.RetryLater.thisOnly(UNANSWERED_WAIT, "slack: look-up: " + error));
    } catch (IOException e) {
      return new LookLater(
          DeliveryResult.RetryLater.thisOnly(
              UNANSWERED_WAIT, "slack: look-up: " + e.getClass().getSimpleName()));
    }
    Instant at = clock.instant();
    if (!response.isOk()) {
      String error = response.getError();
      if ("ratelimited".equals(error)) {
        pacer.pause(key(d.workspaceExternalId()), DEFAULT_RETRY_AFTER);
        return new LookLater(
            DeliveryResult.RetryLater.paced(DEFAULT_RETRY_AFTER, "slack: look-up ratelimited"));
      }
      return new NoCheck(error);
    }
    List<Message> messages = response.getMessages() == null ? List.of() : response.getMessages();
    Set<String> keys = new HashSet<>();
    for (Message message : messages) {
      keyOf(message).ifPresent(keys::add);
    }
    keep(channel, new Seen(from, to, at, Set.copyOf(keys), !response.isHasMore()));
    if (keys.contains(d.idempotencyKey()) || !response.isHasMore()) {
      return found(d, channel, keys.contains(d.idempotencyKey()), "a look-up");
    }
    return new CannotTell(
        "slack: more than "
            + settings.historyLimit()
            + " messages in "
            + channel
            + " around the first send; not posted again");
  }

  /**
   * Takes the workspace's look-up now (zero), unless the last one was too recent: then how long to
   * wait. The turns given by {@link #turn} keep to this; a call late for its turn can come too soon
   * after the next, and waits.
   */
  private Duration calling(String teamId) {
    Instant now = clock.instant();
    Duration[] wait = {Duration.ZERO};
    lastCall.compute(
        key(teamId),
        (k, last) -> {
          Instant allowed = last == null ? now : last.plus(spacing).plus(CALL_MARGIN);
          if (allowed.isAfter(now)) {
            wait[0] = Duration.between(now, allowed);
            return last;
          }
          return now;
        });
    return wait[0];
  }

  private static Look found(Delivery d, String channel, boolean found, String how) {
    if (found) {
      log.info(
          "Outbox row {} was in doubt and {} found it in {}: not posted again",
          d.outboxId(),
          how,
          channel);
      return new Found();
    }
    return new NotFound();
  }

  private void keep(String channel, Seen look) {
    if (seen.size() > KEEP_AT_MOST) {
      Instant now = clock.instant();
      seen.values().removeIf(s -> !now.isBefore(s.at().plus(KEPT)));
    }
    seen.put(channel, look);
  }

  private static Instant from(Delivery.InDoubt doubt) {
    return doubt.firstSendAt().minus(MARGIN);
  }

  private static Instant to(Delivery.InDoubt doubt) {
    Instant last =
        doubt.lastLeaseEnd().isAfter(doubt.firstSendAt())
            ? doubt.lastLeaseEnd()
            : doubt.firstSendAt();
    return last.plus(MARGIN);
  }

  private static java.util.Optional<String> keyOf(Message message) {
    Message.Metadata metadata = message.getMetadata();
    if (metadata == null
        || !SlackMessenger.EVENT_TYPE.equals(metadata.getEventType())
        || metadata.getEventPayload() == null) {
      return java.util.Optional.empty();
    }
    Object key = metadata.getEventPayload().get(SlackMessenger.KEY_FIELD);
    return key == null ? java.util.Optional.empty() : java.util.Optional.of(String.valueOf(key));
  }

  /** An instant as Slack's message timestamps: seconds with six decimals. */
  static String slackTs(Instant at) {
    return String.format(Locale.ROOT, "%d.%06d", at.getEpochSecond(), at.getNano() / 1000);
  }
}
