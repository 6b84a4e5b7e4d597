package io.roadmapcoach.core.coaching;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_HOLIDAY;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;

import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A channel's days off, and the record of them on its members' rows: once a holiday has begun in a
 * member's own calendar, it is kept among the days that neither count towards nor break their
 * streak (whatever their home channel later becomes).
 */
public final class HolidayRepository {
  private final DSLContext dsl;

  public HolidayRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Adds the days {@code from} to {@code to}; returns how many were not holidays yet. */
  public int add(long channelId, LocalDate from, LocalDate to, long setBy, Instant now) {
    int added = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      added +=
          dsl.insertInto(CHANNEL_HOLIDAY)
              .set(CHANNEL_HOLIDAY.CHANNEL_ID, channelId)
              .set(CHANNEL_HOLIDAY.DAY, day)
              .set(CHANNEL_HOLIDAY.SET_BY, setBy)
              .set(CHANNEL_HOLIDAY.CREATED_AT, Times.utc(now))
              .onConflictDoNothing()
              .execute();
    }
    return added;
  }

  /** The channel's holidays from {@code first} on, in order. */
  public List<LocalDate> from(long channelId, LocalDate first) {
    return dsl.select(CHANNEL_HOLIDAY.DAY)
        .from(CHANNEL_HOLIDAY)
        .where(CHANNEL_HOLIDAY.CHANNEL_ID.eq(channelId), CHANNEL_HOLIDAY.DAY.ge(first))
        .orderBy(CHANNEL_HOLIDAY.DAY)
        .fetch(CHANNEL_HOLIDAY.DAY);
  }

  /** Takes a holiday back; false when it was none. */
  public boolean clear(long channelId, LocalDate day) {
    return dsl.deleteFrom(CHANNEL_HOLIDAY)
            .where(CHANNEL_HOLIDAY.CHANNEL_ID.eq(channelId), CHANNEL_HOLIDAY.DAY.eq(day))
            .execute()
        == 1;
  }

  /** A day of a channel's calendar. */
  public record ChannelDay(long channelId, LocalDate day) {}

  /** Which of the channel days are holidays. */
  public Set<ChannelDay> holidaysAmong(Collection<ChannelDay> days) {
    Set<Long> channels = new HashSet<>();
    Set<LocalDate> dates = new HashSet<>();
    days.forEach(
        d -> {
          channels.add(d.channelId());
          dates.add(d.day());
        });
    Set<ChannelDay> holidays = new HashSet<>();
    dsl.select(CHANNEL_HOLIDAY.CHANNEL_ID, CHANNEL_HOLIDAY.DAY)
        .from(CHANNEL_HOLIDAY)
        .where(CHANNEL_HOLIDAY.CHANNEL_ID.in(channels), CHANNEL_HOLIDAY.DAY.in(dates))
        .forEach(r -> holidays.add(new ChannelDay(r.value1(), r.value2())));
    holidays.retainAll(new HashSet<>(days));
    return holidays;
  }

  public boolean isHoliday(long channelId, LocalDate day) {
    return dsl.fetchExists(
        CHANNEL_HOLIDAY, CHANNEL_HOLIDAY.CHANNEL_ID.eq(channelId), CHANNEL_HOLIDAY.DAY.eq(day));
  }

  /** How far back a run looks for holidays begun and not kept yet (the scheduler was down). */
  static final int LOOK_BACK_DAYS = 7;

  /**
   * Keeps the holidays of members' home channels that have begun in their own calendar (in the last
   * {@link #LOOK_BACK_DAYS} days) on their rows; returns how many rows changed.
   */
  public int keepBegun(Instant now) {
    return keepBegun(now, DSL.noCondition());
  }

  /** The same, for the members whose home is {@code channelId} (a lead set a holiday for today). */
  public int keepBegun(Instant now, long channelId) {
    return keepBegun(now, ENROLLMENT.CHANNEL_ID.eq(channelId));
  }

  private int keepBegun(Instant now, Condition which) {
    Field<String> zone =
        DSL.coalesce(
            MEMBER.TIME_ZONE, MEMBER.PLATFORM_TIME_ZONE, CHANNEL.TIME_ZONE, DSL.inline("UTC"));
    Field<LocalDate> today =
        DSL.field(
            "({0} at time zone {1})::date", SQLDataType.LOCALDATE, DSL.val(Times.utc(now)), zone);
    Field<LocalDate> earliest =
        DSL.field("({0} - {1})", SQLDataType.LOCALDATE, today, DSL.inline(LOOK_BACK_DAYS));
    var begun =
        CHANNEL_HOLIDAY
            .CHANNEL_ID
            .eq(ENROLLMENT.CHANNEL_ID)
            .and(CHANNEL_HOLIDAY.DAY.between(earliest, today));
    Field<LocalDate[]> begunDays =
        DSL.field(DSL.select(DSL.arrayAgg(CHANNEL_HOLIDAY.DAY)).from(CHANNEL_HOLIDAY).where(begun));
    LocalDate utcToday = now.atOffset(ZoneOffset.UTC).toLocalDate();
    return dsl.update(MEMBER)
        .set(
            MEMBER.HOLIDAY_DAYS,
            DSL.field(
                "array(select distinct d from unnest({0} || {1}) as d where d > {2} - {3}"
                    + " order by d)",
                SQLDataType.LOCALDATE.array(),
                MEMBER.HOLIDAY_DAYS,
                begunDays,
                today,
                DSL.inline(CoachingRepository.KEEP_DAYS_OFF)))
        .from(ENROLLMENT.join(CHANNEL).on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID)))
        .where(ENROLLMENT.MEMBER_ID.eq(MEMBER.ID))
        .and(which)
        // only channels with a holiday near today in any zone: found by the day index
        .and(
            ENROLLMENT.CHANNEL_ID.in(
                DSL.select(CHANNEL_HOLIDAY.CHANNEL_ID)
                    .from(CHANNEL_HOLIDAY)
                    .where(
                        CHANNEL_HOLIDAY.DAY.between(
                            utcToday.minusDays(LOOK_BACK_DAYS + 1), utcToday.plusDays(1)))))
        .and(
            DSL.exists(
                DSL.selectOne()
                    .from(CHANNEL_HOLIDAY)
                    .where(begun)
                    .and(DSL.not(CHANNEL_HOLIDAY.DAY.eq(DSL.any(MEMBER.HOLIDAY_DAYS))))))
        .execute();
  }

  /** A holiday taken back: the channel's members no longer have it among their days off. */
  public void forgetBegun(long channelId, LocalDate day) {
    dsl.update(MEMBER)
        .set(
            MEMBER.HOLIDAY_DAYS,
            DSL.field(
                "array_remove({0}, {1}::date)",
                SQLDataType.LOCALDATE.array(), MEMBER.HOLIDAY_DAYS, DSL.val(day)))
        .where(
            MEMBER.ID.in(
                DSL.select(ENROLLMENT.MEMBER_ID)
                    .from(ENROLLMENT)
                    .where(ENROLLMENT.CHANNEL_ID.eq(channelId))))
        .and(DSL.val(day).eq(DSL.any(MEMBER.HOLIDAY_DAYS)))
        .execute();
  }
}
