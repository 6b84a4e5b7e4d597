package io.roadmapcoach.core.journey;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static io.roadmapcoach.db.schema.Tables.PROGRESS_EVENT;
import static io.roadmapcoach.db.schema.Tables.WEEKLY_POINTS;

import io.roadmapcoach.core.member.Channel;
import io.roadmapcoach.core.member.Member;
import io.roadmapcoach.core.time.Times;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The one way progress changes: every change of stage, objective, points or streak is written here
 * as an event row, in the same transaction as the running totals it moves (the enrollment's points
 * and streak, the channel's weekly points). The totals can always be recomputed from the events.
 *
 * <p>A day's streak credit and "already active today" stand on progress: when the only progress of
 * a day is taken back that day, the take-back event carries the streak as it then is, and the
 * member is again inactive that day.
 */
public final class ProgressLedger {
  private final DSLContext dsl;
  private final ChannelDays days;

  public ProgressLedger(DSLContext dsl) {
    this.dsl = dsl;
    this.days = new ChannelDays(dsl);
  }

  /**
   * One change to record.
   *
   * @param home the member's home channel: its time zone decides the leaderboard week
   * @param actorId the lead who made the change for the member, if one did
   */
  public record Change(
      Enrollment enrollment,
      Member member,
      Channel home,
      EventKind kind,
      int stage,
      Optional<Integer> objective,
      int points,
      Optional<Long> actorId,
      Instant now) {}

  /** Records the change and returns the enrollment as it now stands. */
  public Enrollment record(Change change) {
    Enrollment before = change.enrollment();
    LocalDate localToday = change.now().atZone(change.member().zone(change.home())).toLocalDate();
    StreakState streak = before.streak();
    Instant lastActivityAt = before.lastActivityAt();
    Optional<LocalDate> lastActiveDate = before.lastActiveDate();
    Integer streakAfter = null; // written on the event when this change moved the streak
    if (change.kind().isActivity()) {
      streak = Streaks.afterActivity(streak, localToday, change.member());
      lastActivityAt = change.now();
      lastActiveDate = Optional.of(localToday);
      streakAfter = streak.days();
      answeredNudges(change.member().id());
    } else if (change.kind().takesBack()
        && before.activeOn(localToday)
        && !progressStandsOn(change.member().id(), localToday)) {
      // the day's only progress was just taken back: the day earns no streak credit, and the
      // member is not "already active today" (their nudge still comes)
      streak = Streaks.withoutCreditFor(streak, localToday);
      Optional<Activity> earlier = lastStandingActivityBefore(change.member().id(), localToday);
      // with nothing standing before, the clock for "stuck" runs from enrolling again
      lastActivityAt = earlier.map(Activity::at).orElse(before.enrolledAt());
      lastActiveDate = earlier.map(Activity::day);
      streakAfter = streak.days();
    }
    if (streakAfter != null) {
      // the streak and the last activity are the member's own: progress on any journey counts
      dsl.update(ENROLLMENT)
          .set(ENROLLMENT.LAST_ACTIVITY_AT, Times.utc(lastActivityAt))
          .set(ENROLLMENT.LAST_ACTIVE_DATE, lastActiveDate.orElse(null))
          .set(ENROLLMENT.STREAK_DAYS, streak.days())
          .set(ENROLLMENT.STREAK_LAST_DATE, streak.lastCounted().orElse(null))
          .set(ENROLLMENT.FREEZE_WEEK, streak.freezeWeek().orElse(null))
          .where(ENROLLMENT.MEMBER_ID.eq(before.memberId()))
          .execute();
    }
    if (change.points() != 0) {
      // points are the journey's: they count on the boards of the channels following its roadmap
      dsl.update(JOURNEY)
          .set(JOURNEY.POINTS, JOURNEY.POINTS.plus(change.points()))
          .set(JOURNEY.POINTS_REACHED_AT, Times.utc(change.now()))
          .where(JOURNEY.MEMBER_ID.eq(before.memberId()), JOURNEY.ROADMAP_ID.eq(before.roadmapId()))
          .execute();
      addWeeklyPoints(change);
    }
    updateMemberships(change, streakAfter != null ? Optional.of(lastActivityAt) : Optional.empty());
    keepHistory(change, localToday);
    insertEvent(change, localToday, streakAfter);
    return new Enrollment(
        before.memberId(),
        before.channelId(),
        before.roadmapId(),
        before.stage(),
        before.graduatedAt(),
        before.points() + change.points(),
        streak,
        lastActivityAt,
        lastActiveDate,
        before.enrolledAt());
  }

  /**
   * The channels' days ({@link ChannelDays}): progress counts on the day it happened; an objective
   * taken back the day it was checked off did not stand at that day's end, and counts nothing.
   * Taken back on a later day, the day it was checked off keeps it.
   */
  private void keepHistory(Change change, LocalDate localToday) {
    long memberId = change.member().id();
    if (change.kind().isActivity()) {
      days.progress(memberId, localToday, change.kind() == EventKind.OBJECTIVE_DONE);
    } else if (change.kind().takesBack()
        && checkedOffOn(memberId, change.stage(), change.objective())
            .filter(localToday::equals)
            .isPresent()) {
      days.objectiveTakenBack(memberId, localToday);
    }
  }

  /** The member-local day the objective was last checked off, before the change being recorded. */
  private Optional<LocalDate> checkedOffOn(long memberId, int stage, Optional<Integer> objective) {
    if (objective.isEmpty()) {
      return Optional.empty();
    }
    return dsl.select(PROGRESS_EVENT.LOCAL_DATE)
        .from(PROGRESS_EVENT)
        .where(
            PROGRESS_EVENT.MEMBER_ID.eq(memberId),
            PROGRESS_EVENT.KIND.eq(EventKind.OBJECTIVE_DONE.key()),
            PROGRESS_EVENT.STAGE.eq(stage),
            PROGRESS_EVENT.OBJECTIVE.eq(objective.get()))
        .orderBy(PROGRESS_EVENT.ID.desc())
        .limit(1)
        .fetchOptional(PROGRESS_EVENT.LOCAL_DATE);
  }

  /** A day with progress that stands, and when its last such event happened. */
  private record Activity(LocalDate day, Instant at) {}

  /**
   * Whether the member's activity on {@code today} still stands, once the change being recorded has
   * taken an objective back (its row is gone, its event not yet written): some activity of the day
   * other than checking an objective off, or an objective checked off today that still is.
   */
  private boolean progressStandsOn(long memberId, LocalDate today) {
    List<String> otherActivity =
        Arrays.stream(EventKind.values())
            .filter(kind -> kind.isActivity() && kind != EventKind.OBJECTIVE_DONE)
            .map(EventKind::key)
            .toList();
    return dsl.fetchExists(
        DSL.selectOne()
            .from(PROGRESS_EVENT)
            .where(PROGRESS_EVENT.MEMBER_ID.eq(memberId), PROGRESS_EVENT.LOCAL_DATE.eq(today))
            .and(PROGRESS_EVENT.KIND.in(otherActivity).or(objectiveStillCheckedOff())));
  }

  /**
   * A {@code progress_event} row that checked off an objective which is still checked off: progress
   * that stands (streak credit, the daily post's news).
   */
  public static Condition objectiveStillCheckedOff() {
    return PROGRESS_EVENT
        .KIND
        .eq(EventKind.OBJECTIVE_DONE.key())
        .and(
            DSL.exists(
                DSL.selectOne()
                    .from(OBJECTIVE_DONE)
                    .where(
                        OBJECTIVE_DONE.MEMBER_ID.eq(PROGRESS_EVENT.MEMBER_ID),
                        OBJECTIVE_DONE.ROADMAP_ID.eq(PROGRESS_EVENT.ROADMAP_ID),
                        OBJECTIVE_DONE.STAGE.eq(PROGRESS_EVENT.STAGE),
                        OBJECTIVE_DONE.OBJECTIVE.eq(PROGRESS_EVENT.OBJECTIVE))));
  }

  /** The member's last day before {@code day} with activity that stands. */
  private Optional<Activity> lastStandingActivityBefore(long memberId, LocalDate day) {
    return dsl.select(PROGRESS_EVENT.LOCAL_DATE, PROGRESS_EVENT.OCCURRED_AT)
        .from(PROGRESS_EVENT)
        .where(standingActivity(memberId), PROGRESS_EVENT.LOCAL_DATE.lt(day))
        .orderBy(PROGRESS_EVENT.OCCURRED_AT.desc(), PROGRESS_EVENT.ID.desc())
        .limit(1)
        .fetchOptional(r -> new Activity(r.value1(), Times.instant(r.value2())));
  }

  /**
   * Activity events of the member, less objectives checked off and taken back the same day: what
   * stood on days already past.
   */
  private static Condition standingActivity(long memberId) {
    var undo = PROGRESS_EVENT.as("undo");
    List<String> activity =
        Arrays.stream(EventKind.values())
            .filter(EventKind::isActivity)
            .map(EventKind::key)
            .toList();
    return PROGRESS_EVENT
        .MEMBER_ID
        .eq(memberId)
        .and(PROGRESS_EVENT.KIND.in(activity))
        .and(
            PROGRESS_EVENT
                .KIND
                .ne(EventKind.OBJECTIVE_DONE.key())
                .or(
                    DSL.notExists(
                        DSL.selectOne()
                            .from(undo)
                            .where(
                                undo.MEMBER_ID.eq(PROGRESS_EVENT.MEMBER_ID),
                                undo.KIND.eq(EventKind.OBJECTIVE_UNDONE.key()),
                                undo.ROADMAP_ID.eq(PROGRESS_EVENT.ROADMAP_ID),
                                undo.STAGE.eq(PROGRESS_EVENT.STAGE),
                                undo.OBJECTIVE.eq(PROGRESS_EVENT.OBJECTIVE),
                                undo.LOCAL_DATE.eq(PROGRESS_EVENT.LOCAL_DATE),
                                undo.ID.gt(PROGRESS_EVENT.ID)))));
  }

  /**
   * Activity answers the nudges sent so far: the count of unanswered ones restarts, a pause ends.
   */
  private void answeredNudges(long memberId) {
    dsl.update(MEMBER)
        .set(MEMBER.UNANSWERED_NUDGES, 0)
        .setNull(MEMBER.NUDGES_PAUSED_AT)
        .where(MEMBER.ID.eq(memberId))
        .and(MEMBER.UNANSWERED_NUDGES.gt(0).or(MEMBER.NUDGES_PAUSED_AT.isNotNull()))
        .execute();
  }

  /**
   * The copies each channel membership keeps for its board and team list: the member's points on
   * the channel's roadmap and their last progress, so ranking and "stalest first" stay index reads.
   */
  private void updateMemberships(Change change, Optional<Instant> lastActivityAt) {
    if (change.points() != 0) {
      dsl.update(CHANNEL_MEMBER)
          .set(CHANNEL_MEMBER.POINTS, CHANNEL_MEMBER.POINTS.plus(change.points()))
          .set(CHANNEL_MEMBER.POINTS_REACHED_AT, Times.utc(change.now()))
          .where(
              CHANNEL_MEMBER.MEMBER_ID.eq(change.member().id()),
              CHANNEL_MEMBER.CHANNEL_ID.in(followers(change.enrollment().roadmapId())))
          .execute();
    }
    if (lastActivityAt.isPresent()) {
      dsl.update(CHANNEL_MEMBER)
          .set(CHANNEL_MEMBER.LAST_ACTIVITY_AT, Times.utc(lastActivityAt.get()))
          .where(CHANNEL_MEMBER.MEMBER_ID.eq(change.member().id()))
          .execute();
    }
  }

  /** The channels that follow the roadmap. */
  private static org.jooq.Select<org.jooq.Record1<Long>> followers(long roadmapId) {
    return DSL.select(CHANNEL.ID).from(CHANNEL).where(CHANNEL.ROADMAP_ID.eq(roadmapId));
  }

  /**
   * Points count on the week's board of every channel the member belongs to that follows the
   * journey's roadmap, each channel's week running in its own time zone.
   */
  private void addWeeklyPoints(Change change) {
    var now = Times.utc(change.now());
    Field<LocalDate> weekStart =
        DSL.field(
            "date_trunc('week', {0} at time zone {1})::date",
            SQLDataType.LOCALDATE,
            DSL.val(now),
            DSL.coalesce(CHANNEL.TIME_ZONE, DSL.inline("UTC")));
    dsl.insertInto(
            WEEKLY_POINTS,
            WEEKLY_POINTS.CHANNEL_ID,
            WEEKLY_POINTS.WEEK_START,
            WEEKLY_POINTS.MEMBER_ID,
            WEEKLY_POINTS.POINTS,
            WEEKLY_POINTS.REACHED_AT)
        .select(
            DSL.select(
                    CHANNEL_MEMBER.CHANNEL_ID,
                    weekStart,
                    CHANNEL_MEMBER.MEMBER_ID,
                    DSL.val(change.points()),
                    DSL.val(now))
                .from(CHANNEL_MEMBER)
                .join(CHANNEL)
                .on(CHANNEL.ID.eq(CHANNEL_MEMBER.CHANNEL_ID))
                .where(
                    CHANNEL_MEMBER.MEMBER_ID.eq(change.member().id()),
                    CHANNEL.ROADMAP_ID.eq(change.enrollment().roadmapId())))
        .onConflict(WEEKLY_POINTS.CHANNEL_ID, WEEKLY_POINTS.WEEK_START, WEEKLY_POINTS.MEMBER_ID)
        .doUpdate()
        .set(WEEKLY_POINTS.POINTS, WEEKLY_POINTS.POINTS.plus(change.points()))
        .set(WEEKLY_POINTS.REACHED_AT, now)
        .execute();
  }

  /**
   * A member joining a channel mid-week shows their whole week there: their points since the start
   * of the channel's week, summed from the events.
   */
  public void seedWeek(Channel channel, long memberId, Instant now) {
    LocalDate week = Times.weekStart(now.atZone(channel.zoneOrUtc()).toLocalDate());
    Instant from = week.atStartOfDay(channel.zoneOrUtc()).toInstant();
    var sum =
        dsl.select(DSL.sum(PROGRESS_EVENT.POINTS), DSL.max(PROGRESS_EVENT.OCCURRED_AT))
            .from(PROGRESS_EVENT)
            .where(
                PROGRESS_EVENT.MEMBER_ID.eq(memberId),
                PROGRESS_EVENT.ROADMAP_ID.eq(channel.roadmapId()),
                PROGRESS_EVENT.OCCURRED_AT.ge(Times.utc(from)))
            .fetchOne();
    if (sum == null || sum.value1() == null || sum.value1().intValue() == 0) {
      return;
    }
    dsl.insertInto(WEEKLY_POINTS)
        .set(WEEKLY_POINTS.CHANNEL_ID, channel.id())
        .set(WEEKLY_POINTS.WEEK_START, week)
        .set(WEEKLY_POINTS.MEMBER_ID, memberId)
        .set(WEEKLY_POINTS.POINTS, sum.value1().intValue())
        .set(WEEKLY_POINTS.REACHED_AT, sum.value2())
        .onConflictDoNothing()
        .execute();
  }

  private void insertEvent(Change change, LocalDate localToday, Integer streakDays) {
    dsl.insertInto(PROGRESS_EVENT)
        .set(PROGRESS_EVENT.MEMBER_ID, change.member().id())
        .set(PROGRESS_EVENT.CHANNEL_ID, change.home().id())
        .set(PROGRESS_EVENT.ROADMAP_ID, change.enrollment().roadmapId())
        .set(PROGRESS_EVENT.KIND, change.kind().key())
        .set(PROGRESS_EVENT.STAGE, change.stage())
        .set(PROGRESS_EVENT.OBJECTIVE, change.objective().orElse(null))
        .set(PROGRESS_EVENT.POINTS, change.points())
        .set(PROGRESS_EVENT.STREAK_DAYS, streakDays)
        .set(PROGRESS_EVENT.ACTOR_ID, change.actorId().orElse(null))
        .set(PROGRESS_EVENT.OCCURRED_AT, Times.utc(change.now()))
        .set(PROGRESS_EVENT.LOCAL_DATE, localToday)
        .execute();
  }

  /**
   * The points of every member of the channel on the channel's roadmap, summed from the event rows
   * alone, wherever they were earned: the audit of the running totals.
   */
  public Map<Long, Integer> pointsFromEvents(long channelId) {
    return dsl
        .select(PROGRESS_EVENT.MEMBER_ID, DSL.sum(PROGRESS_EVENT.POINTS))
        .from(PROGRESS_EVENT)
        .join(CHANNEL_MEMBER)
        .on(CHANNEL_MEMBER.MEMBER_ID.eq(PROGRESS_EVENT.MEMBER_ID))
        .join(CHANNEL)
        .on(
            CHANNEL.ID.eq(CHANNEL_MEMBER.CHANNEL_ID),
            CHANNEL.ROADMAP_ID.eq(PROGRESS_EVENT.ROADMAP_ID))
        .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
        .groupBy(PROGRESS_EVENT.MEMBER_ID)
        .fetch()
        .stream()
        .collect(Collectors.toMap(r -> r.value1(), r -> r.value2().intValue()));
  }

  /**
   * One week's points per member of the channel, summed from the event rows in the channel's time
   * zone.
   */
  public Map<Long, Integer> weekPointsFromEvents(Channel channel, LocalDate weekStart) {
    Instant from = weekStart.atStartOfDay(channel.zoneOrUtc()).toInstant();
    Instant to = weekStart.plusWeeks(1).atStartOfDay(channel.zoneOrUtc()).toInstant();
    return dsl
        .select(PROGRESS_EVENT.MEMBER_ID, DSL.sum(PROGRESS_EVENT.POINTS))
        .from(PROGRESS_EVENT)
        .join(CHANNEL_MEMBER)
        .on(CHANNEL_MEMBER.MEMBER_ID.eq(PROGRESS_EVENT.MEMBER_ID))
        .where(
            CHANNEL_MEMBER.CHANNEL_ID.eq(channel.id()),
            PROGRESS_EVENT.ROADMAP_ID.eq(channel.roadmapId()),
            PROGRESS_EVENT.OCCURRED_AT.ge(Times.utc(from)),
            PROGRESS_EVENT.OCCURRED_AT.lt(Times.utc(to)))
        .groupBy(PROGRESS_EVENT.MEMBER_ID)
        .having(DSL.sum(PROGRESS_EVENT.POINTS).ne(BigDecimal.ZERO))
        .fetch()
        .stream()
        .collect(Collectors.toMap(r -> r.value1(), r -> r.value2().intValue()));
  }
}
