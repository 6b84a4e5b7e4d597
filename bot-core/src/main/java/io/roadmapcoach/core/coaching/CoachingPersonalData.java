package io.roadmapcoach.core.coaching;

import static io.roadmapcoach.db.schema.Tables.BUDDY_MATCH;
import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_HOLIDAY;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roadmapcoach.core.member.ExportRows;
import io.roadmapcoach.core.member.PersonalData;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The weeks the member was paired with study buddies, and the days off they set for channels they
 * lead. Both go with the member's row (foreign keys).
 */
public final class CoachingPersonalData implements PersonalData {
  private final DSLContext dsl;

  public CoachingPersonalData(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Map<String, String> sectionsByTable() {
    return Map.of("buddy_match", "study_buddies", "channel_holiday", "days_off_you_set");
  }

  @Override
  public Map<String, String> sectionsByColumn() {
    return Map.of("channel_holiday.set_by", "days_off_you_set");
  }

  @Override
  public void export(Subject who, ObjectNode file) {
    file.set("study_buddies", ExportRows.rows(buddyWeeks(who.memberId())));
    file.set("days_off_you_set", ExportRows.rows(holidaysSet(who.memberId())));
  }

  /** The weeks the member was paired with study buddies, and where. */
  private List<Record> buddyWeeks(long memberId) {
    return dsl.select(
            BUDDY_MATCH.WEEK_START,
            CHANNEL.NAME.as("channel"),
            BUDDY_MATCH.GROUP_SIZE,
            BUDDY_MATCH.ENDED_AT)
        .from(BUDDY_MATCH)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(BUDDY_MATCH.CHANNEL_ID))
        .where(BUDDY_MATCH.MEMBER_ID.eq(memberId))
        .orderBy(BUDDY_MATCH.WEEK_START)
        .fetch()
        .map(r -> (Record) r);
  }

  /** The days off the member set for channels they lead. */
  private List<Record> holidaysSet(long memberId) {
    return dsl.select(CHANNEL.NAME.as("channel"), CHANNEL_HOLIDAY.DAY, CHANNEL_HOLIDAY.CREATED_AT)
        .from(CHANNEL_HOLIDAY)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(CHANNEL_HOLIDAY.CHANNEL_ID))
        .where(CHANNEL_HOLIDAY.SET_BY.eq(memberId))
        .orderBy(CHANNEL_HOLIDAY.DAY, CHANNEL.ID)
        .fetch()
        .map(r -> (Record) r);
  }
}
