package io.roadmapcoach.core.member;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.CHANNEL_MEMBER;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.JOURNEY;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.WEEKLY_POINTS;

import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Who belongs to which channel (cohort). A member belongs to any number of channels of their
 * workspace; each membership carries a copy of the member's all-time points, so a channel's board
 * ranks from an index.
 */
public final class Memberships {
  private final DSLContext dsl;

  public Memberships(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Adds an enrolled member to the channel, bringing their points so far; false when they already
   * were in.
   */
  public boolean join(long channelId, long memberId, Instant now) {
    return dsl.insertInto(
                CHANNEL_MEMBER,
                CHANNEL_MEMBER.CHANNEL_ID,
                CHANNEL_MEMBER.MEMBER_ID,
                CHANNEL_MEMBER.JOINED_AT,
                CHANNEL_MEMBER.POINTS,
                CHANNEL_MEMBER.POINTS_REACHED_AT,
                CHANNEL_MEMBER.LAST_ACTIVITY_AT)
            .select(
                DSL.select(
                        DSL.val(channelId),
                        ENROLLMENT.MEMBER_ID,
                        DSL.val(Times.utc(now)),
                        DSL.coalesce(JOURNEY.POINTS, 0),
                        DSL.coalesce(JOURNEY.POINTS_REACHED_AT, ENROLLMENT.ENROLLED_AT),
                        ENROLLMENT.LAST_ACTIVITY_AT)
                    .from(ENROLLMENT)
                    // the board shows the points of the journey on the channel's roadmap
                    .leftJoin(JOURNEY)
                    .on(
                        JOURNEY.MEMBER_ID.eq(ENROLLMENT.MEMBER_ID),
                        JOURNEY.ROADMAP_ID.eq(
                            DSL.field(
                                DSL.select(CHANNEL.ROADMAP_ID)
                                    .from(CHANNEL)
                                    .where(CHANNEL.ID.eq(channelId)))))
                    .where(ENROLLMENT.MEMBER_ID.eq(memberId)))
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  /** How many channels the member is in. */
  public int channelCount(long memberId) {
    return dsl.fetchCount(CHANNEL_MEMBER, CHANNEL_MEMBER.MEMBER_ID.eq(memberId));
  }

  /** Takes the member out of the channel and off its boards; false when they were not in it. */
  public boolean leave(long channelId, long memberId) {
    dsl.deleteFrom(WEEKLY_POINTS)
        .where(WEEKLY_POINTS.CHANNEL_ID.eq(channelId), WEEKLY_POINTS.MEMBER_ID.eq(memberId))
        .execute();
    return dsl.deleteFrom(CHANNEL_MEMBER)
            .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId), CHANNEL_MEMBER.MEMBER_ID.eq(memberId))
            .execute()
        == 1;
  }

  public boolean isMember(long channelId, long memberId) {
    return dsl.fetchExists(
        CHANNEL_MEMBER,
        CHANNEL_MEMBER.CHANNEL_ID.eq(channelId),
        CHANNEL_MEMBER.MEMBER_ID.eq(memberId));
  }

  /** The member's channels, the earliest joined first. */
  public List<Channel> channelsOf(long memberId) {
    return dsl.select(CHANNEL.fields())
        .from(CHANNEL_MEMBER)
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(CHANNEL_MEMBER.CHANNEL_ID))
        .where(CHANNEL_MEMBER.MEMBER_ID.eq(memberId))
        .orderBy(CHANNEL_MEMBER.JOINED_AT, CHANNEL.ID)
        .fetch(r -> MemberRepository.channel(r.into(CHANNEL)));
  }

  /** The member of the channel who joined it first: the next lead when its last one leaves. */
  public Optional<Member> earliestMember(long channelId) {
    return dsl.select(MEMBER.fields())
        .from(CHANNEL_MEMBER)
        .join(MEMBER)
        .on(MEMBER.ID.eq(CHANNEL_MEMBER.MEMBER_ID))
        .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
        .orderBy(CHANNEL_MEMBER.JOINED_AT, CHANNEL_MEMBER.MEMBER_ID)
        .limit(1)
        .fetchOptional(r -> MemberRepository.member(r.into(MEMBER)));
  }

  /** A channel of the workspace by its platform id or its name (any letter case, {@code #} off). */
  public Optional<Channel> findChannel(long workspaceId, String idOrName) {
    String name = idOrName.startsWith("#") ? idOrName.substring(1) : idOrName;
    return dsl.selectFrom(CHANNEL)
        .where(CHANNEL.WORKSPACE_ID.eq(workspaceId))
        .and(CHANNEL.EXTERNAL_ID.eq(name).or(CHANNEL.NAME.equalIgnoreCase(name)))
        .orderBy(CHANNEL.ID)
        .limit(1)
        .fetchOptional(MemberRepository::channel);
  }
}
