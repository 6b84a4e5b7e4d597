package io.roadmapcoach.core.member;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_LEAD;
import static io.roadmapcoach.db.schema.Tables.MEMBER;

import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Who leads which channel (besides platform admins, who always do). */
public final class LeadRepository {
  private final DSLContext dsl;

  public LeadRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  public boolean isLead(long channelId, long memberId) {
    return dsl.fetchExists(
        CHANNEL_LEAD, CHANNEL_LEAD.CHANNEL_ID.eq(channelId), CHANNEL_LEAD.MEMBER_ID.eq(memberId));
  }

  /** Names a lead; false when they already were one. */
  public boolean add(long channelId, long memberId, Optional<Long> grantedBy, Instant now) {
    return dsl.insertInto(CHANNEL_LEAD)
            .set(CHANNEL_LEAD.CHANNEL_ID, channelId)
            .set(CHANNEL_LEAD.MEMBER_ID, memberId)
            .set(CHANNEL_LEAD.GRANTED_BY, grantedBy.orElse(null))
            .set(CHANNEL_LEAD.GRANTED_AT, Times.utc(now))
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  /**
   * Makes the member a lead when the channel has none yet. Serialised per channel by a lock on the
   * channel row, so two first members at once yield one lead. The lock is FOR NO KEY UPDATE: a FOR
   * UPDATE would wait for the key-share locks that the other enrollments' inserts hold on the same
   * row while they wait for this one, and deadlock.
   */
  public boolean claimIfLeaderless(long channelId, long memberId, Instant now) {
    dsl.select(CHANNEL.ID).from(CHANNEL).where(CHANNEL.ID.eq(channelId)).forNoKeyUpdate().execute();
    if (dsl.fetchExists(CHANNEL_LEAD, CHANNEL_LEAD.CHANNEL_ID.eq(channelId))) {
      return false;
    }
    return add(channelId, memberId, Optional.empty(), now);
  }

  public boolean remove(long channelId, long memberId) {
    return dsl.deleteFrom(CHANNEL_LEAD)
            .where(CHANNEL_LEAD.CHANNEL_ID.eq(channelId), CHANNEL_LEAD.MEMBER_ID.eq(memberId))
            .execute()
        == 1;
  }

  /** How many named leads the channel has. */
  public int count(long channelId) {
    return dsl.fetchCount(CHANNEL_LEAD, CHANNEL_LEAD.CHANNEL_ID.eq(channelId));
  }

  /** Turns the lead's weekly digest of the channel on or off; false when they are no named lead. */
  public boolean setDigest(long channelId, long memberId, boolean on) {
    return dsl.update(CHANNEL_LEAD)
            .set(CHANNEL_LEAD.DIGEST, on)
            .where(CHANNEL_LEAD.CHANNEL_ID.eq(channelId), CHANNEL_LEAD.MEMBER_ID.eq(memberId))
            .execute()
        == 1;
  }

  /** The display names of the channel's named leads. */
  public List<String> leadNames(long channelId) {
    return dsl.select(MEMBER.DISPLAY_NAME)
        .from(CHANNEL_LEAD)
        .join(MEMBER)
        .on(MEMBER.ID.eq(CHANNEL_LEAD.MEMBER_ID))
        .where(CHANNEL_LEAD.CHANNEL_ID.eq(channelId))
        .orderBy(CHANNEL_LEAD.GRANTED_AT)
        .fetch(MEMBER.DISPLAY_NAME);
  }

  /** The member ids of the channel's named leads, first granted first. */
  public List<Long> leadIds(long channelId) {
    return dsl.select(CHANNEL_LEAD.MEMBER_ID)
        .from(CHANNEL_LEAD)
        .where(CHANNEL_LEAD.CHANNEL_ID.eq(channelId))
        .orderBy(CHANNEL_LEAD.GRANTED_AT)
        .fetch(CHANNEL_LEAD.MEMBER_ID);
  }
}
