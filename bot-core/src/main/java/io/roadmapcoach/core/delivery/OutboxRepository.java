package io.roadmapcoach.core.delivery;

import static io.roadmapcoach.db.schema.Tables.OUTBOX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
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
    dsl.insertInto(OUTBOX)
        .set(OUTBOX.WORKSPACE_ID, workspaceId)
        .set(OUTBOX.KIND, DeliveryKind.NOTICE.key())
        .set(OUTBOX.MEMBER_ID, memberId)
        .set(OUTBOX.LOCAL_DATE, localDate)
        .set(OUTBOX.PAYLOAD, payload(Map.of("text", text)))
        .set(OUTBOX.NEXT_ATTEMPT_AT, Times.utc(now))
        .set(OUTBOX.CREATED_AT, Times.utc(now))
        .execute();
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
