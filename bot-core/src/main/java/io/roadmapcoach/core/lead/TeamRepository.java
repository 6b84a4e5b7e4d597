package io.roadmapcoach.core.lead;

import static io.roadmapcoach.db.schema.Tables.CHANNEL_LEAD;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.OBJECTIVE_DONE;
import static io.roadmapcoach.db.schema.Tables.QUIZ_ATTEMPT;

import io.roadmapcoach.core.journey.EnrollmentRepository;
import io.roadmapcoach.core.member.MemberRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectLimitStep;
import org.jooq.impl.DSL;

/**
 * The channel's enrolled members, longest without progress first: those stuck for a week head the
 * list. Per-member details are looked up only for the rows returned.
 */
public final class TeamRepository {
  private final DSLContext dsl;

  public TeamRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public int count(long channelId) {
    return dsl.fetchCount(CHANNEL_MEMBER, CHANNEL_MEMBER.CHANNEL_ID.eq(channelId));
  }

  /** The first {@code limit} members, stalest first. */
  public List<TeamRow> stalestFirst(long channelId, int limit) {
    List<TeamRow> rows = new ArrayList<>();
    query(channelId).limit(limit).fetch().forEach(r -> rows.add(row(r)));
    return rows;
  }

  /** Every member, stalest first, one at a time (a channel may have thousands). */
  public void forEach(long channelId, Consumer<TeamRow> each) {
    try (var cursor = query(channelId).fetchSize(500).fetchLazy()) {
      cursor.forEach(r -> each.accept(row(r)));
    }
  }

  private SelectLimitStep<Record> query(long channelId) {
    Field<Integer> done =
        DSL.field(
                DSL.selectCount()
                    .from(OBJECTIVE_DONE)
                    .where(
                        OBJECTIVE_DONE.MEMBER_ID.eq(JOURNEY.MEMBER_ID),
                        OBJECTIVE_DONE.ROADMAP_ID.eq(JOURNEY.ROADMAP_ID),
                        OBJECTIVE_DONE.STAGE.eq(JOURNEY.STAGE)))
            .as("objectives_done");
    Field<String> lastScore =
        DSL.field(
                DSL.select(
                        QUIZ_ATTEMPT
                            .SCORE
                            .cast(String.class)
                            .concat("/")
                            .concat(QUIZ_ATTEMPT.QUESTION_COUNT.cast(String.class)))
                    .from(QUIZ_ATTEMPT)
                    .where(
                        QUIZ_ATTEMPT.MEMBER_ID.eq(JOURNEY.MEMBER_ID),
                        QUIZ_ATTEMPT.ROADMAP_ID.eq(JOURNEY.ROADMAP_ID),
                        QUIZ_ATTEMPT.STATUS.eq("finished"))
                    .orderBy(QUIZ_ATTEMPT.FINISHED_AT.desc())
                    .limit(1))
            .as("last_score");
    Field<Boolean> lead =
        DSL.field(
                DSL.exists(
                    DSL.selectOne()
                        .from(CHANNEL_LEAD)
                        .where(
                            CHANNEL_LEAD.CHANNEL_ID.eq(CHANNEL_MEMBER.CHANNEL_ID),
                            CHANNEL_LEAD.MEMBER_ID.eq(CHANNEL_MEMBER.MEMBER_ID))))
            .as("is_lead");
    return dsl.select(ENROLLMENT.fields())
        .select(JOURNEY.fields())
        .select(MEMBER.fields())
        .select(done, lastScore)
        .select(lead)
        .from(CHANNEL_MEMBER)
        .join(ENROLLMENT)
        .on(ENROLLMENT.MEMBER_ID.eq(CHANNEL_MEMBER.MEMBER_ID))
        .join(JOURNEY)
        .on(EnrollmentRepository.journeyInChannel(channelId))
        .join(MEMBER)
        .on(MEMBER.ID.eq(ENROLLMENT.MEMBER_ID))
        .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
        .orderBy(CHANNEL_MEMBER.LAST_ACTIVITY_AT.asc(), CHANNEL_MEMBER.MEMBER_ID.asc());
  }

  private static TeamRow row(Record r) {
    return new TeamRow(
        MemberRepository.member(r.into(MEMBER)),
        EnrollmentRepository.enrollment(r),
        r.get("objectives_done", Integer.class),
        Optional.ofNullable(r.get("last_score", String.class)),
        Boolean.TRUE.equals(r.get("is_lead", Boolean.class)));
  }
}
