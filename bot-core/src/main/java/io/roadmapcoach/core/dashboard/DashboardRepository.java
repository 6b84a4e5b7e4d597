package io.roadmapcoach.core.dashboard;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_LEAD;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.DASHBOARD_LINK;
import static io.roadmapcoach.db.schema.Tables.DASHBOARD_SESSION;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static io.roadmapcoach.db.schema.Tables.QUIZ_ATTEMPT;
import static io.roadmapcoach.db.schema.Tables.QUIZ_QUESTION;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.journey.ChannelDays;
import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * Everything the leads' dashboard reads and writes: sign-in links and sessions (by the SHA-256 of
 * their secrets), which channels a lead may see, and each channel's figures.
 */
public final class DashboardRepository {

  private final DSLContext dsl;
  private final ChannelDays days;

  public DashboardRepository(DSLContext dsl) {
    this.dsl = dsl;
    this.days = new ChannelDays(dsl);
  }

  /**
   * The members of a channel, as a subquery of member ids. The one place that says who belongs to a
   * channel: today a member's one channel is their enrollment's.
   */
  private Select<Record1<Long>> membersOf(long channelId) {
    return DSL.select(CHANNEL_MEMBER.MEMBER_ID)
        .from(CHANNEL_MEMBER)
        .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId));
  }

  // ---- links and sessions

  /** A stored sign-in link or session, whose secret hashed to the key it was found by. */
  public record Grant(
      long memberId,
      long workspaceId,
      long channelId,
      boolean platformAdmin,
      Instant expiresAt,
      Optional<Instant> usedAt) {}

  public void saveLink(
      byte[] tokenHash,
      long memberId,
      long channelId,
      boolean platformAdmin,
      Instant now,
      Instant expiresAt) {
    dsl.insertInto(DASHBOARD_LINK)
        .set(DASHBOARD_LINK.TOKEN_HASH, tokenHash)
        .set(DASHBOARD_LINK.MEMBER_ID, memberId)
        .set(DASHBOARD_LINK.CHANNEL_ID, channelId)
        .set(DASHBOARD_LINK.PLATFORM_ADMIN, platformAdmin)
        .set(DASHBOARD_LINK.CREATED_AT, Times.utc(now))
        .set(DASHBOARD_LINK.EXPIRES_AT, Times.utc(expiresAt))
        .execute();
  }

  /** The link, used or not, expired or not. */
  public Optional<Grant> link(byte[] tokenHash) {
    return dsl.select(DASHBOARD_LINK.fields())
        .select(MEMBER.WORKSPACE_ID)
        .from(DASHBOARD_LINK)
        .join(MEMBER)
        .on(MEMBER.ID.eq(DASHBOARD_LINK.MEMBER_ID))
        .where(DASHBOARD_LINK.TOKEN_HASH.eq(tokenHash))
        .fetchOptional(
            r ->
                new Grant(
                    r.get(DASHBOARD_LINK.MEMBER_ID),
                    r.get(MEMBER.WORKSPACE_ID),
                    r.get(DASHBOARD_LINK.CHANNEL_ID),
                    r.get(DASHBOARD_LINK.PLATFORM_ADMIN),
                    Times.instant(r.get(DASHBOARD_LINK.EXPIRES_AT)),
                    Optional.ofNullable(Times.instant(r.get(DASHBOARD_LINK.USED_AT)))));
  }

  /**
   * Marks the link used if it is unused and unexpired, in one statement: of two requests at once,
   * one spends it and the other finds it spent.
   */
  public boolean spendLink(byte[] tokenHash, Instant now) {
    return dsl.update(DASHBOARD_LINK)
            .set(DASHBOARD_LINK.USED_AT, Times.utc(now))
            .where(
                DASHBOARD_LINK.TOKEN_HASH.eq(tokenHash),
                DASHBOARD_LINK.USED_AT.isNull(),
                DASHBOARD_LINK.EXPIRES_AT.gt(Times.utc(now)))
            .execute()
        == 1;
  }

  public void saveSession(byte[] idHash, Grant from, Instant now, Instant expiresAt) {
    dsl.insertInto(DASHBOARD_SESSION)
        .set(DASHBOARD_SESSION.ID_HASH, idHash)
        .set(DASHBOARD_SESSION.MEMBER_ID, from.memberId())
        .set(DASHBOARD_SESSION.CHANNEL_ID, from.channelId())
        .set(DASHBOARD_SESSION.PLATFORM_ADMIN, from.platformAdmin())
        .set(DASHBOARD_SESSION.CREATED_AT, Times.utc(now))
        .set(DASHBOARD_SESSION.EXPIRES_AT, Times.utc(expiresAt))
        .execute();
  }

  /**
   * The session, while it lasts and while what it was opened in still stands: its member (not
   * erased) in a workspace that has not removed the app. Which channels it shows is {@link
   * #channelsLed}'s to say, on every request.
   */
  public Optional<Grant> session(byte[] idHash, Instant now) {
    return dsl.select(DASHBOARD_SESSION.fields())
        .select(MEMBER.WORKSPACE_ID)
        .from(DASHBOARD_SESSION)
        .join(MEMBER)
        .on(MEMBER.ID.eq(DASHBOARD_SESSION.MEMBER_ID))
        .join(WORKSPACE)
        .on(WORKSPACE.ID.eq(MEMBER.WORKSPACE_ID))
        .where(
            DASHBOARD_SESSION.ID_HASH.eq(idHash),
            DASHBOARD_SESSION.EXPIRES_AT.gt(Times.utc(now)),
            WORKSPACE.REMOVED_AT.isNull())
        .fetchOptional(
            r ->
                new Grant(
                    r.get(DASHBOARD_SESSION.MEMBER_ID),
                    r.get(MEMBER.WORKSPACE_ID),
                    r.get(DASHBOARD_SESSION.CHANNEL_ID),
                    r.get(DASHBOARD_SESSION.PLATFORM_ADMIN),
                    Times.instant(r.get(DASHBOARD_SESSION.EXPIRES_AT)),
                    Optional.empty()));
  }

  /** Ends one session (signing out); false when there was none by that id. */
  public boolean endSession(byte[] idHash) {
    return dsl.deleteFrom(DASHBOARD_SESSION).where(DASHBOARD_SESSION.ID_HASH.eq(idHash)).execute()
        == 1;
  }

  /** Ends every session of the member (a new sign-in replaces them). */
  public int endSessionsOf(long memberId) {
    return dsl.deleteFrom(DASHBOARD_SESSION)
        .where(DASHBOARD_SESSION.MEMBER_ID.eq(memberId))
        .execute();
  }

  /**
   * Forgets sessions that have ended and links that expired over a day ago (kept that long so a
   * late click is told the link expired rather than that it never existed).
   */
  public void forgetExpired(Instant now) {
    dsl.deleteFrom(DASHBOARD_SESSION)
        .where(DASHBOARD_SESSION.EXPIRES_AT.le(Times.utc(now)))
        .execute();
    dsl.deleteFrom(DASHBOARD_LINK)
        .where(DASHBOARD_LINK.EXPIRES_AT.le(Times.utc(now.minus(java.time.Duration.ofDays(1)))))
        .execute();
  }

  // ---- who sees what

  /** Whether the member is a named lead of the channel. */
  public boolean isNamedLead(long channelId, long memberId) {
    return dsl.fetchExists(
        CHANNEL_LEAD, CHANNEL_LEAD.CHANNEL_ID.eq(channelId), CHANNEL_LEAD.MEMBER_ID.eq(memberId));
  }

  /** Whether the member is a named lead of any channel (of their workspace). */
  public boolean leadsAnyChannel(long memberId) {
    return dsl.fetchExists(CHANNEL_LEAD, CHANNEL_LEAD.MEMBER_ID.eq(memberId));
  }

  /**
   * The channels the grant's member leads now, by name: every channel of the workspace while the
   * platform last said they administer it, else those they are a named lead of. Read on every
   * request, so an {@code unlead} or an admin's lost rights take effect at once.
   */
  public List<Channel> channelsLed(Grant grant) {
    Condition admin =
        DSL.exists(
            DSL.selectOne()
                .from(MEMBER)
                .where(MEMBER.ID.eq(grant.memberId()), MEMBER.PLATFORM_ADMIN.isTrue()));
    Condition namedLead =
        DSL.exists(
            DSL.selectOne()
                .from(CHANNEL_LEAD)
                .where(
                    CHANNEL_LEAD.CHANNEL_ID.eq(CHANNEL.ID),
                    CHANNEL_LEAD.MEMBER_ID.eq(grant.memberId())));
    return dsl.select(CHANNEL.fields())
        .from(CHANNEL)
        .where(CHANNEL.WORKSPACE_ID.eq(grant.workspaceId()), admin.or(namedLead))
        .orderBy(CHANNEL.NAME, CHANNEL.ID)
        .fetch(r -> MemberRepository.channel(r.into(CHANNEL)));
  }

  /**
   * Who a lead is on their platform, speaking in one of the workspace's channels: what the
   * dashboard's forms send to the coach as their caller. Empty when the channel is not the member's
   * workspace's.
   */
  public Optional<Speaker> speaker(long memberId, long channelId) {
    return dsl.select(
            WORKSPACE.PLATFORM,
            WORKSPACE.EXTERNAL_ID,
            WORKSPACE.NAME,
            CHANNEL.EXTERNAL_ID,
            CHANNEL.NAME,
            MEMBER.EXTERNAL_ID,
            MEMBER.DISPLAY_NAME,
            MEMBER.PLATFORM_ADMIN)
        .from(MEMBER)
        .join(WORKSPACE)
        .on(WORKSPACE.ID.eq(MEMBER.WORKSPACE_ID))
        .join(CHANNEL)
        .on(CHANNEL.WORKSPACE_ID.eq(WORKSPACE.ID), CHANNEL.ID.eq(channelId))
        .where(MEMBER.ID.eq(memberId))
        .fetchOptional(Records.mapping(Speaker::new));
  }

  /** A member in a channel, by the platform's ids and names as last stored. */
  public record Speaker(
      String platform,
      String workspaceExternalId,
      String workspaceName,
      String channelExternalId,
      String channelName,
      String memberExternalId,
      String displayName,
      boolean platformAdmin) {}

  /** The member's display name, while they have not erased their data. */
  public Optional<String> displayName(long memberId) {
    return dsl.select(MEMBER.DISPLAY_NAME)
        .from(MEMBER)
        .where(MEMBER.ID.eq(memberId))
        .fetchOptional(MEMBER.DISPLAY_NAME);
  }

  // ---- a channel's figures

  /** Members on each stage of the channel's roadmap, not yet graduated: stage to count. */
  public java.util.Map<Integer, Integer> onStage(long channelId) {
    return dsl.select(JOURNEY.STAGE, DSL.count())
        .from(JOURNEY)
        .where(
            JOURNEY.MEMBER_ID.in(membersOf(channelId)),
            onRoadmapOf(channelId),
            JOURNEY.GRADUATED_AT.isNull())
        .groupBy(JOURNEY.STAGE)
        .fetchMap(JOURNEY.STAGE, DSL.count());
  }

  public int graduated(long channelId) {
    return dsl.fetchCount(
        JOURNEY,
        JOURNEY.MEMBER_ID.in(membersOf(channelId)),
        onRoadmapOf(channelId),
        JOURNEY.GRADUATED_AT.isNotNull());
  }

  /** The journey is on the roadmap the channel follows. */
  private static org.jooq.Condition onRoadmapOf(long channelId) {
    return JOURNEY.ROADMAP_ID.eq(onRoadmapOfField(channelId));
  }

  private static Field<Long> onRoadmapOfField(long channelId) {
    return DSL.field(DSL.select(CHANNEL.ROADMAP_ID).from(CHANNEL).where(CHANNEL.ID.eq(channelId)));
  }

  /** A week of activity by its Monday, for weeks that had any. */
  public record WeekCount(LocalDate monday, int objectivesDone, int activeMembers) {}

  /**
   * Objectives done and members active per week from {@code firstMonday} on, weeks counted in each
   * member's own calendar: the channel's history as it stood at the end of each day, members who
   * have since left or erased their data still counted ({@link ChannelDays}).
   */
  public List<WeekCount> weeks(long channelId, LocalDate firstMonday) {
    return days.weeks(channelId, firstMonday).stream()
        .map(w -> new WeekCount(w.monday(), w.objectivesDone(), w.activeMembers()))
        .toList();
  }

  /** A member of the channel with their journey and the objectives of their stage done. */
  public record MemberData(Member member, Enrollment enrollment, int objectivesDone) {}

  public List<MemberData> members(long channelId) {
    Field<Integer> done =
        DSL.field(
                DSL.selectCount()
                    .from(OBJECTIVE_DONE)
                    .where(
                        OBJECTIVE_DONE.MEMBER_ID.eq(JOURNEY.MEMBER_ID),
                        OBJECTIVE_DONE.ROADMAP_ID.eq(JOURNEY.ROADMAP_ID),
                        OBJECTIVE_DONE.STAGE.eq(JOURNEY.STAGE)))
            .as("objectives_done");
    return dsl.select(ENROLLMENT.fields())
        .select(JOURNEY.fields())
        .select(MEMBER.fields())
        .select(done)
        .from(ENROLLMENT)
        .join(JOURNEY)
        .on(EnrollmentRepository.journeyOn(onRoadmapOfField(channelId)))
        .join(MEMBER)
        .on(MEMBER.ID.eq(ENROLLMENT.MEMBER_ID))
        .where(ENROLLMENT.MEMBER_ID.in(membersOf(channelId)))
        .orderBy(MEMBER.ID)
        .fetch(
            r ->
                new MemberData(
                    MemberRepository.member(r.into(MEMBER)),
                    EnrollmentRepository.enrollment(r),
                    r.get(done)));
  }

  /** Finished quizzes per stage (reviews left out) and how many passed. */
  public record QuizCount(int stage, int taken, int passed) {}

  public List<QuizCount> quizzesByStage(long channelId) {
    Field<Integer> taken = DSL.count().as("taken");
    Field<Integer> passed = DSL.count().filterWhere(QUIZ_ATTEMPT.PASSED.isTrue()).as("passed");
    return dsl.select(QUIZ_ATTEMPT.STAGE, taken, passed)
        .from(QUIZ_ATTEMPT)
        .where(
            QUIZ_ATTEMPT.MEMBER_ID.in(membersOf(channelId)),
            QUIZ_ATTEMPT.ROADMAP_ID.eq(onRoadmapOfField(channelId)),
            QUIZ_ATTEMPT.STATUS.eq("finished"),
            QUIZ_ATTEMPT.REVIEW.isFalse())
        .groupBy(QUIZ_ATTEMPT.STAGE)
        .orderBy(QUIZ_ATTEMPT.STAGE)
        .fetch(r -> new QuizCount(r.get(QUIZ_ATTEMPT.STAGE), r.get(taken), r.get(passed)));
  }

  /** A question's wrong answers and all its answers among the channel's members. */
  public record MissCount(String questionId, int misses, int answers) {}

  /** The questions answered wrong most often, most first (ties by id, so the order is stable). */
  public List<MissCount> mostMissed(long channelId, int limit) {
    Field<Integer> misses = DSL.count().filterWhere(QUIZ_QUESTION.CORRECT.isFalse()).as("misses");
    Field<Integer> answers =
        DSL.count().filterWhere(QUIZ_QUESTION.ANSWERED_AT.isNotNull()).as("answers");
    List<MissCount> rows = new ArrayList<>();
    dsl.select(QUIZ_QUESTION.QUESTION_ID, misses, answers)
        .from(QUIZ_QUESTION)
        .join(QUIZ_ATTEMPT)
        .on(QUIZ_ATTEMPT.ID.eq(QUIZ_QUESTION.ATTEMPT_ID))
        .where(QUIZ_ATTEMPT.MEMBER_ID.in(membersOf(channelId)))
        .groupBy(QUIZ_QUESTION.QUESTION_ID)
        .having(DSL.count().filterWhere(QUIZ_QUESTION.CORRECT.isFalse()).gt(0))
        .orderBy(misses.desc(), QUIZ_QUESTION.QUESTION_ID)
        .limit(limit)
        .fetch()
        .forEach(
            r ->
                rows.add(
                    new MissCount(
                        r.get(QUIZ_QUESTION.QUESTION_ID), r.get(misses), r.get(answers))));
    return rows;
  }
}
