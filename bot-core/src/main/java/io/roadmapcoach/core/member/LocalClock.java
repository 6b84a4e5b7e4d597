package io.roadmapcoach.core.member;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.MEMBER;

import io.roadmapcoach.core.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.jooq.Condition;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A member's local clock in SQL, for the routines that find who is due (the nudge sweep, the
 * evening warning): their time zone, the time of day something was last due, and whether that is
 * still within its late window, across midnight too. One definition, so every routine agrees.
 */
public final class LocalClock {
  private static final Field<LocalDateTime> LOCAL_TS =
      DSL.field(DSL.name("l", "local_ts"), SQLDataType.LOCALDATETIME);
  private static final Field<LocalDateTime> LOCAL_FROM =
      DSL.field(DSL.name("l", "local_from"), SQLDataType.LOCALDATETIME);

  private LocalClock() {}

  /** The member's zone: their own, else the platform's, else the channel's, else UTC. */
  public static Field<String> memberZone() {
    return DSL.coalesce(
        MEMBER.TIME_ZONE, MEMBER.PLATFORM_TIME_ZONE, CHANNEL.TIME_ZONE, DSL.inline("UTC"));
  }

  /** A lateral table {@code l} holding {@code now} as a local timestamp in {@code zone}. */
  public static Table<?> at(Instant now, Field<String> zone) {
    return DSL.lateral(DSL.select(local(now, zone).as("local_ts"))).as("l");
  }

  /**
   * A lateral table {@code l} holding the stretch {@code (from, now]} a routine covers as local
   * timestamps in {@code zone}: {@link #dueBetween} finds what fell due in it.
   */
  public static Table<?> between(Instant from, Instant now, Field<String> zone) {
    return DSL.lateral(
            DSL.select(local(now, zone).as("local_ts"), local(from, zone).as("local_from")))
        .as("l");
  }

  private static Field<LocalDateTime> local(Instant at, Field<String> zone) {
    return DSL.field(
        "({0} at time zone {1})", SQLDataType.LOCALDATETIME, DSL.val(Times.utc(at)), zone);
  }

  /** The local timestamp of the table {@link #at} made. */
  public static Field<LocalDateTime> localTimestamp() {
    return LOCAL_TS;
  }

  /** The local date on which the time {@code at} was last due (today once it has come). */
  public static Field<LocalDate> lastDueDate(Field<LocalTime> at) {
    return DSL.field(
        "(case when {0}::time >= {1} then {0}::date else {0}::date - 1 end)",
        SQLDataType.LOCALDATE, LOCAL_TS, at);
  }

  /** When the time {@code at} was last due, as a local timestamp. */
  public static Field<LocalDateTime> dueAt(Field<LocalTime> at) {
    return DSL.field("({0} + {1})", SQLDataType.LOCALDATETIME, lastDueDate(at), at);
  }

  /** The time {@code at} was last due at most {@code window} ago, across midnight too. */
  public static Condition dueWithin(Field<LocalTime> at, Duration window) {
    Field<LocalDateTime> lateLimit =
        DSL.field(
            "({0} + make_interval(mins => {1}))",
            SQLDataType.LOCALDATETIME, dueAt(at), DSL.inline((int) window.toMinutes()));
    return LOCAL_TS.lt(lateLimit);
  }

  /**
   * The time {@code at} fell due within the stretch of the table {@link #between} made (the local
   * clock passed it), and at most {@code window} ago: a time moved to one already past does not
   * fall due until its next day, and a stretch left by a scheduler that was down is caught up
   * within the window. Local timestamps, so a time the clocks jump over falls due at the jump.
   */
  public static Condition dueBetween(Field<LocalTime> at, Duration window) {
    return LOCAL_FROM.lt(dueAt(at)).and(dueWithin(at, window));
  }

  /** {@code day} is one of the member's reminder days. */
  public static Condition reminderDay(Field<LocalDateTime> day) {
    return MEMBER.REMIND_DAYS.eq("daily").or(DSL.extract(day, DatePart.ISO_DAY_OF_WEEK).lt(6));
  }

  /** The member is not snoozed on {@code day}. */
  public static Condition notSnoozed(Field<LocalDate> day) {
    return MEMBER
        .SNOOZED_UNTIL
        .isNull()
        .or(day.gt(MEMBER.SNOOZED_UNTIL))
        .or(MEMBER.SNOOZED_FROM.isNotNull().and(day.lt(MEMBER.SNOOZED_FROM)));
  }
}
