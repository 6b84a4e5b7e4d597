package io.roadmapcoach.core.journey;

import static io.roadmapcoach.db.schema.Sequences.ERASED_MEMBER;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_DAY;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The channels' history: what stood at the end of each member-local day, per channel the member was
 * in that day. {@link ProgressLedger} writes it with the progress it counts; the last weeks' chart
 * reads it. A week keeps its count when a member later leaves (their days stay) or erases their
 * data (their days stay under a number that names nobody).
 */
public final class ChannelDays {
  private final DSLContext dsl;

  public ChannelDays(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A week by its Monday: objectives that stood at the end of their day, and members active. */
  public record Week(LocalDate monday, int objectivesDone, int activeMembers) {}

  /** Progress on the member's day, in every channel they are in now. */
  void progress(long memberId, LocalDate day, boolean objective) {
    int objectives = objective ? 1 : 0;
    dsl.insertInto(
            CHANNEL_DAY,
            CHANNEL_DAY.CHANNEL_ID,
            CHANNEL_DAY.MEMBER_ID,
            CHANNEL_DAY.LOCAL_DATE,
            CHANNEL_DAY.OBJECTIVES,
            CHANNEL_DAY.ACTIVITY)
        .select(
            DSL.select(
                    CHANNEL_MEMBER.CHANNEL_ID,
                    CHANNEL_MEMBER.MEMBER_ID,
                    DSL.val(day),
                    DSL.val(objectives),
                    DSL.val(1))
                .from(CHANNEL_MEMBER)
                .where(CHANNEL_MEMBER.MEMBER_ID.eq(memberId)))
        .onConflict(CHANNEL_DAY.CHANNEL_ID, CHANNEL_DAY.LOCAL_DATE, CHANNEL_DAY.MEMBER_ID)
        .doUpdate()
        .set(CHANNEL_DAY.OBJECTIVES, CHANNEL_DAY.OBJECTIVES.plus(objectives))
        .set(CHANNEL_DAY.ACTIVITY, CHANNEL_DAY.ACTIVITY.plus(1))
        .execute();
  }

  /** An objective checked off on {@code day} was taken back the same day: it did not stand. */
  void objectiveTakenBack(long memberId, LocalDate day) {
    dsl.update(CHANNEL_DAY)
        .set(CHANNEL_DAY.OBJECTIVES, CHANNEL_DAY.OBJECTIVES.minus(1))
        .set(CHANNEL_DAY.ACTIVITY, CHANNEL_DAY.ACTIVITY.minus(1))
        .where(
            CHANNEL_DAY.MEMBER_ID.eq(memberId),
            CHANNEL_DAY.LOCAL_DATE.eq(day),
            CHANNEL_DAY.OBJECTIVES.gt(0),
            CHANNEL_DAY.ACTIVITY.gt(0))
        .execute();
  }

  /**
   * Objectives done and members active per week from {@code firstMonday} on, in each member's own
   * calendar; weeks without any left out.
   */
  public List<Week> weeks(long channelId, LocalDate firstMonday) {
    Field<LocalDate> monday =
        CHANNEL_DAY
            .LOCAL_DATE
            .minus(
                DSL.extract(CHANNEL_DAY.LOCAL_DATE, org.jooq.DatePart.ISO_DAY_OF_WEEK)
                    .cast(Integer.class)
                    .minus(1))
            .as("monday");
    Field<Integer> objectives =
        DSL.sum(CHANNEL_DAY.OBJECTIVES).cast(Integer.class).as("objectives");
    Field<Integer> active =
        DSL.countDistinct(CHANNEL_DAY.MEMBER_ID)
            .filterWhere(CHANNEL_DAY.ACTIVITY.gt(0))
            .as("active");
    return dsl.select(monday, objectives, active)
        .from(CHANNEL_DAY)
        .where(CHANNEL_DAY.CHANNEL_ID.eq(channelId), CHANNEL_DAY.LOCAL_DATE.ge(firstMonday))
        .groupBy(DSL.field(DSL.name("monday")))
        .fetch(r -> new Week(r.get(monday), r.get(objectives), r.get(active)));
  }

  /**
   * The member erased their data: their days stay in the channels' history, under one number that
   * names nobody (negative, so never a member's id), so past weeks still count them once.
   */
  void anonymise(long memberId) {
    long nobody = -dsl.nextval(ERASED_MEMBER);
    dsl.update(CHANNEL_DAY)
        .set(CHANNEL_DAY.MEMBER_ID, nobody)
        .where(CHANNEL_DAY.MEMBER_ID.eq(memberId))
        .execute();
  }
}
