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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Row7;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The outbox as the delivery worker sees it. A claim gives each row a new attempt id and a short
 * lease (renewed while the attempt runs); before the platform call the row is marked {@code
 * sending}; then it is marked sent, to retry, or ended. Every mark names the attempt, so an
 * instance that lost its lease changes nothing. A row still {@code sending} when its lease runs out
 * is in doubt: the next claim hands it out with {@link Claimed#inDoubt()} set, to be checked before
 * it is sent again. Claims and marks are set-based: one statement for a whole batch of rows.
 */
public final class DeliveryQueue {
  /** A minute at most, so a dead instance's rows come back soon; renewed while a send runs. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

  private static final String PENDING = OutboxStatus.PENDING.key();
  private static final String SENDING = OutboxStatus.SENDING.key();

  private static final Field<UUID> NEW_ATTEMPT = DSL.field("gen_random_uuid()", SQLDataType.UUID);

  private final DSLContext dsl;
  private final Duration lease;

  public DeliveryQueue(DSLContext dsl) {
    this(dsl, DEFAULT_LEASE);
  }

  public DeliveryQueue(DSLContext dsl, Duration lease) {
    if (lease.isNegative() || lease.isZero() || lease.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("a lease is longer than zero and at most a minute");
    }
    this.dsl = dsl;
    this.lease = lease;
  }

  public Duration lease() {
    return lease;
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
      int attempts,
      UUID attemptId,
      Instant createdAt,
      Optional<Delivery.InDoubt> inDoubt) {

    public String idempotencyKey() {
      return "outbox-" + id;
    }

    Held held() {
      return new Held(id, attemptId);
    }
  }

  /** A row this instance holds: its id and the attempt that holds it. */
  public record Held(long id, UUID attemptId) {}

  /**
   * Claims up to {@code limit} due rows of {@code platform}, pending or in doubt, oldest first:
   * each gets a new attempt id and a lease until {@code now} plus the lease. Call in a transaction.
   */
  public List<Claimed> claim(Instant now, Platform platform, int limit) {
    // A claim lost to a database crash leaves its rows pending: nothing was sent from it (marking a
    // row sending fails once its claim is gone), so the commit need not wait for the disk.
    dsl.execute("set local synchronous_commit to off");
    OffsetDateTime at = Times.utc(now);
    Field<OffsetDateTime> oldLease = DSL.field(DSL.name("due", "old_lease"), OffsetDateTime.class);
    Field<Long> dueId = DSL.field(DSL.name("due", "id"), Long.class);
    CommonTableExpression<Record2<Long, OffsetDateTime>> due =
        DSL.name("due")
            .fields("id", "old_lease")
            .as(
                DSL.select(OUTBOX.ID, OUTBOX.LEASE_UNTIL)
                    .from(OUTBOX)
                    // said in literals, as the due index's predicate says it: a statement the
                    // driver prepares gets a generic plan after five runs, and a generic plan can
                    // use a partial index only if its predicate follows from the query's text
                    // (bound values do not). Without it a minute's thousands of due rows were read
                    // whole and sorted for every claim of a hundred.
                    .where(OUTBOX.STATUS.in(DSL.inline(PENDING), DSL.inline(SENDING)))
                    .and(OUTBOX.NEXT_ATTEMPT_AT.le(at))
                    .and(OUTBOX.LEASE_UNTIL.isNull().or(OUTBOX.LEASE_UNTIL.le(at)))
                    .and(
                        OUTBOX.WORKSPACE_ID.in(
                            DSL.select(WORKSPACE.ID)
                                .from(WORKSPACE)
                                .where(WORKSPACE.PLATFORM.eq(platform.key()))))
                    .orderBy(OUTBOX.NEXT_ATTEMPT_AT, OUTBOX.ID)
                    .limit(limit)
                    .forUpdate()
                    .of(OUTBOX)
                    .skipLocked());
    List<Claimed> claimed =
        dsl.with(due)
            .update(OUTBOX)
            .set(OUTBOX.LEASE_UNTIL, Times.utc(now.plus(lease)))
            .set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
            .set(OUTBOX.ATTEMPT_ID, NEW_ATTEMPT)
            .from(due.join(WORKSPACE).on(DSL.trueCondition()))
            .where(OUTBOX.ID.eq(dueId))
            .and(WORKSPACE.ID.eq(OUTBOX.WORKSPACE_ID))
            .returningResult(
                OUTBOX.ID,
                OUTBOX.KIND,
                OUTBOX.WORKSPACE_ID,
                WORKSPACE.EXTERNAL_ID,
                OUTBOX.MEMBER_ID,
                OUTBOX.CHANNEL_ID,
                OUTBOX.LOCAL_DATE,
                OUTBOX.PAYLOAD,
                OUTBOX.ATTEMPTS,
                OUTBOX.ATTEMPT_ID,
                OUTBOX.CREATED_AT,
                OUTBOX.STATUS,
                OUTBOX.FIRST_SEND_AT,
                oldLease,
                OUTBOX.NEXT_ATTEMPT_AT)
            .fetch(
                r -> {
                  Optional<Delivery.InDoubt> doubt =
                      SENDING.equals(r.get(OUTBOX.STATUS))
                          ? Optional.of(
                              new Delivery.InDoubt(
                                  Optional.ofNullable(Times.instant(r.get(OUTBOX.FIRST_SEND_AT)))
                                      .orElse(now),
                                  Optional.ofNullable(Times.instant(r.get(oldLease))).orElse(now)))
                          : Optional.empty();
                  return new Claimed(
                      r.get(OUTBOX.ID),
                      DeliveryKind.ofKey(r.get(OUTBOX.KIND)),
                      platform,
                      r.get(OUTBOX.WORKSPACE_ID),
                      r.get(WORKSPACE.EXTERNAL_ID),
                      Optional.ofNullable(r.get(OUTBOX.MEMBER_ID)),
                      Optional.ofNullable(r.get(OUTBOX.CHANNEL_ID)),
                      r.get(OUTBOX.LOCAL_DATE),
                      Optional.ofNullable(r.get(OUTBOX.PAYLOAD))
                          .map(p -> OutboxRepository.payloadText(p, "text"))
                          .filter(t -> !t.isEmpty()),
                      r.get(OUTBOX.ATTEMPTS),
                      r.get(OUTBOX.ATTEMPT_ID),
                      Times.instant(r.get(OUTBOX.CREATED_AT)),
                      doubt);
                });
    // RETURNING keeps no order: oldest first, as claimed
    return claimed.stream().sorted(Comparator.comparingLong(Claimed::id)).toList();
  }

  /**
   * Marks the rows as being sent, right before their platform calls: returns the ids this instance
   * still holds (a row whose lease was lost is not sent). The first send's time is kept while a row
   * stays in doubt.
   */
  public Set<Long> markSending(Collection<Held> rows, Instant now) {
    if (rows.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        dsl.update(OUTBOX)
            .set(OUTBOX.STATUS, SENDING)
            .set(OUTBOX.FIRST_SEND_AT, DSL.coalesce(OUTBOX.FIRST_SEND_AT, Times.utc(now)))
            .where(held(rows))
            .and(OUTBOX.STATUS.in(PENDING, SENDING))
            .and(OUTBOX.LEASE_UNTIL.isNotNull())
            .returning(OUTBOX.ID)
            .fetch(OUTBOX.ID));
  }

  /**
   * Extends the leases of rows still held, while their attempts run. A row being marked right now
   * is skipped rather than waited for (its mark ends the attempt, or the next renewal catches it),
   * so renewing never deadlocks with marking.
   */
  public int renew(Collection<Held> rows, Instant now) {
    if (rows.isEmpty()) {
      return 0;
    }
    return dsl.update(OUTBOX)
        .set(OUTBOX.LEASE_UNTIL, Times.utc(now.plus(lease)))
        .where(
            OUTBOX.ID.in(
                DSL.select(OUTBOX.ID)
                    .from(OUTBOX)
                    .where(held(rows))
                    .and(OUTBOX.STATUS.in(PENDING, SENDING))
                    .and(OUTBOX.LEASE_UNTIL.isNotNull())
                    .forUpdate()
                    .skipLocked()))
        .execute();
  }

  /**
   * Gives rows back at once (graceful shutdown): claimable by any instance now. A row that was
   * being sent stays in doubt; one that never reached its platform call is not counted as tried.
   */
  public int release(Collection<Held> notSent, Collection<Held> sending) {
    int released = 0;
    if (!notSent.isEmpty()) {
      released +=
          dsl.update(OUTBOX)
              .setNull(OUTBOX.LEASE_UNTIL)
              .set(OUTBOX.ATTEMPTS, DSL.greatest(OUTBOX.ATTEMPTS.minus(1), DSL.inline(0)))
              .where(held(notSent))
              .and(OUTBOX.STATUS.in(PENDING, SENDING))
              .execute();
    }
    if (!sending.isEmpty()) {
      released +=
          dsl.update(OUTBOX)
              .setNull(OUTBOX.LEASE_UNTIL)
              .where(held(sending))
              .and(OUTBOX.STATUS.in(PENDING, SENDING))
              .execute();
    }
    return released;
  }

  private static org.jooq.Condition held(Collection<Held> rows) {
    // attempt ids are new on every claim, so the pair matches only the attempt that holds the row;
    // the ids let the primary key find the rows; arrays keep the statement one size for any batch
    return OUTBOX
        .ID
        .eq(DSL.any(rows.stream().map(Held::id).sorted().toArray(Long[]::new)))
        .and(
            OUTBOX.ATTEMPT_ID.eq(DSL.any(rows.stream().map(Held::attemptId).toArray(UUID[]::new))));
  }

  /**
   * How an attempt ended, for {@link #finish}.
   *
   * @param status the row's new status
   * @param nextAttemptAt when to try again (pending or in doubt), else ignored
   * @param error the reason kept in {@code last_error}, empty when sent
   * @param refundAttempt the attempt does not count (a wait the platform or our pacing asked for)
   * @param dmChannel a DM conversation opened for the member, to keep
   */
  public record Mark(
      Held row,
      OutboxStatus status,
      Instant nextAttemptAt,
      String error,
      boolean refundAttempt,
      Optional<Long> memberId,
      Optional<String> dmChannel) {

    static Mark sent(Held row, Instant now, Optional<Long> memberId, Optional<String> dm) {
      return new Mark(row, OutboxStatus.SENT, now, "", false, memberId, dm);
    }

    /** Tried again at {@code at}: pending again, or still in doubt. */
    static Mark retry(Held row, boolean inDoubt, Instant at, String reason, boolean refund) {
      return new Mark(
          row,
          inDoubt ? OutboxStatus.SENDING : OutboxStatus.PENDING,
          at,
          reason,
          refund,
          Optional.empty(),
          Optional.empty());
    }

    /** Ended: failed, dropped or undeliverable. */
    static Mark closed(Held row, OutboxStatus status, Instant now, String reason) {
      if (status.open()) {
        throw new IllegalArgumentException(status + " does not end a delivery");
      }
      return new Mark(row, status, now, reason, false, Optional.empty(), Optional.empty());
    }
  }

  /** Records how a batch of attempts ended, in one statement (plus one for DM channels). */
  public int finish(List<Mark> marks, Instant now) {
    if (marks.isEmpty()) {
      return 0;
    }
    // A mark lost to a database crash leaves its row sending: in doubt, checked before it goes
    // again. So the commit need not wait for the disk; marking a row sending (before the call)
    // does.
    dsl.execute("set local synchronous_commit to off");
    List<Row7<Long, UUID, String, OffsetDateTime, String, Integer, Boolean>> rows =
        new ArrayList<>(marks.size());
    for (Mark m : marks) {
      rows.add(
          DSL.row(
              DSL.val(m.row().id()),
              DSL.val(m.row().attemptId()),
              DSL.val(m.status().key()),
              DSL.val(Times.utc(m.nextAttemptAt())),
              DSL.val(m.error()),
              DSL.val(m.refundAttempt() ? -1 : 0),
              // a row pending again is known not to be on the platform
              DSL.val(m.status() == OutboxStatus.PENDING)));
    }
    var v =
        DSL.values(rows.toArray(Row7[]::new))
            .as("v", "id", "attempt_id", "status", "next_at", "error", "delta", "clear_first");
    Field<Long> vId = v.field("id", Long.class);
    Field<UUID> vAttempt = v.field("attempt_id", UUID.class);
    Field<String> vStatus = v.field("status", String.class);
    Field<OffsetDateTime> vNext = v.field("next_at", OffsetDateTime.class);
    Field<String> vError = v.field("error", String.class);
    Field<Integer> vDelta = v.field("delta", Integer.class);
    Field<Boolean> vClearFirst = v.field("clear_first", Boolean.class);
    int updated =
        dsl.update(OUTBOX)
            .set(OUTBOX.STATUS, vStatus)
            .set(OUTBOX.NEXT_ATTEMPT_AT, vNext)
            .set(OUTBOX.LAST_ERROR, DSL.nullif(vError, DSL.inline("")))
            .set(OUTBOX.ATTEMPTS, DSL.greatest(OUTBOX.ATTEMPTS.plus(vDelta), DSL.inline(0)))
            .set(
                OUTBOX.SENT_AT,
                DSL.when(vStatus.eq(OutboxStatus.SENT.key()), DSL.val(Times.utc(now)))
                    .otherwise(OUTBOX.SENT_AT))
            .set(
                OUTBOX.FIRST_SEND_AT,
                DSL.when(vClearFirst, DSL.castNull(OUTBOX.FIRST_SEND_AT.getDataType()))
                    .otherwise(OUTBOX.FIRST_SEND_AT))
            .setNull(OUTBOX.LEASE_UNTIL)
            .from(v)
            .where(OUTBOX.ID.eq(vId))
            .and(OUTBOX.ATTEMPT_ID.eq(vAttempt))
            .and(OUTBOX.STATUS.in(PENDING, SENDING))
            .execute();
    keepDmChannels(marks);
    return updated;
  }

  private void keepDmChannels(List<Mark> marks) {
    var opened =
        marks.stream()
            .filter(m -> m.memberId().isPresent() && m.dmChannel().isPresent())
            .collect(
                Collectors.toMap(m -> m.memberId().get(), m -> m.dmChannel().get(), (a, b) -> b));
    if (opened.isEmpty()) {
      return;
    }
    var v =
        DSL.values(
                opened.entrySet().stream()
                    .map(e -> DSL.row(DSL.val(e.getKey()), DSL.val(e.getValue())))
                    .toArray(org.jooq.Row2[]::new))
            .as("dm", "member_id", "channel");
    Field<Long> vMember = v.field("member_id", Long.class);
    Field<String> vChannel = v.field("channel", String.class);
    dsl.update(MEMBER)
        .set(MEMBER.DM_CHANNEL_ID, vChannel)
        .from(v)
        .where(MEMBER.ID.eq(vMember))
        .and(MEMBER.DM_CHANNEL_ID.isDistinctFrom(vChannel))
        .execute();
  }

  public void memberUnreachable(long memberId) {
    dsl.update(MEMBER).set(MEMBER.DELIVERABLE, false).where(MEMBER.ID.eq(memberId)).execute();
  }

  /** A request budget shared with the other instances, by its name (a platform's). */
  SharedBudget budget(String name) {
    return new SharedBudget(dsl, name);
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
        .set(OUTBOX.STATUS, OutboxStatus.UNDELIVERABLE.key())
        .set(OUTBOX.LAST_ERROR, reason)
        .where(
            OUTBOX.MEMBER_ID.eq(memberId), OUTBOX.STATUS.eq(PENDING), OUTBOX.LEASE_UNTIL.isNull())
        .execute();
  }
}
