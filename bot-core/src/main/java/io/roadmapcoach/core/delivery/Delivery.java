package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.reply.Reply;
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
 */
public record Delivery(
    long outboxId, String idempotencyKey, String workspaceExternalId, Target target, Reply reply) {

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
