package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.db.schema.tables.records.MemberRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who a claimed batch is for, read once for the whole batch (one query for its members, one for its
 * channels) and shared by every kind's composer: a batch of one reads the same way. A recipient
 * missing here was erased after its row was written.
 */
public final class Recipients {
  private final Map<Long, MemberRecord> members;
  private final Map<Long, Channel> channels;

  private Recipients(Map<Long, MemberRecord> members, Map<Long, Channel> channels) {
    this.members = members;
    this.channels = channels;
  }

  /** The members and channels the rows name. */
  public static Recipients of(MemberRepository repository, List<DeliveryQueue.Claimed> rows) {
    Set<Long> memberIds = new HashSet<>();
    Set<Long> channelIds = new HashSet<>();
    for (DeliveryQueue.Claimed row : rows) {
      row.memberId().ifPresent(memberIds::add);
      row.channelId().ifPresent(channelIds::add);
    }
    return new Recipients(
        memberIds.isEmpty() ? Map.of() : repository.memberRows(memberIds),
        channelIds.isEmpty() ? Map.of() : repository.channels(channelIds));
  }

  /** The channels with these ids as well (members' home channels, say), read in one query. */
  public Recipients withChannels(MemberRepository repository, Set<Long> more) {
    Set<Long> missing = new HashSet<>(more);
    missing.removeAll(channels.keySet());
    if (missing.isEmpty()) {
      return this;
    }
    Map<Long, Channel> all = new java.util.HashMap<>(channels);
    all.putAll(repository.channels(missing));
    return new Recipients(members, all);
  }

  boolean hasMember(long id) {
    return members.containsKey(id);
  }

  boolean hasChannel(long id) {
    return channels.containsKey(id);
  }

  /** The row's member (it has one, and it exists: the worker drops rows whose member is gone). */
  public Member member(DeliveryQueue.Claimed row) {
    return member(row.memberId().orElseThrow());
  }

  public Member member(long id) {
    MemberRecord record = members.get(id);
    if (record == null) {
      throw new IllegalStateException("member " + id + " was not read with the batch");
    }
    return MemberRepository.member(record);
  }

  /** The platform's DM conversation with the member, once one was opened. */
  public Optional<String> dmChannel(long memberId) {
    MemberRecord record = members.get(memberId);
    return record == null ? Optional.empty() : Optional.ofNullable(record.getDmChannelId());
  }

  /** The row's channel (it has one, and it exists). */
  public Channel channel(DeliveryQueue.Claimed row) {
    return channel(row.channelId().orElseThrow());
  }

  public Channel channel(long id) {
    Channel channel = channels.get(id);
    if (channel == null) {
      throw new IllegalStateException("channel " + id + " was not read with the batch");
    }
    return channel;
  }

  /** The member's row as read, for composers that need more of it than {@link Member} says. */
  public Optional<MemberRecord> memberRow(long id) {
    return Optional.ofNullable(members.get(id));
  }
}
