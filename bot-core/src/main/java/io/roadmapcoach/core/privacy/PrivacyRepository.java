package io.roadmapcoach.core.privacy;

import static io.roadmapcoach.db.schema.Tables.BUDDY_MATCH;
import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_HOLIDAY;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_LEAD;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.INSTALLATION;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static io.roadmapcoach.db.schema.Tables.OUTBOX;
import static io.roadmapcoach.db.schema.Tables.PROGRESS_EVENT;
import static io.roadmapcoach.db.schema.Tables.QUESTION_BOX;
import static io.roadmapcoach.db.schema.Tables.QUIZ_ATTEMPT;
import static io.roadmapcoach.db.schema.Tables.QUIZ_QUESTION;
import static io.roadmapcoach.db.schema.Tables.SWEEP_SLICE;
import static io.roadmapcoach.db.schema.Tables.WEEKLY_POINTS;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.caller.Caller;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Everything stored about one member, read for their export and deleted for their erasure. Found by
 * who they are on the platform, never created: asking what is kept stores nothing.
 */
final class PrivacyRepository {
  private final DSLContext dsl;

  PrivacyRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The member the caller is in their workspace, if the coach has ever stored them. */
  record Identity(
      long memberId,
      long workspaceId,
      String platform,
      String workspaceExternalId,
      String workspaceName,
      String externalId,
      String displayName) {}

  Optional<Identity> identify(Caller caller) {
    return dsl.select(
            MEMBER.ID,
            MEMBER.WORKSPACE_ID,
            WORKSPACE.PLATFORM,
            WORKSPACE.EXTERNAL_ID,
            WORKSPACE.NAME,
            MEMBER.EXTERNAL_ID,
            MEMBER.DISPLAY_NAME)
        .from(MEMBER)
        .join(WORKSPACE)
        .on(WORKSPACE.ID.eq(MEMBER.WORKSPACE_ID))
        .where(
            WORKSPACE.PLATFORM.eq(caller.platform().key()),
            WORKSPACE.EXTERNAL_ID.eq(caller.workspaceId()),
            MEMBER.EXTERNAL_ID.eq(caller.userId()))
        .fetchOptional(
            r ->
                new Identity(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7()));
  }

  /** Locks the member's row: the sweep skips a locked member, so nothing new is queued for them. */
  void lock(long memberId) {
    dsl.select(MEMBER.ID).from(MEMBER).where(MEMBER.ID.eq(memberId)).forUpdate().execute();
  }

  // ---- what is kept: one read per kind of record

  Record profile(long memberId) {
    return dsl.select(
            MEMBER.EXTERNAL_ID,
            MEMBER.DISPLAY_NAME,
            MEMBER.TIME_ZONE,
            MEMBER.PLATFORM_TIME_ZONE,
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
            MEMBER.CREATED_AT)
        .from(MEMBER)
        .where(MEMBER.ID.eq(memberId))
        .fetchSingle();
  }

