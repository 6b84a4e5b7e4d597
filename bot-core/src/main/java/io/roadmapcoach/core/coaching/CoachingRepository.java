package io.roadmapcoach.core.coaching;

import static io.roadmapcoach.db.schema.Tables.MEMBER;

import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A member's coaching settings and state, kept on their row: whether they want a buddy, the evening
 * warning, the count of unanswered nudges (and the pause it leads to), their away status and the
 * days skipped as away.
 */
public final class CoachingRepository {
  /** Days off older than the longest streak walk no longer matter. */
  static final int KEEP_DAYS_OFF = 400;

  private final DSLContext dsl;

  public CoachingRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public boolean wantsBuddy(long memberId) {
    return dsl.select(MEMBER.BUDDY_OPT_IN)
        .from(MEMBER)
        .where(MEMBER.ID.eq(memberId))
        .fetchOptional(MEMBER.BUDDY_OPT_IN)
        .orElse(false);
  }

  public void setWantsBuddy(long memberId, boolean on) {
    dsl.update(MEMBER).set(MEMBER.BUDDY_OPT_IN, on).where(MEMBER.ID.eq(memberId)).execute();
  }

  /** The evening warning as set: on or off, and when (the member's local time). */
  public record Evening(boolean on, LocalTime at) {}

  public Evening evening(long memberId) {
    return dsl.select(MEMBER.EVENING_ENABLED, MEMBER.EVENING_TIME)
        .from(MEMBER)
        .where(MEMBER.ID.eq(memberId))
        .fetchSingle(r -> new Evening(r.value1(), r.value2()));
  }

  public void setEvening(long memberId, Evening evening) {
    dsl.update(MEMBER)
        .set(MEMBER.EVENING_ENABLED, evening.on())
        .set(MEMBER.EVENING_TIME, evening.at())
        .where(MEMBER.ID.eq(memberId))
        .execute();
  }

  /** What a daily nudge becomes once the unanswered ones before it are counted. */
  public enum NudgeVerdict {
    /** Send the nudge (it is counted as unanswered until the member is active). */
    NUDGE,
    /** Enough went unanswered: say goodbye for now instead; nudges pause. */
    PAUSE
  }

  /**
   * Counts the nudge for {@code day} as unanswered, or pauses nudges when {@code limit} went
   * unanswered before it. A retried send of the same day's nudge is counted once and gets the same
   * verdict. Locks the member's row for the rest of the transaction.
   */
  public NudgeVerdict countNudge(long memberId, LocalDate day, int limit, Instant now) {
    return countNudges(Map.of(memberId, day), limit, now).get(memberId);
  }

  /**
   * {@link #countNudge} for a batch of members, each with the day of their nudge: one read of their
   * rows (locked, in id order) and one update per day and verdict.
   */
  public Map<Long, NudgeVerdict> countNudges(Map<Long, LocalDate> dayOf, int limit, Instant now) {
    Map<Long, NudgeVerdict> verdicts = new HashMap<>();
    Map<LocalDate, List<Long>> pauseOn = new HashMap<>();
    Map<LocalDate, List<Long>> countOn = new HashMap<>();
    dsl.select(MEMBER.ID, MEMBER.UNANSWERED_NUDGES, MEMBER.LAST_NUDGE_DATE, MEMBER.NUDGES_PAUSED_AT)
        .from(MEMBER)
        .where(MEMBER.ID.in(dayOf.keySet()))
        .orderBy(MEMBER.ID)
        .forUpdate()
        .forEach(
            row -> {
              LocalDate day = dayOf.get(row.value1());
              if (day.equals(row.value3())) {
                // a retried send of the same day's nudge: counted once, the same verdict
                verdicts.put(
                    row.value1(), row.value4() == null ? NudgeVerdict.NUDGE : NudgeVerdict.PAUSE);
              } else if (row.value2() >= limit) {
                verdicts.put(row.value1(), NudgeVerdict.PAUSE);
                pauseOn.computeIfAbsent(day, d -> new ArrayList<>()).add(row.value1());
              } else {
                verdicts.put(row.value1(), NudgeVerdict.NUDGE);
                countOn.computeIfAbsent(day, d -> new ArrayList<>()).add(row.value1());
              }
            });
    pauseOn.forEach(
        (day, ids) ->
            dsl.update(MEMBER)
                .set(MEMBER.NUDGES_PAUSED_AT, Times.utc(now))
                .set(MEMBER.LAST_NUDGE_DATE, day)
                .where(MEMBER.ID.in(ids))
                .execute());
    countOn.forEach(
        (day, ids) ->
            dsl.update(MEMBER)
                .set(MEMBER.UNANSWERED_NUDGES, MEMBER.UNANSWERED_NUDGES.plus(1))
                .set(MEMBER.LAST_NUDGE_DATE, day)
                .where(MEMBER.ID.in(ids))
                .execute());
    return verdicts;
  }

  /** Which of the members' statuses say they are away at {@code now}. */
  public Set<Long> awayAmong(Collection<Long> memberIds, Instant now) {
    return new HashSet<>(
        dsl.select(MEMBER.ID)
            .from(MEMBER)
            .where(
                MEMBER.ID.in(memberIds),
                MEMBER.AWAY_SINCE.isNotNull(),
                MEMBER.AWAY_UNTIL.isNull().or(MEMBER.AWAY_UNTIL.gt(Times.utc(now))))
            .fetch(MEMBER.ID));
  }

  /** Which of the members asked for a study buddy. */
  public Set<Long> buddySeekersAmong(Collection<Long> memberIds) {
    return new HashSet<>(
        dsl.select(MEMBER.ID)
            .from(MEMBER)
            .where(MEMBER.ID.in(memberIds), MEMBER.BUDDY_OPT_IN.isTrue())
            .fetch(MEMBER.ID));
  }

  /** Whether the member's platform status says they are away at {@code now}. */
  public boolean isAway(long memberId, Instant now) {
    return dsl.fetchExists(
        MEMBER,
        MEMBER.ID.eq(memberId),
        MEMBER.AWAY_SINCE.isNotNull(),
        MEMBER.AWAY_UNTIL.isNull().or(MEMBER.AWAY_UNTIL.gt(Times.utc(now))));
  }

  /** Keeps {@code day} as one the member was away: it neither counts nor breaks their streak. */
  public void keepAwayDay(long memberId, LocalDate day) {
    dsl.update(MEMBER)
        .set(MEMBER.AWAY_DAYS, withDay(MEMBER.AWAY_DAYS, DSL.val(day)))
        .where(MEMBER.ID.eq(memberId))
        .and(DSL.not(DSL.val(day).eq(DSL.any(MEMBER.AWAY_DAYS))))
        .execute();
  }

  /** The days with {@code day} added, those older than {@link #KEEP_DAYS_OFF} left out. */
  static Field<LocalDate[]> withDay(Field<LocalDate[]> days, Field<LocalDate> day) {
    return DSL.field(
        "array(select d from unnest(array_append({0}, {1}::date)) as d where d > {1}::date - {2}"
            + " order by d)",
        SQLDataType.LOCALDATE.array(), days, day, DSL.inline(KEEP_DAYS_OFF));
  }
}
