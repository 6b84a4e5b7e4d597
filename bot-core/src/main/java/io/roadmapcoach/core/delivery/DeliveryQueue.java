package io.roadmapcoach.core.delivery;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The outbox as the delivery worker sees it: claim due rows under a lease, then mark each one sent,
 * to retry, or unreachable. A row claimed by an instance that dies is claimed again when its lease
 * runs out; only dying between the platform's "ok" and {@link #sent} can cause a repeat.
 */
public final class DeliveryQueue {
  /** Longer than any send may take: messengers time out well within it. */
  static final Duration LEASE = Duration.ofMinutes(5);

  private final DSLContext dsl;

  public DeliveryQueue(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A claimed outbox row with what it takes to address it. */
  public record Claimed(
      long id,
      DeliveryKind kind,
      Platform platform,
      long workspaceId,
      String workspaceExternalId,
      Optional<Long> memberId,
      Optional<Long> channelId,
      LocalDate localDate,
      Optional<String> noticeText,
      int attempts) {

    public String idempotencyKey() {
      return "outbox-" + id;
    }
  }

  /** Claims up to {@code limit} due rows of the given platforms; call in a transaction. */
  public List<Claimed> claim(Instant now, Collection<Platform> platforms, int limit) {
    if (platforms.isEmpty()) {
      return List.of();
    }
    var due =
        DSL.select(OUTBOX.ID)
            .from(OUTBOX)
            .join(WORKSPACE)
            .on(WORKSPACE.ID.eq(OUTBOX.WORKSPACE_ID))
            .where(OUTBOX.STATUS.eq("pending"))
            .and(OUTBOX.NEXT_ATTEMPT_AT.le(Times.utc(now)))
            .and(OUTBOX.LEASE_UNTIL.isNull().or(OUTBOX.LEASE_UNTIL.le(Times.utc(now))))
            .and(WORKSPACE.PLATFORM.in(platforms.stream().map(Platform::key).toList()))
            .orderBy(OUTBOX.NEXT_ATTEMPT_AT, OUTBOX.ID)
            .limit(limit)
            .forUpdate()
            .of(OUTBOX)
            .skipLocked();
    List<Long> ids =
        dsl.update(OUTBOX)
            .set(OUTBOX.LEASE_UNTIL, Times.utc(now.plus(LEASE)))
            .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
            .where(OUTBOX.ID.in(due))
            .returning(OUTBOX.ID)
            .fetch(OUTBOX.ID);
    if (ids.isEmpty()) {
      return List.of();
    }
    return dsl.select(
            OUTBOX.ID,
            OUTBOX.KIND,
            WORKSPACE.PLATFORM,
            OUTBOX.WORKSPACE_ID,
            WORKSPACE.EXTERNAL_ID,
            OUTBOX.MEMBER_ID,
            OUTBOX.CHANNEL_ID,
            OUTBOX.LOCAL_DATE,
            OUTBOX.PAYLOAD,
            OUTBOX.ATTEMPTS)
        .from(OUTBOX)
        .join(WORKSPACE)
        .on(WORKSPACE.ID.eq(OUTBOX.WORKSPACE_ID))
        .where(OUTBOX.ID.in(ids))
        .orderBy(OUTBOX.NEXT_ATTEMPT_AT, OUTBOX.ID)
        .fetch(
            r ->
                new Claimed(
                    r.get(OUTBOX.ID),
                    DeliveryKind.ofKey(r.get(OUTBOX.KIND)),
                    Platform.ofKey(r.get(WORKSPACE.PLATFORM)),
                    r.get(OUTBOX.WORKSPACE_ID),
                    r.get(WORKSPACE.EXTERNAL_ID),
                    Optional.ofNullable(r.get(OUTBOX.MEMBER_ID)),
                    Optional.ofNullable(r.get(OUTBOX.CHANNEL_ID)),
                    r.get(OUTBOX.LOCAL_DATE),
                    Optional.ofNullable(r.get(OUTBOX.PAYLOAD))
                        .map(p -> OutboxRepository.payloadText(p, "text"))
                        .filter(t -> !t.isEmpty()),
                    r.get(OUTBOX.ATTEMPTS)));
  }

  /** Rows waiting to be delivered, for monitoring. */
  public int pendingCount() {
    return dsl.fetchCount(OUTBOX, OUTBOX.STATUS.eq("pending"));
  }

  public void sent(long id, Instant now, Optional<Long> memberId, Optional<String> dmChannel) {
    dsl.update(OUTBOX)
        .set(OUTBOX.STATUS, "sent")
        .set(OUTBOX.SENT_AT, Times.utc(now))
        .setNull(OUTBOX.LEASE_UNTIL)
        .setNull(OUTBOX.LAST_ERROR)
        .where(OUTBOX.ID.eq(id))
        .execute();
    if (memberId.isPresent() && dmChannel.isPresent()) {
      dsl.update(MEMBER)
          .set(MEMBER.DM_CHANNEL_ID, dmChannel.get())
          .where(MEMBER.ID.eq(memberId.get()))
          .and(MEMBER.DM_CHANNEL_ID.isDistinctFrom(dmChannel.get()))
          .execute();
    }
  }

  /** Try again at {@code at}; a wait the platform asked for does not count as a failed attempt. */
  public void retryAt(long id, Instant at, String reason, boolean countsAsAttempt) {
    dsl.update(OUTBOX)
        .set(OUTBOX.NEXT_ATTEMPT_AT, Times.utc(at))
        .setNull(OUTBOX.LEASE_UNTIL)
        .set(OUTBOX.LAST_ERROR, reason)
        .set(OUTBOX.ATTEMPTS, countsAsAttempt ? OUTBOX.ATTEMPTS : OUTBOX.ATTEMPTS.minus(1))
        .where(OUTBOX.ID.eq(id))
        .execute();
  }

  /** Ends the row without sending: {@code failed}, {@code dropped} or {@code undeliverable}. */
  public void close(long id, String status, String reason) {
    dsl.update(OUTBOX)
        .set(OUTBOX.STATUS, status)
        .setNull(OUTBOX.LEASE_UNTIL)
        .set(OUTBOX.LAST_ERROR, reason)
        .where(OUTBOX.ID.eq(id))
        .execute();
  }

  public void memberUnreachable(long memberId) {
    dsl.update(MEMBER).set(MEMBER.DELIVERABLE, false).where(MEMBER.ID.eq(memberId)).execute();
  }

  public void channelUnreachable(long channelId) {
    dsl.update(CHANNEL).set(CHANNEL.DELIVERABLE, false).where(CHANNEL.ID.eq(channelId)).execute();
  }

  public void workspaceUnreachable(long workspaceId) {
    dsl.update(WORKSPACE)
        .set(WORKSPACE.DELIVERABLE, false)
        .where(WORKSPACE.ID.eq(workspaceId))
        .execute();
  }

  /** The platforms' say on a member: DMs closed or left. Pending rows for them end too. */
  public int dropPendingFor(long memberId, String reason) {
    return dsl.update(OUTBOX)
        .set(OUTBOX.STATUS, "undeliverable")
        .set(OUTBOX.LAST_ERROR, reason)
        .where(
            OUTBOX.MEMBER_ID.eq(memberId), OUTBOX.STATUS.eq("pending"), OUTBOX.LEASE_UNTIL.isNull())
        .execute();
  }
}
