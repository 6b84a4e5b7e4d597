package io.roadmapcoach.core.progress;

import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.SWEEP_SLICE;

import io.roadmapcoach.core.member.PersonalData;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The nudge sweep's marks of which slice of member ids a minute's sweep covered: no member's data,
 * but bounded by member ids, so they go with the member or workspace.
 */
public final class ProgressPersonalData implements PersonalData {
  private final DSLContext dsl;

  public ProgressPersonalData(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public Map<String, String> leftOut() {
    return Map.of(
        "sweep_slice",
        "scheduling bookkeeping: which range of member ids a minute's sweep covered");
  }

  /**
   * Forgetting a slice only makes that minute's sweep read the slice again, and the outbox's unique
   * keys keep a nudge from doubling.
   */
  @Override
  public void erase(Subject who) {
    long id = who.memberId();
    dsl.deleteFrom(SWEEP_SLICE)
        .where(SWEEP_SLICE.FIRST_MEMBER_ID.eq(id).or(SWEEP_SLICE.LAST_MEMBER_ID.eq(id)))
        .execute();
  }

  @Override
  public int eraseWorkspace(Workspace workspace) {
    var members = DSL.select(MEMBER.ID).from(MEMBER).where(MEMBER.WORKSPACE_ID.eq(workspace.id()));
    return dsl.deleteFrom(SWEEP_SLICE)
        .where(SWEEP_SLICE.FIRST_MEMBER_ID.in(members).or(SWEEP_SLICE.LAST_MEMBER_ID.in(members)))
        .execute();
  }
}
