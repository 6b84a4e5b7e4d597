package io.roadmapcoach.core.privacy;

import static io.roadmapcoach.db.schema.Tables.CHANNEL_LEAD;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.member.PersonalData;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Who a member is, for their export and erasure: found by who they are on the platform, never
 * created (asking what is kept stores nothing); and the channels they lead alone, which need a new
 * lead when they go. What is kept about them is read and erased by the {@link PersonalData} parts.
 */
final class PrivacyRepository {
  private final DSLContext dsl;

  PrivacyRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** The member the caller is in their workspace, if the coach has ever stored them. */
  Optional<PersonalData.Subject> identify(Caller caller) {
    return dsl.select(
            MEMBER.ID,
            MEMBER.WORKSPACE_ID,
            WORKSPACE.PLATFORM,
            WORKSPACE.EXTERNAL_ID,
            WORKSPACE.NAME,
            MEMBER.EXTERNAL_ID,
            MEMBER.DISPLAY_NAME)
        .from(MEMBER)
        .join(WORKSPACE)
        .on(WORKSPACE.ID.eq(MEMBER.WORKSPACE_ID))
        .where(
            WORKSPACE.PLATFORM.eq(caller.platform().key()),
            WORKSPACE.EXTERNAL_ID.eq(caller.workspaceId()),
            MEMBER.EXTERNAL_ID.eq(caller.userId()))
        .fetchOptional(
            r ->
                new PersonalData.Subject(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7()));
  }

  /** Locks the member's row: the sweep skips a locked member, so nothing new is queued for them. */
  void lock(long memberId) {
    dsl.select(MEMBER.ID).from(MEMBER).where(MEMBER.ID.eq(memberId)).forUpdate().execute();
  }

  // ---- erasure

  /** The channels the member leads as their only named lead. */
  List<Long> channelsLedAlone(long memberId) {
    var other = CHANNEL_LEAD.as("other");
    return dsl.select(CHANNEL_LEAD.CHANNEL_ID)
        .from(CHANNEL_LEAD)
        .where(CHANNEL_LEAD.MEMBER_ID.eq(memberId))
        .andNotExists(
            DSL.selectOne()
                .from(other)
                .where(other.CHANNEL_ID.eq(CHANNEL_LEAD.CHANNEL_ID), other.MEMBER_ID.ne(memberId)))
        .orderBy(CHANNEL_LEAD.CHANNEL_ID)
        .fetch(CHANNEL_LEAD.CHANNEL_ID);
  }
}
