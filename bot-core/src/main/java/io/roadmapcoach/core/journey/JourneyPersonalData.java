package io.roadmapcoach.core.journey;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_DAY;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static io.roadmapcoach.db.schema.Tables.PROGRESS_EVENT;
import static io.roadmapcoach.db.schema.Tables.ROADMAP;
import static io.roadmapcoach.db.schema.Tables.ROADMAP_PREVIEW;
import static io.roadmapcoach.db.schema.Tables.WEEKLY_POINTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roadmapcoach.core.member.ExportRows;
import io.roadmapcoach.core.member.PersonalData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The member's journey (stage, points, streak, objectives done), their weekly points, their
 * progress events and their days in the channels' history. All but the days go with the member's
 * row (foreign keys); the days stay, without the member's id.
 */
public final class JourneyPersonalData implements PersonalData {
  private final DSLContext dsl;

  public JourneyPersonalData(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Map<String, String> sectionsByTable() {
    return Map.of(
        "enrollment", "journey",
        "journey", "journeys",
        "roadmap", "roadmaps_uploaded",
        "roadmap_preview", "roadmaps_uploaded",
        "channel", "roadmaps_uploaded",
        "objective_done", "journey",
        "weekly_points", "weekly_points",
        "progress_event", "progress_events",
        "channel_day", "progress_days");
  }

  @Override
  public Map<String, String> sectionsByColumn() {
    return Map.of("progress_event.actor_id", "progress_you_set_for_others");
  }

  @Override
  public void export(Subject who, ObjectNode file) {
    long id = who.memberId();
    file.set(
        "journey",
        journey(id)
            .<JsonNode>map(
                j -> {
                  ObjectNode journey = ExportRows.row(j);
                  journey.set("objectives_done", ExportRows.rows(objectivesDone(id)));
                  return journey;
                })
            .orElse(JsonNodeFactory.instance.nullNode()));
    file.set("journeys", ExportRows.rows(journeys(id)));
    file.set("roadmaps_uploaded", ExportRows.rows(roadmapsUploaded(id)));
    file.set("weekly_points", ExportRows.rows(weeklyPoints(id)));
    file.set("progress_events", ExportRows.rows(progressEvents(id)));
    file.set("progress_you_set_for_others", ExportRows.rows(progressSetForOthers(id)));
    file.set("progress_days", ExportRows.rows(progressDays(id)));
  }

  /**
   * The member's days in the channels' history stay, counted without their id: past weeks keep what
   * they were (see {@link ChannelDays}).
   */
  @Override
  public void erase(Subject who) {
    new ChannelDays(dsl).anonymise(who.memberId());
  }

  @Override
  public Map<Counted, Integer> counts(Subject who) {
    return Map.of(
        Counted.PROGRESS_EVENTS,
        dsl.fetchCount(PROGRESS_EVENT, PROGRESS_EVENT.MEMBER_ID.eq(who.memberId())),
        Counted.JOURNEY,
        dsl.fetchExists(ENROLLMENT, ENROLLMENT.MEMBER_ID.eq(who.memberId())) ? 1 : 0);
  }

  private Optional<Record> journey(long memberId) {
    return dsl.select(
            CHANNEL.NAME.as("home_channel"),
            JOURNEY.STAGE,
            JOURNEY.GRADUATED_AT,
            JOURNEY.POINTS,
            JOURNEY.POINTS_REACHED_AT,
            ENROLLMENT.STREAK_DAYS,
            ENROLLMENT.STREAK_LAST_DATE,
            ENROLLMENT.FREEZE_WEEK,
            ENROLLMENT.LAST_ACTIVITY_AT,
            ENROLLMENT.LAST_ACTIVE_DATE,
            ENROLLMENT.ENROLLED_AT)
        .from(ENROLLMENT)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
        // the home journey's stage and points; every journey is listed under "journeys"
        .leftJoin(JOURNEY)
        .on(EnrollmentRepository.homeJourney())
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .fetchOptional()
        .map(r -> (Record) r);
  }

  /**
   * The roadmap files the member uploaded (as stored now, or waiting for Apply) and the channels
   * whose roadmap they chose. Erasing the member keeps the roadmaps, without their name: the
   * columns naming them are set to nobody.
   */
  private List<Record> roadmapsUploaded(long memberId) {
    List<Record> rows = new java.util.ArrayList<>();
    dsl.select(
            ROADMAP.KEY.as("roadmap"),
            ROADMAP.TITLE,
            ROADMAP.VERSION,
            DSL.inline("uploaded").as("what"),
            ROADMAP.UPLOADED_AT.as("at"))
        .from(ROADMAP)
        .where(ROADMAP.UPLOADED_BY.eq(memberId))
        .unionAll(
            DSL.select(
                    ROADMAP_PREVIEW.ROADMAP_KEY,
                    ROADMAP_PREVIEW.FILE_NAME,
                    ROADMAP_PREVIEW.BASE_VERSION,
                    DSL.inline("previewed"),
                    ROADMAP_PREVIEW.CREATED_AT)
                .from(ROADMAP_PREVIEW)
                .where(ROADMAP_PREVIEW.UPLOADED_BY.eq(memberId)))
        .unionAll(
            DSL.select(
                    CHANNEL.NAME,
                    ROADMAP.TITLE,
                    ROADMAP.VERSION,
                    DSL.inline("chosen for the channel"),
                    CHANNEL.ROADMAP_SET_AT)
                .from(CHANNEL)
                .join(ROADMAP)
                .on(ROADMAP.ID.eq(CHANNEL.ROADMAP_ID))
                .where(CHANNEL.ROADMAP_SET_BY.eq(memberId)))
        .fetch()
        .forEach(rows::add);
    return rows;
  }

  /** Each roadmap's journey: its stage and points (the streak above is the member's own). */
  private List<Record> journeys(long memberId) {
    return dsl.select(
            ROADMAP.KEY.as("roadmap"),
            ROADMAP.TITLE,
            JOURNEY.STAGE,
            JOURNEY.GRADUATED_AT,
            JOURNEY.POINTS,
            JOURNEY.POINTS_REACHED_AT,
            JOURNEY.STARTED_AT)
        .from(JOURNEY)
        .join(ROADMAP)
        .on(ROADMAP.ID.eq(JOURNEY.ROADMAP_ID))
        .where(JOURNEY.MEMBER_ID.eq(memberId))
        .orderBy(JOURNEY.STARTED_AT, JOURNEY.ROADMAP_ID)
        .fetch()
        .map(r -> (Record) r);
  }

  /**
   * Every objective checked off, on every roadmap; one a new version removed keeps its id, with no
   * stage or position.
   */
  private List<Record> objectivesDone(long memberId) {
    return dsl.select(
            ROADMAP.KEY.as("roadmap"),
            OBJECTIVE_DONE.OBJECTIVE_ID,
            OBJECTIVE_DONE.STAGE,
            OBJECTIVE_DONE.OBJECTIVE,
            OBJECTIVE_DONE.DONE_AT)
        .from(OBJECTIVE_DONE)
        .join(ROADMAP)
        .on(ROADMAP.ID.eq(OBJECTIVE_DONE.ROADMAP_ID))
        .where(OBJECTIVE_DONE.MEMBER_ID.eq(memberId))
        .orderBy(OBJECTIVE_DONE.DONE_AT, OBJECTIVE_DONE.STAGE, OBJECTIVE_DONE.OBJECTIVE)
        .fetch()
        .map(r -> (Record) r);
  }

  private List<Record> weeklyPoints(long memberId) {
    return dsl.select(
            CHANNEL.NAME.as("channel"),
            WEEKLY_POINTS.WEEK_START,
            WEEKLY_POINTS.POINTS,
            WEEKLY_POINTS.REACHED_AT)
        .from(WEEKLY_POINTS)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(WEEKLY_POINTS.CHANNEL_ID))
        .where(WEEKLY_POINTS.MEMBER_ID.eq(memberId))
        .orderBy(WEEKLY_POINTS.WEEK_START, CHANNEL.NAME)
        .fetch()
        .map(r -> (Record) r);
  }

