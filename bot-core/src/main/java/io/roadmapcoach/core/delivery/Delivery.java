package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.reply.Reply;
import java.time.Instant;
import java.util.Optional;

/**
 * One message for a messenger to send.
 *
 * @param outboxId the outbox row, stable across retries
 * @param idempotencyKey stable across retries of the same row: a platform that supports it
 *     (Discord's message nonce) drops a repeat
 * @param workspaceExternalId the platform's id of the workspace (Slack team, Discord guild)
 * @param target a member's DM, or a channel post
 * @param reply what to send
 * @param inDoubt an earlier attempt may have reached the platform: check before sending again
 */
public record Delivery(
    long outboxId,
    String idempotencyKey,
    String workspaceExternalId,
    Target target,
    Reply reply,
    Optional<InDoubt> inDoubt) {

  /** A first try: nothing of it can have reached the platform yet. */
  public Delivery(
      long outboxId,
      String idempotencyKey,
      String workspaceExternalId,
      Target target,
      Reply reply) {
    this(outboxId, idempotencyKey, workspaceExternalId, target, reply, Optional.empty());
  }

  /**
   * An earlier attempt was marked as being sent and never finished (its instance died or lost its
   * lease, or the platform did not answer): the platform may or may not have the message.
   *
   * @param firstSendAt when the first such platform call began
   * @param lastLeaseEnd when the last such attempt's lease ran out: its call was over by then
   */
  public record InDoubt(Instant firstSendAt, Instant lastLeaseEnd) {}

  public Delivery withInDoubt(Optional<InDoubt> doubt) {
    return new Delivery(outboxId, idempotencyKey, workspaceExternalId, target, reply, doubt);
  }

  /** Where a delivery goes. */
  public sealed interface Target {}

  /**
   * A direct message to a member.
   *
   * @param knownDmChannel the platform's DM conversation with them, when one was opened before
   */
  public record Direct(String memberExternalId, String memberName, Optional<String> knownDmChannel)
      implements Target {}

  /** A post in a channel. */
  public record ChannelPost(String channelExternalId, String channelName) implements Target {}
}
