package io.roadmapcoach.core.policy;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_HOLIDAY;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.ROADMAP;

import io.roadmapcoach.core.delivery.DeliveryKind;
import io.roadmapcoach.core.delivery.OutboxRepository;
import io.roadmapcoach.core.member.LocalClock;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The coaching policy's rules where routines claim in PostgreSQL for speed: each condition says in
 * SQL what {@link CoachingPolicy} says in Java, rule for rule (the simulation in the tests holds
 * them to it). They read the member's row as {@code MEMBER}, their journey as {@code ENROLLMENT},
 * its home channel as {@code CHANNEL} and the workspace as {@code WORKSPACE}, joined by the caller.
 */
public final class PolicySql {
  private PolicySql() {}

  /**
   * Where the member's nudges go is {@code mode}: their own choice, else the channel's default; by
   * DM while the platform refuses the bot's posts in the channel ({@code CoachingPolicy.where}).
   */
  public static Condition nudgedBy(ReminderMode mode) {
    Condition chosen =
        DSL.coalesce(MEMBER.REMIND_VIA, CHANNEL.REMINDER_MODE).eq(ReminderMode.CHANNEL.key());
    Condition inThePost = chosen.and(CHANNEL.DELIVERABLE.isTrue());
    return mode == ReminderMode.CHANNEL ? inThePost : DSL.not(inThePost);
  }

  /** The member can be reached by DM, in a workspace that still has the app. */
  public static Condition reachable() {
    return MEMBER.DELIVERABLE.isTrue().and(Workspaces.withTheApp());
  }

  /** Reminders on and not paused: {@link CoachingPolicy}'s OFF and PAUSED. */
  public static Condition remindersRunning() {
    return MEMBER.REMIND_ENABLED.isTrue().and(MEMBER.NUDGES_PAUSED_AT.isNull());
  }

  /**
   * Reminders on, and not paused before the minute of {@code at}: a goodbye written in the same
   * minute (whichever routine ran first) does not stop what falls due in it ({@code
   * CoachingState.pausedBefore}).
   */
  public static Condition remindersRunningAt(Instant at) {
    return MEMBER
        .REMIND_ENABLED
        .isTrue()
        .and(
            MEMBER
                .NUDGES_PAUSED_AT
                .isNull()
                .or(MEMBER.NUDGES_PAUSED_AT.ge(Times.utc(at.truncatedTo(ChronoUnit.MINUTES)))));
  }

  /**
   * The DM nudge of the member-local day {@code day} (the day their reminder time last came, in the
   * stretch of {@link LocalClock#between}) is due: {@code CoachingPolicy.nudgeDay} and the DM
   * gates. The member's away status is the composer's to judge as it writes (the day is then kept
   * off); the home channel is {@code ENROLLMENT.CHANNEL_ID}.
   */
  public static Condition dmNudgeDue(Field<LocalDate> day, Duration lateWindow) {
    return remindersRunning()
        .and(reachable())
        .and(nudgedBy(ReminderMode.DM))
        .and(LocalClock.dueBetween(MEMBER.REMIND_TIME, lateWindow))
        .and(LocalClock.reminderDay(LocalClock.dueAt(MEMBER.REMIND_TIME)))
        .and(LocalClock.notSnoozed(day))
        // progress on the day answers it before it comes
        .and(noProgressSince(day))
        // the home channel's holidays, and the days off kept (away when a nudge was due)
        .and(notOnHoliday(ENROLLMENT.CHANNEL_ID, day))
        .and(notOff(day))
        // one nudge a day, in the post or by DM
        .and(MEMBER.LAST_NUDGE_DATE.isDistinctFrom(day))
        .and(OutboxRepository.noneYetFor(DeliveryKind.NUDGE, MEMBER.ID, day));
  }

