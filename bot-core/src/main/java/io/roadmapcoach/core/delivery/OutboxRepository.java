package io.roadmapcoach.core.delivery;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** Writes deliveries into the outbox, in the caller's transaction. */
public final class OutboxRepository {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DSLContext dsl;

  public OutboxRepository(DSLContext dsl) {
    this.dsl = dsl;
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
   * One row, due now; false when a kind kept once a member (or channel) and day already has its row
   * for that day.
   */
  private boolean insert(
      DeliveryKind kind,
      long workspaceId,
      Optional<Long> memberId,
      Optional<Long> channelId,
      LocalDate localDate,
      Optional<String> text,
      Instant now) {
    return dsl.insertInto(OUTBOX)
            .set(OUTBOX.WORKSPACE_ID, workspaceId)
            .set(OUTBOX.KIND, kind.key())
            .set(OUTBOX.MEMBER_ID, memberId.orElse(null))
            .set(OUTBOX.CHANNEL_ID, channelId.orElse(null))
            .set(OUTBOX.LOCAL_DATE, localDate)
            .set(OUTBOX.PAYLOAD, text.map(t -> payload(Map.of("text", t))).orElse(null))
            .set(OUTBOX.NEXT_ATTEMPT_AT, Times.utc(now))
            .set(OUTBOX.CREATED_AT, Times.utc(now))
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
