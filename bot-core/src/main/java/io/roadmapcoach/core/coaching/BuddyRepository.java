package io.roadmapcoach.core.coaching;

import static io.roadmapcoach.db.schema.Tables.BUDDY_MATCH;
import static io.roadmapcoach.db.schema.Tables.BUDDY_ROUND;
import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.PROGRESS_EVENT;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.journey.Enrollment;
import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.journey.EventKind;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.member.MemberRepository;
import io.roadmapcoach.core.policy.PolicySql;
import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.db.schema.tables.BuddyMatch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The weekly rounds of pairing, the buddies they made, and what a buddy did on a day. */
public final class BuddyRepository {
  private final DSLContext dsl;

  public BuddyRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A channel's pairing for the week starting {@code weekStart} (a Monday in its calendar). */
  public record Round(long channelId, long workspaceId, LocalDate weekStart) {}

  /**
   * The channels with members who asked for a buddy whose pairing of this week (in each channel's
   * calendar) is due at {@code at} on Monday and not done yet: from that time until Monday ends (a
   * run missed at the time, or a first member who asks later that Monday, is caught up that day;
   * from Tuesday on, the week waits for next Monday, as {@code CoachingPolicy} promises).
   */
  public List<Round> dueRounds(Instant now, LocalTime at) {
    Field<LocalDateTime> localNow =
        DSL.field(
            "({0} at time zone {1})",
            SQLDataType.LOCALDATETIME,
            DSL.val(Times.utc(now)),
            DSL.coalesce(CHANNEL.TIME_ZONE, DSL.inline("UTC")));
    Field<LocalDate> weekStart =
        DSL.field("date_trunc('week', {0})::date", SQLDataType.LOCALDATE, localNow);
    Field<LocalDateTime> pairingTime =
        DSL.field("({0} + {1}::time)", SQLDataType.LOCALDATETIME, weekStart, DSL.val(at));
    return dsl.selectDistinct(CHANNEL.ID, CHANNEL.WORKSPACE_ID, weekStart)
        .from(MEMBER)
        .join(ENROLLMENT)
        .on(ENROLLMENT.MEMBER_ID.eq(MEMBER.ID))
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
        .where(MEMBER.BUDDY_OPT_IN.isTrue())
        .and(localNow.ge(pairingTime))
        .and(
            localNow.lt(
                DSL.field("({0} + 1)", SQLDataType.LOCALDATE, weekStart)
                    .cast(SQLDataType.LOCALDATETIME)))
        .and(
            DSL.notExists(
                DSL.selectOne()
                    .from(BUDDY_ROUND)
                    .where(
                        BUDDY_ROUND.CHANNEL_ID.eq(CHANNEL.ID),
                        BUDDY_ROUND.WEEK_START.eq(weekStart))))
        .fetch(r -> new Round(r.value1(), r.value2(), r.value3()));
  }