  /**
   * Tonight's evening warning is due in the stretch of {@link LocalClock#between} ({@code day} the
   * member's local date): asked for, reminders running and reachable, a day that counts, a streak
   * and no progress yet. Whether the streak is really at risk (no freeze), and whether they are
   * away, the composer judges as it writes.
   */
  public static Condition eveningDue(
      Field<LocalDate> day, Field<LocalTime> timeNow, Instant from, Duration late) {
    return MEMBER
        .EVENING_ENABLED
        .isTrue()
        // paused in this stretch (the goodbye at the same minute) is not paused yet
        .and(remindersRunningAt(from.plus(Duration.ofMinutes(1))))
        .and(reachable())
        // tonight's only: the window does not reach past midnight
        .and(timeNow.ge(MEMBER.EVENING_TIME))
        .and(LocalClock.dueBetween(MEMBER.EVENING_TIME, late))
        .and(LocalClock.reminderDay(LocalClock.localTimestamp()))
        .and(LocalClock.notSnoozed(day))
        .and(ENROLLMENT.STREAK_DAYS.gt(0))
        .and(noProgressSince(day))
        .and(notOnHoliday(ENROLLMENT.CHANNEL_ID, day))
        .and(OutboxRepository.noneYetFor(DeliveryKind.EVENING_NUDGE, MEMBER.ID, day));
  }

  /**
   * A member whose home channel's weekly quiz is coming by DM: reminders running, reachable, nudged
   * by DM. Those among them {@link #freeForQuiz} are invited at the slot; the rest are held back.
   */
  public static Condition quizByDm(Instant slot) {
    return remindersRunningAt(slot)
        .and(reachable())
        .and(nudgedBy(ReminderMode.DM))
        .and(homeHasQuiz());
  }

  /**
   * The home channel ({@code ENROLLMENT}'s) follows a roadmap with a quiz: one whose file has no
   * questions has none to invite to ({@code CoachingPolicy}: {@link Why#NO_QUIZ}).
   */
  public static Condition homeHasQuiz() {
    var home = CHANNEL.as("quiz_home");
    return DSL.exists(
        DSL.selectOne()
            .from(home)
            .join(ROADMAP)
            .on(ROADMAP.ID.eq(home.ROADMAP_ID))
            .where(home.ID.eq(ENROLLMENT.CHANNEL_ID), ROADMAP.HAS_QUIZ.isTrue()));
  }

  /**
   * Free for the weekly quiz at {@code at}: not snoozed on their own calendar's day then, no
   * holiday of the home channel on it, and not away ({@code CoachingPolicy.freeForQuiz}).
   */
  public static Condition freeForQuiz(Instant at) {
    Field<LocalDate> day =
        DSL.field(
            "({0} at time zone {1})::date",
            SQLDataType.LOCALDATE, DSL.val(Times.utc(at)), LocalClock.memberZone());
    return LocalClock.notSnoozed(day)
        .and(notOnHoliday(ENROLLMENT.CHANNEL_ID, day))
        .and(notAwayAt(at));
  }

  /** The member's status does not say they are away at {@code at}. */
  public static Condition notAwayAt(Instant at) {
    // never null, so that "not free" (the held) is as exact as "free" (the invited)
    return MEMBER
        .AWAY_SINCE
        .isNull()
        .or(MEMBER.AWAY_UNTIL.isNotNull().and(MEMBER.AWAY_UNTIL.le(Times.utc(at))));
  }

  /** {@code day} is no holiday of the channel {@code channelId} (in its calendar). */
  public static Condition notOnHoliday(Field<Long> channelId, Field<LocalDate> day) {
    return DSL.notExists(
        DSL.selectOne()
            .from(CHANNEL_HOLIDAY)
            .where(CHANNEL_HOLIDAY.CHANNEL_ID.eq(channelId), CHANNEL_HOLIDAY.DAY.eq(day)));
  }

  /** {@code day} is not among the member's days off kept on their row. */
  public static Condition notOff(Field<LocalDate> day) {
    return DSL.not(day.eq(DSL.any(MEMBER.AWAY_DAYS)))
        .and(DSL.not(day.eq(DSL.any(MEMBER.HOLIDAY_DAYS))));
  }

  /**
   * No progress standing on {@code day} or later (none at all yet, just joined, counts as none).
   */
  static Condition noProgressSince(Field<LocalDate> day) {
    return ENROLLMENT.LAST_ACTIVE_DATE.isNull().or(ENROLLMENT.LAST_ACTIVE_DATE.lt(day));
  }
}
