package io.roadmapcoach.core.delivery;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record7;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * The outbox as the features see it: deliveries enqueued one at a time or a whole set in one
 * statement, in the caller's transaction, and dropped when their workspace removed the app. Only
 * {@code delivery} names the outbox table; a feature's scheduled claim hands its query to {@link
 * #enqueueAll} and asks {@link #noneYetFor} what was enqueued already.
 */
public final class OutboxRepository {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DSLContext dsl;
  private final Optional<Long> actor;

  public OutboxRepository(DSLContext dsl) {
    this(dsl, Optional.empty());
  }

  private OutboxRepository(DSLContext dsl, Optional<Long> actor) {
    this.dsl = dsl;
    this.actor = actor;
  }

  /**
   * The outbox for messages to others that tell of what the member {@code actorMemberId} did (a
   * lead's nudge, a stage they set, their finished stage, their leaving): each row keeps who it is
   * about, so that the member's export lists it and their erasure finds it.
   */
  public OutboxRepository by(long actorMemberId) {
    return new OutboxRepository(dsl, Optional.of(actorMemberId));
  }

  /** A one-off message to a member, such as "a lead moved you to stage 4". */
  public void notice(
      long workspaceId, long memberId, LocalDate localDate, String text, Instant now) {
    insert(
        DeliveryKind.NOTICE,
        workspaceId,
        Optional.of(memberId),
        Optional.empty(),
        localDate,
        Optional.of(text),
        now);
  }

  /**
   * A lead's nudge to a member, at most one a member a day: false when one was enqueued for that
   * day already.
   *
   * @param from how the lead is named in it: "Ana (lead of #ml-study)"
   */
  public boolean leadNudge(
      long workspaceId,
      long memberId,
      long channelId,
      LocalDate localDate,
      String from,
      Instant now) {
    return insert(
        DeliveryKind.LEAD_NUDGE,
        workspaceId,
        Optional.of(memberId),
        Optional.of(channelId),
        localDate,
        Optional.of(from),
        now);
  }

  /** An announcement in a channel, such as "Ana finished stage 3". */
  public void channelNotice(
      long workspaceId, long channelId, LocalDate localDate, String text, Instant now) {
    insert(
        DeliveryKind.CHANNEL_NOTICE,
        workspaceId,
        Optional.empty(),
        Optional.of(channelId),
        localDate,
        Optional.of(text),
        now);
  }

  /**
   * A delivery to a member of a kind its feature composes (a buddy's introduction, say); false when
   * one of a kind kept once a member and day was enqueued for that day already.
   *
   * @param channelId the channel it is about, if any
   * @param text what the composer needs to know that state will not tell it later
   */
  public boolean toMember(
      DeliveryKind kind,
      long workspaceId,
      long memberId,
      Optional<Long> channelId,
      LocalDate localDate,
      Optional<String> text,
      Instant now) {
    return insert(kind, workspaceId, Optional.of(memberId), channelId, localDate, text, now);
  }

  /**
   * A delivery to a channel of a kind its feature composes (the weekly quiz's call-out, say); false
   * when one of a kind kept once a channel and day was enqueued for that day already.
   */
  public boolean toChannel(
      DeliveryKind kind, long workspaceId, long channelId, LocalDate localDate, Instant now) {
    return insert(
        kind,
        workspaceId,
        Optional.empty(),
        Optional.of(channelId),
        localDate,
        Optional.empty(),
        now);
  }

  /**
   * Enqueues every row {@code rows} selects, in one statement with the query (a scheduled claim
   * keeps its locks and its plan); a row whose kind is kept once a member (or channel) and day and
   * has its row already is skipped. The select's columns, in order: workspace id, kind ({@link
   * #kind}), member id, channel id (either may be null, not both), the recipient's local date, the
   * first attempt's time and the time it was written ({@link #at}, both now). The select must keep
   * to workspaces that still have the app ({@link Workspaces#withTheApp}), as the coaching policy's
   * conditions do: a whole claim is not checked again here. Returns how many rows were enqueued.
   */
  public int enqueueAll(
      Select<? extends Record7<Long, String, Long, Long, LocalDate, OffsetDateTime, OffsetDateTime>>
          rows) {
    return dsl.insertInto(
            OUTBOX,
            OUTBOX.WORKSPACE_ID,
            OUTBOX.KIND,
            OUTBOX.MEMBER_ID,
            OUTBOX.CHANNEL_ID,
            OUTBOX.LOCAL_DATE,
            OUTBOX.NEXT_ATTEMPT_AT,
            OUTBOX.CREATED_AT)
        .select(rows)
        .onConflictDoNothing()
        .execute();
  }

  /** The kind column of a row selected for {@link #enqueueAll}. */
  public static Field<String> kind(DeliveryKind kind) {
    return DSL.inline(kind.key());
  }

  /** A time column of a row selected for {@link #enqueueAll}. */
  public static Field<OffsetDateTime> at(Instant now) {
    return DSL.val(Times.utc(now));
  }

  /** No member (a channel's delivery), or no channel, in a row selected for {@link #enqueueAll}. */
  public static Field<Long> none() {
    return DSL.castNull(Long.class);
  }

  /**
   * No row of {@code kind} for the member on that local date yet: what a claim tests before it
   * locks a member, so that one enqueued already is not locked again.
   */
  public static Condition noneYetFor(
      DeliveryKind kind, Field<Long> memberId, Field<LocalDate> localDate) {
    return noneYet(kind, localDate, OUTBOX.MEMBER_ID.eq(memberId));
  }

