package io.roadmapcoach.core.delivery;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roadmapcoach.core.member.ExportRows;
import io.roadmapcoach.core.member.PersonalData;
import io.roadmapcoach.db.schema.tables.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What the bot sent (or is to send) the member, with the words stored for it (notices; the others
 * are written when sent), and its messages to others that tell of what the member did (a lead's
 * nudge, a stage they set, their finished stage, their leaving). The outbox keeps plain ids (no
 * foreign keys, for the sweep's speed), so erasing deletes the member's rows here, and unlinks them
 * from messages for others and takes their name out of the words.
 */
public final class DeliveryPersonalData implements PersonalData {
  private static final Member RECIPIENT = MEMBER.as("recipient");

  private final DSLContext dsl;

  public DeliveryPersonalData(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Map<String, String> sectionsByTable() {
    return Map.of("outbox", "deliveries");
  }

  @Override
  public Map<String, String> sectionsByColumn() {
    return Map.of("outbox.actor_member_id", "messages_to_others_about_you");
  }

  @Override
  public void export(Subject who, ObjectNode file) {
    file.set("deliveries", withTexts(deliveries(who.memberId())));
    file.set("messages_to_others_about_you", withTexts(aboutToOthers(who.memberId())));
  }

  /** The rows, each with the words stored for it as {@code text} in place of the payload. */
  private static ArrayNode withTexts(List<Record> deliveries) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Record d : deliveries) {
      ObjectNode row = ExportRows.row(d);
      JsonNode payload = row.remove("payload");
      if (payload != null && payload.hasNonNull("text")) {
        row.put("text", payload.get("text").asText());
      }
      out.add(row);
    }
    return out;
  }

  @Override
  public Map<Counted, Integer> counts(Subject who) {
    return Map.of(Counted.DELIVERIES, dsl.fetchCount(OUTBOX, OUTBOX.MEMBER_ID.eq(who.memberId())));
  }

  @Override
  public void erase(Subject who) {
    dsl.deleteFrom(OUTBOX).where(OUTBOX.MEMBER_ID.eq(who.memberId())).execute();
    scrubName(who);
    dsl.update(OUTBOX)
        .setNull(OUTBOX.ACTOR_MEMBER_ID)
        .where(OUTBOX.ACTOR_MEMBER_ID.eq(who.memberId()))
        .execute();
  }

  @Override
  public int eraseWorkspace(Workspace workspace) {
    return dsl.deleteFrom(OUTBOX).where(OUTBOX.WORKSPACE_ID.eq(workspace.id())).execute();
  }

  /** Everything the bot sent (or is to send) to the member, and the channel it was about. */
  private List<Record> deliveries(long memberId) {
    return exported(OUTBOX.MEMBER_ID.eq(memberId), List.of());
  }

  /**
   * The messages to others (a member, or a channel) that tell of what the member did, and to whom.
   */
  private List<Record> aboutToOthers(long memberId) {
    return exported(OUTBOX.ACTOR_MEMBER_ID.eq(memberId), List.of(RECIPIENT.DISPLAY_NAME.as("to")));
  }

  /** The outbox's rows as the export shows them, oldest first; {@code more} after the channel. */
  private List<Record> exported(Condition which, List<SelectField<?>> more) {
    List<SelectField<?>> fields =
        new ArrayList<>(List.of(OUTBOX.KIND, OUTBOX.LOCAL_DATE, CHANNEL.NAME.as("channel")));
    fields.addAll(more);
    fields.addAll(List.of(OUTBOX.STATUS, OUTBOX.CREATED_AT, OUTBOX.SENT_AT, OUTBOX.PAYLOAD));
    return dsl.select(fields)
        .from(OUTBOX)
        .leftJoin(CHANNEL)
        .on(CHANNEL.ID.eq(OUTBOX.CHANNEL_ID))
        .leftJoin(RECIPIENT)
        .on(RECIPIENT.ID.eq(OUTBOX.MEMBER_ID))
        .where(which)
        .orderBy(OUTBOX.CREATED_AT, OUTBOX.ID)
        .fetch()
        .map(r -> (Record) r);
  }

  /**
   * Messages for others that name the member (a lead's nudge, a stage they set, a buddy who stepped
   * out, a finished stage announced) keep their news but lose the name: "A member", or "A lead" for
   * a lead's nudge.
   */
  private void scrubName(Subject who) {
    String name = who.displayName();
    if (name == null || name.isBlank()) {
      return;
    }
    // the name as a whole word, its characters taken literally
    Field<String> word = DSL.inline("\\m" + literally(name.strip()) + "\\M");
    Field<String> text = DSL.field("({0} ->> 'text')", SQLDataType.VARCHAR, OUTBOX.PAYLOAD);
    Field<String> instead =
        DSL.when(OUTBOX.KIND.eq(DeliveryKind.LEAD_NUDGE.key()), DSL.inline("A lead"))
            .otherwise(DSL.inline("A member"));
    dsl.update(OUTBOX)
        .set(
            OUTBOX.PAYLOAD,
            DSL.field(
                "jsonb_set({0}, array['text'], to_jsonb(regexp_replace({1}, {2}, {3}, 'g')))",
                OUTBOX.PAYLOAD.getDataType(), OUTBOX.PAYLOAD, text, word, instead))
        .where(
            OUTBOX.WORKSPACE_ID.eq(who.workspaceId()),
            OUTBOX.MEMBER_ID.ne(who.memberId()).or(OUTBOX.MEMBER_ID.isNull()),
            DSL.condition("{0} ~ {1}", text, word))
        .execute();
  }

  /** A name with PostgreSQL's regular-expression characters escaped. */
  private static String literally(String name) {
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray()) {
      if ("\\.^$|?*+()[]{}".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