  /** Claims a round for this transaction; false when another instance has done it. */
  public boolean claim(Round round, Instant now) {
    return dsl.insertInto(BUDDY_ROUND)
            .set(BUDDY_ROUND.CHANNEL_ID, round.channelId())
            .set(BUDDY_ROUND.WEEK_START, round.weekStart())
            .set(BUDDY_ROUND.PAIRED_AT, Times.utc(now))
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  /** A member who may be paired, with their journey. */
  public record Seeker(Member member, Enrollment enrollment) {}

  /**
   * The members whose home is the channel and who asked for a buddy there, still in it, reachable,
   * with reminders on and not paused before {@code now}'s minute (snoozes are the caller's to judge
   * in each member's calendar).
   */
  public List<Seeker> seekers(long channelId, Instant now) {
    return dsl.select(MEMBER.fields())
        .select(ENROLLMENT.fields())
        .select(JOURNEY.fields())
        .from(MEMBER)
        .join(ENROLLMENT)
        .on(ENROLLMENT.MEMBER_ID.eq(MEMBER.ID))
        .join(CHANNEL_MEMBER)
        .on(CHANNEL_MEMBER.MEMBER_ID.eq(MEMBER.ID), CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
        // their home journey: buddies are paired within one roadmap
        .join(JOURNEY)
        .on(EnrollmentRepository.journeyInChannel(channelId))
        .join(WORKSPACE)
        .on(WORKSPACE.ID.eq(MEMBER.WORKSPACE_ID))
        .where(ENROLLMENT.CHANNEL_ID.eq(channelId))
        .and(MEMBER.BUDDY_OPT_IN.isTrue())
        .and(PolicySql.remindersRunningAt(now))
        .and(PolicySql.reachable())
        .orderBy(MEMBER.ID)
        .fetch(
            r ->
                new Seeker(
                    MemberRepository.member(r.into(MEMBER)), EnrollmentRepository.enrollment(r)));
  }

  /** Who each of the members was paired with in the week starting {@code weekStart}. */
  public Map<Long, Set<Long>> buddiesIn(Collection<Long> memberIds, LocalDate weekStart) {
    BuddyMatch mine = BUDDY_MATCH.as("mine");
    BuddyMatch theirs = BUDDY_MATCH.as("theirs");
    Map<Long, Set<Long>> buddies = new HashMap<>();
    dsl.select(mine.MEMBER_ID, theirs.MEMBER_ID)
        .from(mine)
        .join(theirs)
        .on(
            theirs.CHANNEL_ID.eq(mine.CHANNEL_ID),
            theirs.WEEK_START.eq(mine.WEEK_START),
            theirs.GROUP_NO.eq(mine.GROUP_NO),
            theirs.MEMBER_ID.ne(mine.MEMBER_ID))
        .where(mine.MEMBER_ID.in(memberIds), mine.WEEK_START.eq(weekStart))
        .forEach(r -> buddies.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
    return buddies;
  }

  public void insertGroup(Round round, int groupNo, List<Long> memberIds) {
    for (long memberId : memberIds) {
      dsl.insertInto(BUDDY_MATCH)
          .set(BUDDY_MATCH.MEMBER_ID, memberId)
          .set(BUDDY_MATCH.WEEK_START, round.weekStart())
          .set(BUDDY_MATCH.CHANNEL_ID, round.channelId())
          .set(BUDDY_MATCH.GROUP_NO, groupNo)
          .set(BUDDY_MATCH.GROUP_SIZE, memberIds.size())
          .onConflictDoNothing()
          .execute();
    }
  }

  /** A member's place in a week's pairing. */
  public record Match(
      long memberId, long channelId, LocalDate weekStart, int groupNo, boolean ended) {}

  /** The member's pairing of the week that {@code today} is in (the latest within 7 days). */
  public Optional<Match> current(long memberId, LocalDate today) {
    return dsl.selectFrom(BUDDY_MATCH)
        .where(
            BUDDY_MATCH.MEMBER_ID.eq(memberId),
            BUDDY_MATCH.WEEK_START.between(today.minusDays(6), today))
        .orderBy(BUDDY_MATCH.WEEK_START.desc())
        .limit(1)
        .fetchOptional(
            r ->
                new Match(
                    r.getMemberId(),
                    r.getChannelId(),
                    r.getWeekStart(),
                    r.getGroupNo(),
                    r.getEndedAt() != null));
  }

  /** The member's pairing of the week starting {@code weekStart}. */
  public Optional<Match> of(long memberId, LocalDate weekStart) {
    return dsl.selectFrom(BUDDY_MATCH)
        .where(BUDDY_MATCH.MEMBER_ID.eq(memberId), BUDDY_MATCH.WEEK_START.eq(weekStart))
        .fetchOptional(
            r ->
                new Match(
                    r.getMemberId(),
                    r.getChannelId(),
                    r.getWeekStart(),
                    r.getGroupNo(),
                    r.getEndedAt() != null));
  }

  /** The others of the match's group who have not stepped out, in the order they were matched. */
  public List<Member> buddies(Match match) {
    return dsl.select(MEMBER.fields())
        .from(BUDDY_MATCH)
        .join(MEMBER)
        .on(MEMBER.ID.eq(BUDDY_MATCH.MEMBER_ID))
        .where(
            BUDDY_MATCH.CHANNEL_ID.eq(match.channelId()),
            BUDDY_MATCH.WEEK_START.eq(match.weekStart()),
            BUDDY_MATCH.GROUP_NO.eq(match.groupNo()),
            BUDDY_MATCH.MEMBER_ID.ne(match.memberId()),
            BUDDY_MATCH.ENDED_AT.isNull())
        .orderBy(MEMBER.ID)
        .fetch(r -> MemberRepository.member(r.into(MEMBER)));
  }

  /** The member steps out of their group of the week; false when they already had. */
  public boolean end(Match match, Instant now) {
    return dsl.update(BUDDY_MATCH)
            .set(BUDDY_MATCH.ENDED_AT, Times.utc(now))
            .where(
                BUDDY_MATCH.MEMBER_ID.eq(match.memberId()),
                BUDDY_MATCH.WEEK_START.eq(match.weekStart()),
                BUDDY_MATCH.ENDED_AT.isNull())
            .execute()
        == 1;
  }

  /** A group of a recent week that has lost rows: someone's data was erased. */
  public record Shrunk(long channelId, LocalDate weekStart, int groupNo) {}

  /** Groups of weeks since {@code since} with fewer rows than they were made with. */
  public List<Shrunk> shrunk(LocalDate since) {
    return dsl.select(BUDDY_MATCH.CHANNEL_ID, BUDDY_MATCH.WEEK_START, BUDDY_MATCH.GROUP_NO)
        .from(BUDDY_MATCH)
        .where(BUDDY_MATCH.WEEK_START.ge(since))
        .groupBy(BUDDY_MATCH.CHANNEL_ID, BUDDY_MATCH.WEEK_START, BUDDY_MATCH.GROUP_NO)
        .having(DSL.count().lt(DSL.max(BUDDY_MATCH.GROUP_SIZE)))
        .fetch(r -> new Shrunk(r.value1(), r.value2(), r.value3()));
  }

  /**
   * Records the group's new size; returns its members still paired (not stepped out), or nothing
   * when another instance recorded it first.
   */
  public List<Match> settleShrunk(Shrunk group) {
    var inGroup =
        BUDDY_MATCH
            .CHANNEL_ID
            .eq(group.channelId())
            .and(BUDDY_MATCH.WEEK_START.eq(group.weekStart()))
            .and(BUDDY_MATCH.GROUP_NO.eq(group.groupNo()));
    int left = dsl.fetchCount(BUDDY_MATCH, inGroup);
    int changed =
        dsl.update(BUDDY_MATCH)
            .set(BUDDY_MATCH.GROUP_SIZE, left)
            .where(inGroup)
            .and(BUDDY_MATCH.GROUP_SIZE.gt(left))
            .execute();
    if (changed == 0) {
      return List.of();
    }
    return dsl.selectFrom(BUDDY_MATCH)
        .where(inGroup)
        .and(BUDDY_MATCH.ENDED_AT.isNull())
        .fetch(
            r ->
                new Match(
                    r.getMemberId(), r.getChannelId(), r.getWeekStart(), r.getGroupNo(), false));
  }

  /** Progress a member made: an objective, a quiz passed, a stage finished. */
  public record Step(EventKind kind, int stage, Optional<Integer> objective) {}

  /** The member's progress on their own local {@code day}, in order. */
  public List<Step> stepsOn(long memberId, LocalDate day) {
    return dsl.select(PROGRESS_EVENT.KIND, PROGRESS_EVENT.STAGE, PROGRESS_EVENT.OBJECTIVE)
        .from(PROGRESS_EVENT)
        .where(
            PROGRESS_EVENT.MEMBER_ID.eq(memberId),
            PROGRESS_EVENT.LOCAL_DATE.eq(day),
            PROGRESS_EVENT.KIND.in(
                EventKind.OBJECTIVE_DONE.key(),
                EventKind.QUIZ_PASSED.key(),
                EventKind.STAGE_FINISHED.key()))
        .orderBy(PROGRESS_EVENT.ID)
        .fetch(
            r ->
                new Step(
                    EventKind.valueOf(r.value1().toUpperCase(Locale.ROOT)),
                    r.value2(),
                    Optional.ofNullable(r.value3())));
  }
}
