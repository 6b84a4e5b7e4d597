package io.roadmapcoach.core.lead;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.PROGRESS_EVENT;
import static io.roadmapcoach.db.schema.Tables.QUIZ_ATTEMPT;
import static io.roadmapcoach.db.schema.Tables.QUIZ_QUESTION;

import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.EventKind;
import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** What a lead's weekly digest of a channel is made of, for the week before a given moment. */
public final class Digests {
  private final DSLContext dsl;

  public Digests(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A member who moved to a later stage in the week (finished one, or was set there). */
  public record MovedAhead(String name, int stageNow, boolean graduated) {}

  /** A member without progress for the stuck period, and the stage they are on. */
  public record Stuck(String name, int stage) {}

  /** A question the channel's members answered wrong in the week, and how many of them did. */
  public record Missed(String questionId, int members) {}

  public List<MovedAhead> movedAhead(long channelId, Instant from) {
    return dsl.selectDistinct(MEMBER.DISPLAY_NAME, JOURNEY.STAGE, JOURNEY.GRADUATED_AT)
        .from(membersWithJourneys(channelId))
        .join(PROGRESS_EVENT)
        .on(
            PROGRESS_EVENT.MEMBER_ID.eq(MEMBER.ID),
            PROGRESS_EVENT.ROADMAP_ID.eq(JOURNEY.ROADMAP_ID))
        .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
        .and(PROGRESS_EVENT.KIND.eq(EventKind.STAGE_FINISHED.key()))
        .and(PROGRESS_EVENT.OCCURRED_AT.ge(Times.utc(from)))
        .orderBy(MEMBER.DISPLAY_NAME)
        .fetch(r -> new MovedAhead(r.value1(), r.value2(), r.value3() != null));
  }

  /** The channel's memberships with their members and their journeys on its roadmap. */
  private static Table<?> membersWithJourneys(long channelId) {
    return CHANNEL_MEMBER
        .join(MEMBER)
        .on(MEMBER.ID.eq(CHANNEL_MEMBER.MEMBER_ID))
        .join(ENROLLMENT)
        .on(ENROLLMENT.MEMBER_ID.eq(MEMBER.ID))
        .join(JOURNEY)
        .on(EnrollmentRepository.journeyInChannel(channelId));
  }

  public List<Stuck> stuck(long channelId, Instant lastProgressBefore) {
    return dsl.select(MEMBER.DISPLAY_NAME, JOURNEY.STAGE)
        .from(membersWithJourneys(channelId))
        .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
        .and(JOURNEY.GRADUATED_AT.isNull())
        .and(ENROLLMENT.LAST_ACTIVITY_AT.lt(Times.utc(lastProgressBefore)))
        .orderBy(ENROLLMENT.LAST_ACTIVITY_AT, MEMBER.DISPLAY_NAME)
        .fetch(r -> new Stuck(r.value1(), r.value2()));
  }

  /** The channel's members on the roadmap, with their home channel, by name. */
  public List<HomedMember> members(long channelId) {
    var home = CHANNEL.as("home");
    return dsl.select(MEMBER.fields())
        .select(home.fields())
        .from(CHANNEL_MEMBER)
        .join(MEMBER)
        .on(MEMBER.ID.eq(CHANNEL_MEMBER.MEMBER_ID))
        .join(ENROLLMENT)
        .on(ENROLLMENT.MEMBER_ID.eq(MEMBER.ID))
        .join(home)
        .on(home.ID.eq(ENROLLMENT.CHANNEL_ID))
        .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
        .orderBy(MEMBER.DISPLAY_NAME)
        .fetch(
            r ->
                new HomedMember(
                    MemberRepository.member(r.into(MEMBER)),
                    MemberRepository.channel(r.into(home))));
  }

  /** A member and their home channel (whose zone is theirs when they set none). */
  public record HomedMember(Member member, Channel home) {}

  /**
   * The channel's members who joined the roadmap since {@code since} and have made no progress yet:
   * not stuck (their week has not run out), but not among those who made progress either.
   */
  public List<String> notStarted(long channelId, Instant since) {
    return dsl.select(MEMBER.DISPLAY_NAME)
        .from(membersWithJourneys(channelId))
        .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
        .and(ENROLLMENT.LAST_ACTIVE_DATE.isNull())
        .and(ENROLLMENT.LAST_ACTIVITY_AT.ge(Times.utc(since)))
        .orderBy(ENROLLMENT.ENROLLED_AT, MEMBER.DISPLAY_NAME)
        .fetch(MEMBER.DISPLAY_NAME);
  }

  /** Quizzes finished in the week by the channel's members: passed, then failed. */
  public int[] quizzes(long channelId, Instant from) {
    var row =
        dsl.select(
                DSL.count().filterWhere(QUIZ_ATTEMPT.PASSED.isTrue()),
                DSL.count().filterWhere(QUIZ_ATTEMPT.PASSED.isFalse()))
            .from(QUIZ_ATTEMPT)
            .join(CHANNEL_MEMBER)
            .on(CHANNEL_MEMBER.MEMBER_ID.eq(QUIZ_ATTEMPT.MEMBER_ID))
            .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
            .and(QUIZ_ATTEMPT.STATUS.eq("finished"))
            .and(QUIZ_ATTEMPT.FINISHED_AT.ge(Times.utc(from)))
            .fetchOne();
    return new int[] {row.value1(), row.value2()};
  }

  /** The questions most members of the channel answered wrong in the week, most missed first. */
  public List<Missed> mostMissed(long channelId, Instant from, int limit) {
    var members = DSL.countDistinct(QUIZ_ATTEMPT.MEMBER_ID);
    return dsl.select(QUIZ_QUESTION.QUESTION_ID, members)
        .from(QUIZ_QUESTION)
        .join(QUIZ_ATTEMPT)
        .on(QUIZ_ATTEMPT.ID.eq(QUIZ_QUESTION.ATTEMPT_ID))
        .join(CHANNEL_MEMBER)
        .on(CHANNEL_MEMBER.MEMBER_ID.eq(QUIZ_ATTEMPT.MEMBER_ID))
        .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
        .and(QUIZ_QUESTION.CORRECT.isFalse())
        .and(QUIZ_QUESTION.ANSWERED_AT.ge(Times.utc(from)))
        .groupBy(QUIZ_QUESTION.QUESTION_ID)
        .orderBy(members.desc(), QUIZ_QUESTION.QUESTION_ID)
        .limit(limit)
        .fetch(r -> new Missed(r.value1(), r.value2()));
  }

  /** How many of the channel's members are on each stage; graduates under stage 0. */
  public Map<Integer, Integer> funnel(long channelId) {
    Map<Integer, Integer> byStage = new TreeMap<>();
    Field<Integer> stage =
        DSL.when(JOURNEY.GRADUATED_AT.isNotNull(), DSL.inline(0)).otherwise(JOURNEY.STAGE);
    dsl.select(stage, DSL.count())
        .from(CHANNEL_MEMBER)
        .join(JOURNEY)
        .on(EnrollmentRepository.journeyInChannel(channelId))
        .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
        .groupBy(stage)
        .fetch()
        .forEach(r -> byStage.put(r.value1(), r.value2()));
    return byStage;
  }
}
