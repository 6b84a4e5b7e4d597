package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.caller.Platform;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outbound port each platform adapter implements: sends one delivery and says how it went.
 * Called by the delivery worker from many threads at once (never concurrently for the same
 * delivery), so implementations are thread-safe and may block: each send has a virtual thread of
 * its own. Implementations do not retry on their own beyond the platform client's built-in
 * handling; they report {@link DeliveryResult.RetryLater} and the worker reschedules the row.
 *
 * <p>The worker first takes one of the workspace's {@link #onTheWirePerWorkspace places on the
 * wire}, then asks for the delivery's {@link #pace turn}, then calls {@link #send(Delivery, Wire)}.
 * The messenger does what cannot put a message on the platform first (finding the DM conversation,
 * looking a delivery in doubt up), and calls {@link Wire#writing()} right before it writes the
 * request that may: only from then on is the row marked as being sent, so that a crash leaves in
 * doubt only the requests actually on the wire. A delivery whose {@link Delivery#inDoubt()} is set
 * may already be on the platform: the messenger checks before sending it again, or says it cannot
 * ({@link DeliveryResult.Unconfirmed}).
 */
public interface Messenger {

  Platform platform();

  /**
   * Reserves the delivery's turn under the platform's rate limits (per channel, per route, per
   * workspace, global). Nothing is sent here. By default every delivery may go at once.
   */
  default Pace pace(Delivery delivery) {
    return Pace.NOW;
  }

  /**
   * How many deliveries to one workspace this instance may have on the wire at once: from the mark
   * that one is being sent to the mark of how it went. A crash leaves at most this many of the
   * workspace's deliveries in doubt, so a platform whose check of a delivery in doubt is costly
   * (Slack's history look-ups) keeps it small; by default there is no bound.
   */
  default int onTheWirePerWorkspace() {
    return Integer.MAX_VALUE;
  }

  /**
   * Sends the delivery, calling {@code wire.writing()} right before the request that may create the
   * message (and returning {@link DeliveryResult.Withdrawn} without writing it when that says no).
   * By default the mark comes before anything: for messengers whose send is that one request.
   */
  default DeliveryResult send(Delivery delivery, Wire wire) {
    return wire.writing() ? send(delivery) : DeliveryResult.Withdrawn.INSTANCE;
  }

  /**
   * Whether the bot can post in a channel of a workspace, asking the platform now (Slack's {@code
   * conversations.info}, the bot's permissions in a Discord channel): before a lead turns on
   * something that posts there, and to retry a refused channel. Empty when the platform has no such
   * check (the console); then a refused post is what tells.
   */
  default Optional<ChannelAccess> access(String workspaceExternalId, String channelExternalId) {
    return Optional.empty();
  }

  /**
   * The worker hands a messenger whose platform limits the whole bot (Discord's 50 requests a
   * second) the budget it shares with the other instances, when it registers it. By default the
   * messenger paces on its own.
   */
  default void shareBudget(Function<String, SharedBudget> budgets) {}

  /** Sends the delivery as if nothing watched it: tests, and the default above. */
  DeliveryResult send(Delivery delivery);

  /** How the messenger tells the worker that a request which may create the message goes out. */
  @FunctionalInterface
  interface Wire {
    /**
     * The request that may put the message on the platform is about to be written: the worker marks
     * the row as being sent (once; a second request of the same delivery asks again and is told
     * yes). False when the worker no longer holds the row (it stops, or another instance took it
     * over): write nothing and return {@link DeliveryResult.Withdrawn}.
     */
    boolean writing();

    /** For a send nobody watches: always yes. */
    Wire UNWATCHED = () -> true;
  }
}