  /** No row of {@code kind} for the channel itself (no member) on that local date yet. */
  public static Condition noneYetForChannel(
      DeliveryKind kind, Field<Long> channelId, Field<LocalDate> localDate) {
    return noneYet(kind, localDate, OUTBOX.CHANNEL_ID.eq(channelId), OUTBOX.MEMBER_ID.isNull());
  }

  /**
   * The local dates, from {@code from} to {@code to}, that have a row of {@code kind} for the
   * member: what a claim's {@link #noneYetFor} will find, read ahead (the coaching policy's
   * promises).
   */
  public static Field<LocalDate[]> datesFor(
      DeliveryKind kind, Field<Long> memberId, Field<LocalDate> from, Field<LocalDate> to) {
    return dates(kind, from, to, OUTBOX.MEMBER_ID.eq(memberId));
  }

  /** {@link #datesFor} for the channel's own rows (no member): its posts and call-outs. */
  public static Field<LocalDate[]> datesForChannel(
      DeliveryKind kind, Field<Long> channelId, Field<LocalDate> from, Field<LocalDate> to) {
    return dates(kind, from, to, OUTBOX.CHANNEL_ID.eq(channelId), OUTBOX.MEMBER_ID.isNull());
  }

  private static Field<LocalDate[]> dates(
      DeliveryKind kind, Field<LocalDate> from, Field<LocalDate> to, Condition... recipient) {
    List<Condition> which = new ArrayList<>();
    which.add(ofKind(kind));
    which.addAll(List.of(recipient));
    which.add(OUTBOX.LOCAL_DATE.between(from, to));
    return DSL.field(DSL.select(DSL.arrayAgg(OUTBOX.LOCAL_DATE)).from(OUTBOX).where(which));
  }

  private static Condition noneYet(
      DeliveryKind kind, Field<LocalDate> localDate, Condition... recipient) {
    List<Condition> which = new ArrayList<>();
    which.add(ofKind(kind));
    which.addAll(List.of(recipient));
    which.add(OUTBOX.LOCAL_DATE.eq(localDate));
    return DSL.notExists(DSL.selectOne().from(OUTBOX).where(which));
  }

  /**
   * Rows of {@code kind}, said in a literal: the outbox's once-only indexes are partial (by kind),
   * and a prepared statement's generic plan can use a partial index only if the query's text
   * implies its predicate, which a bound value does not. With the kind bound, a probe for "already
   * sent today" read the whole outbox once PostgreSQL chose the generic plan.
   */
  private static Condition ofKind(DeliveryKind kind) {
    return OUTBOX.KIND.eq(DSL.inline(kind.key()));
  }

  /**
   * The app was removed from the workspace: what was waiting to go is dropped. A row held by a
   * worker right now is left to its attempt. Returns how many were dropped.
   */
  public int dropPendingOf(long workspaceId) {
    return dsl.update(OUTBOX)
        .set(OUTBOX.STATUS, OutboxStatus.DROPPED.key())
        .set(OUTBOX.LAST_ERROR, "the app was removed from the workspace")
        .where(
            OUTBOX.WORKSPACE_ID.eq(workspaceId),
            OUTBOX.STATUS.eq(OutboxStatus.PENDING.key()),
            OUTBOX.LEASE_UNTIL.isNull())
        .execute();
  }

  /**
   * One row, due now; false when a kind kept once a member (or channel) and day already has its row
   * for that day, or when the workspace removed the app ({@link Workspaces#withTheApp}: nothing
   * waits there to be sent).
   */
  private boolean insert(
      DeliveryKind kind,
      long workspaceId,
      Optional<Long> memberId,
      Optional<Long> channelId,
      LocalDate localDate,
      Optional<String> text,
      Instant now) {
    return dsl.insertInto(
                OUTBOX,
                OUTBOX.WORKSPACE_ID,
                OUTBOX.KIND,
                OUTBOX.MEMBER_ID,
                OUTBOX.CHANNEL_ID,
                OUTBOX.LOCAL_DATE,
                OUTBOX.PAYLOAD,
                OUTBOX.NEXT_ATTEMPT_AT,
                OUTBOX.CREATED_AT,
                OUTBOX.ACTOR_MEMBER_ID)
            .select(
                DSL.select(
                        DSL.val(workspaceId, OUTBOX.WORKSPACE_ID),
                        DSL.val(kind.key(), OUTBOX.KIND),
                        DSL.val(memberId.orElse(null), OUTBOX.MEMBER_ID),
                        DSL.val(channelId.orElse(null), OUTBOX.CHANNEL_ID),
                        DSL.val(localDate, OUTBOX.LOCAL_DATE),
                        DSL.val(
                            text.map(t -> payload(Map.of("text", t))).orElse(null), OUTBOX.PAYLOAD),
                        DSL.val(Times.utc(now), OUTBOX.NEXT_ATTEMPT_AT),
                        DSL.val(Times.utc(now), OUTBOX.CREATED_AT),
                        DSL.val(actor.orElse(null), OUTBOX.ACTOR_MEMBER_ID))
                    .from(WORKSPACE)
                    .where(WORKSPACE.ID.eq(workspaceId))
                    .and(Workspaces.withTheApp()))
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  static JSONB payload(Map<String, String> values) {
    try {
      return JSONB.valueOf(JSON.writeValueAsString(values));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String payloadText(JSONB payload, String key) {
    if (payload == null) {
      return "";
    }
    try {
      return JSON.readTree(payload.data()).path(key).asText("");
    } catch (JsonProcessingException e) {
      return "";
    }
  }
}
