package io.roadmapcoach.core.member;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_LEAD;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The member's own row (profile and settings) and their places in channels, as members and as
 * leads. Erasing deletes the member's row, which takes with it, through the schema's foreign keys,
 * every row that names them by key; it comes last.
 */
public final class MemberPersonalData implements PersonalData {
  private final DSLContext dsl;

  public MemberPersonalData(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Map<String, String> sectionsByTable() {
    return Map.of("member", "profile", "channel_member", "channels", "channel_lead", "channels");
  }

  @Override
  public Map<String, String> sectionsByColumn() {
    return Map.of("channel_lead.granted_by", "leads_you_named");
  }

  @Override
  public void export(Subject who, ObjectNode file) {
    long id = who.memberId();
    file.set("profile", ExportRows.row(profile(id)));
    ArrayNode channels = ExportRows.rows(channels(id));
    leadRolesOutsideMemberships(id)
        .forEach(
            r -> {
              ObjectNode role = ExportRows.row(r);
              role.put("member", false);
              role.put("lead", true);
              channels.add(role);
            });
    file.set("channels", channels);
    file.set("leads_you_named", ExportRows.rows(leadsNamed(id)));
  }

  @Override
  public Map<Counted, Integer> counts(Subject who) {
    return Map.of(
        Counted.CHANNELS,
        dsl.fetchCount(CHANNEL_MEMBER, CHANNEL_MEMBER.MEMBER_ID.eq(who.memberId())),
        Counted.LEAD_ROLES,
        dsl.fetchCount(CHANNEL_LEAD, CHANNEL_LEAD.MEMBER_ID.eq(who.memberId())));
  }

  /**
   * Deletes the member's row: with it, through the schema's foreign keys, their journey,
   * objectives, events, quiz attempts and answers, boxes, points, memberships, lead roles and
   * dashboard links; it clears their name from events and roles they gave others ({@code actor_id},
   * {@code granted_by}).
   */
  @Override
  public void erase(Subject who) {
    dsl.deleteFrom(MEMBER).where(MEMBER.ID.eq(who.memberId())).execute();
  }

  private Record profile(long memberId) {
    return dsl.select(
            MEMBER.EXTERNAL_ID,
            MEMBER.DISPLAY_NAME,
            MEMBER.TIME_ZONE,
            MEMBER.PLATFORM_TIME_ZONE,
            MEMBER.PLATFORM_ADMIN,
            MEMBER.REMIND_ENABLED,
            MEMBER.REMIND_TIME,
            MEMBER.REMIND_DAYS,
            MEMBER.REMIND_VIA,
            MEMBER.SNOOZED_FROM,
            MEMBER.SNOOZED_UNTIL,
            MEMBER.HIDDEN_FROM_LEADERBOARD,
            MEMBER.DM_CHANNEL_ID,
            MEMBER.DELIVERABLE,
            MEMBER.BUDDY_OPT_IN,
            MEMBER.EVENING_ENABLED,
            MEMBER.EVENING_TIME,
            MEMBER.UNANSWERED_NUDGES,
            MEMBER.NUDGES_PAUSED_AT,
            MEMBER.AWAY_SINCE,
            MEMBER.AWAY_UNTIL,
            MEMBER.AWAY_DAYS,
            MEMBER.HOLIDAY_DAYS,
            MEMBER.QUIZ_HELD_FOR,
            MEMBER.CREATED_AT)
        .from(MEMBER)
        .where(MEMBER.ID.eq(memberId))
        .fetchSingle();
  }

  /** The member's channels, with their points there and their lead role, earliest joined first. */
  private List<Record> channels(long memberId) {
    return dsl.select(
            CHANNEL.EXTERNAL_ID.as("channel_id"),
            CHANNEL.NAME.as("channel"),
            CHANNEL_MEMBER.JOINED_AT,
            CHANNEL_MEMBER.POINTS,
            CHANNEL_MEMBER.POINTS_REACHED_AT,
            DSL.field(ENROLLMENT.CHANNEL_ID.eq(CHANNEL.ID)).as("home"),
            DSL.field(CHANNEL_LEAD.MEMBER_ID.isNotNull()).as("lead"),
            CHANNEL_LEAD.GRANTED_AT.as("lead_since"),
            CHANNEL_LEAD.DIGEST.as("weekly_digest"))
        .from(CHANNEL_MEMBER)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(CHANNEL_MEMBER.CHANNEL_ID))
        .leftJoin(ENROLLMENT)
        .on(ENROLLMENT.MEMBER_ID.eq(CHANNEL_MEMBER.MEMBER_ID))
        .leftJoin(CHANNEL_LEAD)
        .on(
            CHANNEL_LEAD.CHANNEL_ID.eq(CHANNEL_MEMBER.CHANNEL_ID),
            CHANNEL_LEAD.MEMBER_ID.eq(CHANNEL_MEMBER.MEMBER_ID))
        .where(CHANNEL_MEMBER.MEMBER_ID.eq(memberId))
        .orderBy(CHANNEL_MEMBER.JOINED_AT, CHANNEL.ID)
        .fetch()
        .map(r -> (Record) r);
  }

  /** The lead roles the member gave (with {@code lead @member}), and to whom. */
  private List<Record> leadsNamed(long memberId) {
    var lead = MEMBER.as("lead");
    return dsl.select(
            CHANNEL.NAME.as("channel"),
            lead.DISPLAY_NAME.as("lead"),
            CHANNEL_LEAD.GRANTED_AT.as("named_at"))
        .from(CHANNEL_LEAD)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(CHANNEL_LEAD.CHANNEL_ID))
        .join(lead)
        .on(lead.ID.eq(CHANNEL_LEAD.MEMBER_ID))
        .where(CHANNEL_LEAD.GRANTED_BY.eq(memberId))
        .orderBy(CHANNEL_LEAD.GRANTED_AT, CHANNEL.ID)
        .fetch()
        .map(r -> (Record) r);
  }

  /** Lead roles in channels the member is not (or no longer) a member of. */
  private List<Record> leadRolesOutsideMemberships(long memberId) {
    return dsl.select(
            CHANNEL.EXTERNAL_ID.as("channel_id"),
            CHANNEL.NAME.as("channel"),
            CHANNEL_LEAD.GRANTED_AT.as("lead_since"),
            CHANNEL_LEAD.DIGEST.as("weekly_digest"))
        .from(CHANNEL_LEAD)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(CHANNEL_LEAD.CHANNEL_ID))
        .where(CHANNEL_LEAD.MEMBER_ID.eq(memberId))
        .andNotExists(
            DSL.selectOne()
                .from(CHANNEL_MEMBER)
                .where(
                    CHANNEL_MEMBER.CHANNEL_ID.eq(CHANNEL_LEAD.CHANNEL_ID),
                    CHANNEL_MEMBER.MEMBER_ID.eq(memberId)))
        .orderBy(CHANNEL_LEAD.GRANTED_AT)
        .fetch()
        .map(r -> (Record) r);
  }
}
