package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes what a claimed outbox row says by handing it to the composer of its kind, after checking
 * that its recipient still exists (the outbox keeps plain ids, with no foreign keys). One-off
 * notices are written here; every other kind by the feature it belongs to.
 */
public final class DeliveryComposer {
  private final MemberRepository members;
  private final Map<DeliveryKind, Composer> byKind;

  public DeliveryComposer(MemberRepository members, Map<DeliveryKind, Composer> byKind) {
    this.members = members;
    this.byKind = new EnumMap<>(byKind);
    this.byKind.put(DeliveryKind.NOTICE, this::notice);
    this.byKind.put(DeliveryKind.CHANNEL_NOTICE, this::channelNotice);
    for (DeliveryKind kind : DeliveryKind.values()) {
      if (!this.byKind.containsKey(kind)) {
        throw new IllegalArgumentException("no composer for deliveries of kind " + kind);
      }
    }
  }

  /** A delivery to send, or the reason it is dropped. */
  public sealed interface Composed {}

  public record Send(Delivery delivery, Optional<Long> memberId, Optional<Long> channelId)
      implements Composed {}

  public record Drop(String reason) implements Composed {}

  public Composed compose(DeliveryQueue.Claimed row, Instant now) {
    if (row.memberId().isPresent() && !members.exists(row.memberId().get())) {
      return new Drop("the member no longer exists");
    }
    if (row.channelId().isPresent() && !members.channelExists(row.channelId().get())) {
      return new Drop("the channel no longer exists");
    }
    return byKind.get(row.kind()).compose(row, now);
  }

  private Composed notice(DeliveryQueue.Claimed row, Instant now) {
    Member member = members.member(row.memberId().orElseThrow());
    Reply reply = Reply.text(Text.of(row.noticeText().orElse("")));
    return toMember(row, member, members.dmChannel(member.id()), reply);
  }

  private Composed channelNotice(DeliveryQueue.Claimed row, Instant now) {
    Channel channel = members.channel(row.channelId().orElseThrow());
    Reply reply =
        Reply.builder()
            .section(Text.of(row.noticeText().orElse("")))
            .visibleTo(Visibility.CHANNEL)
            .build();
    return toChannel(row, channel, reply);
  }

  /** A message for the row's member, by direct message. */
  public static Send toMember(
      DeliveryQueue.Claimed row, Member member, Optional<String> dmChannel, Reply reply) {
    return new Send(
        new Delivery(
            row.id(),
            row.idempotencyKey(),
            row.workspaceExternalId(),
            new Delivery.Direct(member.externalId(), member.displayName(), dmChannel),
            reply),
        Optional.of(member.id()),
        Optional.empty());
  }

  /** A post in the row's channel. */
  public static Send toChannel(DeliveryQueue.Claimed row, Channel channel, Reply reply) {
    return new Send(
        new Delivery(
            row.id(),
            row.idempotencyKey(),
            row.workspaceExternalId(),
            new Delivery.ChannelPost(channel.externalId(), channel.name()),
            reply),
        Optional.empty(),
        Optional.of(channel.id()));
  }
}
