package io.roadmapcoach.core.delivery;

import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.reply.Reply;
import io.roadmapcoach.core.reply.Text;
import io.roadmapcoach.core.reply.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Writes what a claimed outbox row says by handing it to the composer of its kind, after checking
 * that its recipient still exists (the outbox keeps plain ids, with no foreign keys). One-off
 * notices are written here; every other kind by the feature it belongs to.
 */
public final class DeliveryComposer {
  /** A nudge or post found this late is still sent; later it is dropped and counted. */
  public static final Duration LATE_WINDOW = Duration.ofHours(2);

  private final MemberRepository members;
  private final Map<DeliveryKind, Composer> byKind;

  public DeliveryComposer(MemberRepository members, Map<DeliveryKind, Composer> byKind) {
    this.members = members;
    this.byKind = new EnumMap<>(byKind);
    this.byKind.put(DeliveryKind.NOTICE, Composer.eachRow(DeliveryComposer::notice));
    this.byKind.put(DeliveryKind.CHANNEL_NOTICE, Composer.eachRow(DeliveryComposer::channelNotice));
    for (DeliveryKind kind : DeliveryKind.values()) {
      if (!this.byKind.containsKey(kind)) {
        throw new IllegalArgumentException("no composer for deliveries of kind " + kind);
      }
    }
  }

  /**
   * The routing table assembled from each feature's part; a kind claimed by two features is a
   * mistake in the assembly.
   */
  public static DeliveryComposer of(
      MemberRepository members, List<Map<DeliveryKind, Composer>> parts) {
    Map<DeliveryKind, Composer> byKind = new EnumMap<>(DeliveryKind.class);
    for (Map<DeliveryKind, Composer> part : parts) {
      part.forEach(
          (kind, composer) -> {
            if (byKind.putIfAbsent(kind, composer) != null) {
              throw new IllegalArgumentException("two composers for deliveries of kind " + kind);
            }
          });
    }
    return new DeliveryComposer(members, byKind);
  }

  /** A delivery to send, or the reason it is dropped. */
  public sealed interface Composed {}

  public record Send(Delivery delivery, Optional<Long> memberId, Optional<Long> channelId)
      implements Composed {}

  /**
   * Not worth sending any more.
   *
   * @param stale found later than its late window: counted apart, as missed rather than moot
   */
  public record Drop(String reason, boolean stale) implements Composed {
    public Drop(String reason) {
      this(reason, false);
    }
  }

  /** Composing failed (a bug, a database error): the worker retries it with back-off. */
  public record Unsendable(String reason) implements Composed {}

  /**
   * Composes a batch of claimed rows in one transaction (the caller's), in order: their recipients
   * read once for the whole batch, then each kind's rows together. A row that cannot be composed
   * fails the whole batch; the worker then composes those rows one by one, each a batch of one.
   */
  public List<Composed> composeAll(List<DeliveryQueue.Claimed> rows, Instant now) {
    Recipients to = Recipients.of(members, rows);
    Composed[] composed = new Composed[rows.size()];
    // each kind composes its rows together (reading what they need at once), in their order
    Map<DeliveryKind, List<Integer>> byKindAt = new EnumMap<>(DeliveryKind.class);
    for (int i = 0; i < rows.size(); i++) {
      DeliveryQueue.Claimed row = rows.get(i);
      Optional<Drop> gone = recipientGone(row, to::hasMember, to::hasChannel);
      if (gone.isPresent()) {
        composed[i] = gone.get();
      } else {
        byKindAt.computeIfAbsent(row.kind(), k -> new ArrayList<>()).add(i);
      }
    }
    byKindAt.forEach(
        (kind, at) -> {
          List<Composed> written =
              byKind.get(kind).composeAll(at.stream().map(rows::get).toList(), to, now);
          for (int j = 0; j < at.size(); j++) {
            composed[at.get(j)] = written.get(j);
          }
        });
    return List.of(composed);
  }

  /** One row: a batch of one. */
  public Composed compose(DeliveryQueue.Claimed row, Instant now) {
    return composeAll(List.of(row), now).getFirst();
  }

  /** The outbox keeps plain ids: a row whose member or channel was erased is dropped. */
  private static Optional<Drop> recipientGone(
      DeliveryQueue.Claimed row, LongPredicate memberExists, LongPredicate channelExists) {
    if (row.memberId().isPresent() && !memberExists.test(row.memberId().get())) {
      return Optional.of(new Drop("the member no longer exists"));
    }
    if (row.channelId().isPresent() && !channelExists.test(row.channelId().get())) {
      return Optional.of(new Drop("the channel no longer exists"));
    }
    return Optional.empty();
  }

  /**
   * When a row for {@code localDate} at {@code time} was due: that moment in {@code zone}, unless
   * the time was changed since the row was written (it is then its writing time). A row found after
   * midnight keeps the date it was due on, so this stays right across midnight.
   */
  public static Instant dueAt(DeliveryQueue.Claimed row, LocalTime time, ZoneId zone) {
    Instant scheduled = row.localDate().atTime(time).atZone(zone).toInstant();
    Instant written = row.createdAt();
    boolean plausible =
        !scheduled.isAfter(written) && !scheduled.isBefore(written.minus(LATE_WINDOW));
    return plausible ? scheduled : written;
  }

  /** A row found more than {@link #LATE_WINDOW} after it was due is dropped as stale. */
  public static Optional<Drop> staleness(
      DeliveryQueue.Claimed row, LocalTime time, ZoneId zone, Instant now, String what) {
    Instant due = dueAt(row, time, zone);
    return now.isAfter(due.plus(LATE_WINDOW))
        ? Optional.of(
            new Drop(what + " due at " + due + " is more than " + LATE_WINDOW + " late", true))
        : Optional.empty();
  }

  private static Composed notice(DeliveryQueue.Claimed row, Recipients to, Instant now) {
    Member member = to.member(row);
    Reply reply = Reply.text(Text.of(row.noticeText().orElse("")));
    return toMember(row, member, to.dmChannel(member.id()), reply);
  }

  private static Composed channelNotice(DeliveryQueue.Claimed row, Recipients to, Instant now) {
    Reply reply =
        Reply.builder()
            .section(Text.of(row.noticeText().orElse("")))
            .visibleTo(Visibility.CHANNEL)
            .build();
    return toChannel(row, to.channel(row), reply);
  }

  /** A message for the row's member, by direct message, from what its batch read. */
  public static Send toMember(DeliveryQueue.Claimed row, Recipients to, Reply reply) {
    Member member = to.member(row);
    return toMember(row, member, to.dmChannel(member.id()), reply);
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