  private List<Record> progressDays(long memberId) {
    return dsl.select(
            CHANNEL.NAME.as("channel"),
            CHANNEL_DAY.LOCAL_DATE,
            CHANNEL_DAY.OBJECTIVES,
            CHANNEL_DAY.ACTIVITY)
        .from(CHANNEL_DAY)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(CHANNEL_DAY.CHANNEL_ID))
        .where(CHANNEL_DAY.MEMBER_ID.eq(memberId))
        .orderBy(CHANNEL_DAY.LOCAL_DATE, CHANNEL.NAME)
        .fetch()
        .map(r -> (Record) r);
  }

  /** What the member did to others' journeys as their lead ({@code set-stage}), and to whom. */
  private List<Record> progressSetForOthers(long memberId) {
    var member = MEMBER.as("member");
    return dsl.select(
            PROGRESS_EVENT.OCCURRED_AT,
            PROGRESS_EVENT.KIND,
            CHANNEL.NAME.as("channel"),
            member.DISPLAY_NAME.as("member"),
            PROGRESS_EVENT.STAGE,
            PROGRESS_EVENT.POINTS)
        .from(PROGRESS_EVENT)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(PROGRESS_EVENT.CHANNEL_ID))
        .join(member)
        .on(member.ID.eq(PROGRESS_EVENT.MEMBER_ID))
        .where(PROGRESS_EVENT.ACTOR_ID.eq(memberId))
        .and(PROGRESS_EVENT.MEMBER_ID.ne(memberId))
        .orderBy(PROGRESS_EVENT.OCCURRED_AT, PROGRESS_EVENT.ID)
        .fetch()
        .map(r -> (Record) r);
  }

  private List<Record> progressEvents(long memberId) {
    var actor = MEMBER.as("actor");
    return dsl.select(
            PROGRESS_EVENT.OCCURRED_AT,
            PROGRESS_EVENT.LOCAL_DATE,
            PROGRESS_EVENT.KIND,
            CHANNEL.NAME.as("channel"),
            PROGRESS_EVENT.STAGE,
            PROGRESS_EVENT.OBJECTIVE,
            PROGRESS_EVENT.POINTS,
            PROGRESS_EVENT.STREAK_DAYS,
            actor.DISPLAY_NAME.as("by_lead"))
        .from(PROGRESS_EVENT)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(PROGRESS_EVENT.CHANNEL_ID))
        .leftJoin(actor)
        .on(actor.ID.eq(PROGRESS_EVENT.ACTOR_ID))
        .where(PROGRESS_EVENT.MEMBER_ID.eq(memberId))
        .orderBy(PROGRESS_EVENT.OCCURRED_AT, PROGRESS_EVENT.ID)
        .fetch()
        .map(r -> (Record) r);
  }
}