  /** The member's channels, with their points there and their lead role, earliest joined first. */
  List<Record> channels(long memberId) {
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

  /** Lead roles in channels the member is not (or no longer) a member of. */
  List<Record> leadRolesOutsideMemberships(long memberId) {
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

  Optional<Record> journey(long memberId) {
    return dsl.select(
            CHANNEL.NAME.as("home_channel"),
            ENROLLMENT.STAGE,
            ENROLLMENT.GRADUATED_AT,
            ENROLLMENT.POINTS,
            ENROLLMENT.POINTS_REACHED_AT,
            ENROLLMENT.STREAK_DAYS,
            ENROLLMENT.STREAK_LAST_DATE,
            ENROLLMENT.FREEZE_WEEK,
            ENROLLMENT.LAST_ACTIVITY_AT,
            ENROLLMENT.LAST_ACTIVE_DATE,
            ENROLLMENT.ENROLLED_AT)
        .from(ENROLLMENT)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
        .where(ENROLLMENT.MEMBER_ID.eq(memberId))
        .fetchOptional()
        .map(r -> (Record) r);
  }

  List<Record> objectivesDone(long memberId) {
    return dsl.select(OBJECTIVE_DONE.STAGE, OBJECTIVE_DONE.OBJECTIVE, OBJECTIVE_DONE.DONE_AT)
        .from(OBJECTIVE_DONE)
        .where(OBJECTIVE_DONE.MEMBER_ID.eq(memberId))
        .orderBy(OBJECTIVE_DONE.DONE_AT, OBJECTIVE_DONE.STAGE, OBJECTIVE_DONE.OBJECTIVE)
        .fetch()
        .map(r -> (Record) r);
  }

  List<Record> weeklyPoints(long memberId) {
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

  List<Record> progressEvents(long memberId) {
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

  List<Record> quizAttempts(long memberId) {
    return dsl.select(
            QUIZ_ATTEMPT.ID,
            QUIZ_ATTEMPT.STAGE,
            QUIZ_ATTEMPT.REVIEW,
            QUIZ_ATTEMPT.STATUS,
            QUIZ_ATTEMPT.STARTED_AT,
            QUIZ_ATTEMPT.EXPIRES_AT,
            QUIZ_ATTEMPT.FINISHED_AT,
            QUIZ_ATTEMPT.QUESTION_COUNT,
            QUIZ_ATTEMPT.SCORE,
            QUIZ_ATTEMPT.PASSED)
        .from(QUIZ_ATTEMPT)
        .where(QUIZ_ATTEMPT.MEMBER_ID.eq(memberId))
        .orderBy(QUIZ_ATTEMPT.STARTED_AT, QUIZ_ATTEMPT.ID)
        .fetch()
        .map(r -> (Record) r);
  }

  List<Record> quizQuestions(long memberId) {
    return dsl.select(
            QUIZ_QUESTION.ATTEMPT_ID,
            QUIZ_QUESTION.POSITION,
            QUIZ_QUESTION.QUESTION_ID,
            QUIZ_QUESTION.OPTION_ORDER,
            QUIZ_QUESTION.CHOSEN,
            QUIZ_QUESTION.CORRECT,
            QUIZ_QUESTION.ANSWERED_AT)
        .from(QUIZ_QUESTION)
        .join(QUIZ_ATTEMPT)
        .on(QUIZ_ATTEMPT.ID.eq(QUIZ_QUESTION.ATTEMPT_ID))
        .where(QUIZ_ATTEMPT.MEMBER_ID.eq(memberId))
        .orderBy(QUIZ_QUESTION.ATTEMPT_ID, QUIZ_QUESTION.POSITION)
        .fetch()
        .map(r -> (Record) r);
  }

  List<Record> questionBoxes(long memberId) {
    return dsl.select(
            QUESTION_BOX.QUESTION_ID,
            QUESTION_BOX.BOX,
            QUESTION_BOX.TIMES_ANSWERED,
            QUESTION_BOX.TIMES_WRONG,
            QUESTION_BOX.LAST_ANSWERED_AT)
        .from(QUESTION_BOX)
        .where(QUESTION_BOX.MEMBER_ID.eq(memberId))
        .orderBy(QUESTION_BOX.QUESTION_ID)
        .fetch()
        .map(r -> (Record) r);
  }

  /** Everything the bot sent (or is to send) to the member, and the channel it was about. */
  List<Record> deliveries(long memberId) {
    return dsl.select(
            OUTBOX.KIND,
            OUTBOX.LOCAL_DATE,
            CHANNEL.NAME.as("channel"),
            OUTBOX.STATUS,
            OUTBOX.CREATED_AT,
            OUTBOX.SENT_AT,
            OUTBOX.PAYLOAD)
        .from(OUTBOX)
        .leftJoin(CHANNEL)
        .on(CHANNEL.ID.eq(OUTBOX.CHANNEL_ID))
        .where(OUTBOX.MEMBER_ID.eq(memberId))
        .orderBy(OUTBOX.CREATED_AT, OUTBOX.ID)
        .fetch()
        .map(r -> (Record) r);
  }

  /** The weeks the member was paired with study buddies, and where. */
  List<Record> buddyWeeks(long memberId) {
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
  List<Record> holidaysSet(long memberId) {
    return dsl.select(CHANNEL.NAME.as("channel"), CHANNEL_HOLIDAY.DAY, CHANNEL_HOLIDAY.CREATED_AT)
        .from(CHANNEL_HOLIDAY)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(CHANNEL_HOLIDAY.CHANNEL_ID))
        .where(CHANNEL_HOLIDAY.SET_BY.eq(memberId))
        .orderBy(CHANNEL_HOLIDAY.DAY, CHANNEL.ID)
        .fetch()
        .map(r -> (Record) r);
  }

  /** The installation of the app the member made in their workspace, if they made it. */
  Optional<Record> installed(Identity who) {
    return dsl.select(INSTALLATION.INSTALLED_AT, INSTALLATION.BOT_SCOPES, INSTALLATION.UPDATED_AT)
        .from(INSTALLATION)
        .where(
            INSTALLATION.PLATFORM.eq(who.platform()),
            INSTALLATION.WORKSPACE_EXTERNAL_ID.eq(who.workspaceExternalId()),
            INSTALLATION.INSTALLER_USER_ID.eq(who.externalId()))
        .fetchOptional()
        .map(r -> (Record) r);
  }

  // ---- erasure

  /** The channels the member leads as their only named lead. */
  List<Long> channelsLedAlone(long memberId) {
    var other = CHANNEL_LEAD.as("other");
    return dsl.select(CHANNEL_LEAD.CHANNEL_ID)
        .from(CHANNEL_LEAD)
        .where(CHANNEL_LEAD.MEMBER_ID.eq(memberId))
        .andNotExists(
            DSL.selectOne()
                .from(other)
                .where(other.CHANNEL_ID.eq(CHANNEL_LEAD.CHANNEL_ID), other.MEMBER_ID.ne(memberId)))
        .orderBy(CHANNEL_LEAD.CHANNEL_ID)
        .fetch(CHANNEL_LEAD.CHANNEL_ID);
  }

  /** How many rows of each kind the member has, for the answer that says what was erased. */
  Erased.Counts counts(long memberId) {
    return new Erased.Counts(
        dsl.fetchCount(PROGRESS_EVENT, PROGRESS_EVENT.MEMBER_ID.eq(memberId)),
        dsl.fetchCount(
            QUIZ_QUESTION.join(QUIZ_ATTEMPT).on(QUIZ_ATTEMPT.ID.eq(QUIZ_QUESTION.ATTEMPT_ID)),
            QUIZ_ATTEMPT.MEMBER_ID.eq(memberId).and(QUIZ_QUESTION.ANSWERED_AT.isNotNull())),
        dsl.fetchCount(CHANNEL_MEMBER, CHANNEL_MEMBER.MEMBER_ID.eq(memberId)),
        dsl.fetchCount(CHANNEL_LEAD, CHANNEL_LEAD.MEMBER_ID.eq(memberId)),
        dsl.fetchCount(OUTBOX, OUTBOX.MEMBER_ID.eq(memberId)),
        dsl.fetchExists(ENROLLMENT, ENROLLMENT.MEMBER_ID.eq(memberId)));
  }

  /**
   * Deletes every row about the member. The member's own row goes last and takes with it, through
   * the schema's foreign keys, their journey, objectives, events, quiz attempts and answers, boxes,
   * points, memberships, lead roles and dashboard links; it clears their name from events and roles
   * they gave others ({@code actor_id}, {@code granted_by}). The rest holds plain ids or platform
   * ids and is deleted here by hand.
   */
  void erase(Identity who) {
    long id = who.memberId();
    // the outbox keeps plain ids (no foreign keys, for the sweep's speed)
    dsl.deleteFrom(OUTBOX).where(OUTBOX.MEMBER_ID.eq(id)).execute();
    // a swept slice is bounded by member ids; forgetting one only makes that minute's sweep read
    // the slice again, and the outbox's unique keys keep a nudge from doubling
    dsl.deleteFrom(SWEEP_SLICE)
        .where(SWEEP_SLICE.FIRST_MEMBER_ID.eq(id).or(SWEEP_SLICE.LAST_MEMBER_ID.eq(id)))
        .execute();
    // the installation stays (it is the workspace's), but not who made it
    dsl.update(INSTALLATION)
        .setNull(INSTALLATION.INSTALLER_USER_ID)
        .where(
            INSTALLATION.PLATFORM.eq(who.platform()),
            INSTALLATION.WORKSPACE_EXTERNAL_ID.eq(who.workspaceExternalId()),
            INSTALLATION.INSTALLER_USER_ID.eq(who.externalId()))
        .execute();
    scrubName(who);
    dsl.deleteFrom(MEMBER).where(MEMBER.ID.eq(id)).execute();
  }

  /**
   * Messages for others that name the member (a lead's nudge, a stage they set, a buddy who stepped
   * out, a finished stage announced) keep their news but lose the name: "A member", or "A lead" for
   * a lead's nudge.
   */
  private void scrubName(Identity who) {
    String name = who.displayName();
    if (name == null || name.isBlank()) {
      return;
    }
    // the name as a whole word, its characters taken literally
    Field<String> word = DSL.inline("\\m" + literally(name.strip()) + "\\M");
    Field<String> text = DSL.field("({0} ->> 'text')", SQLDataType.VARCHAR, OUTBOX.PAYLOAD);
    Field<String> instead =
        DSL.when(OUTBOX.KIND.eq("lead_nudge"), DSL.inline("A lead"))
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
