package io.roadmapcoach.core.delivery;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.delivery.ChannelAccess.State;
import io.roadmapcoach.core.member.ReminderMode;
import io.roadmapcoach.core.time.Times;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Each channel's posting state, kept on its row ({@code V20}). */
public final class PostingRepository {
  private final DSLContext dsl;

  public PostingRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** A channel's posting state, since when, and whether its leads were told. */
  public record Stored(ChannelAccess access, Optional<Instant> since, boolean told) {}

  public Stored stored(long channelId) {
    Record r =
        dsl.select(
                CHANNEL.POSTING_STATE,
                CHANNEL.POSTING_DETAIL,
                CHANNEL.POSTING_SINCE,
                CHANNEL.POSTING_TOLD_AT)
            .from(CHANNEL)
            .where(CHANNEL.ID.eq(channelId))
            .fetchOne();
    if (r == null) {
      return new Stored(ChannelAccess.canPost(), Optional.empty(), false);
    }
    String detail = r.get(CHANNEL.POSTING_DETAIL);
    List<String> missing =
        detail == null || detail.isBlank() ? List.of() : Arrays.asList(detail.split(", "));
    return new Stored(
        new ChannelAccess(State.ofKey(r.get(CHANNEL.POSTING_STATE)), missing),
        Optional.ofNullable(r.get(CHANNEL.POSTING_SINCE)).map(Times::instant),
        r.get(CHANNEL.POSTING_TOLD_AT) != null);
  }

  /**
   * Keeps what the platform said. A refusal stops posts there ({@code deliverable} false); "can
   * post" turns them back on and forgets that the leads were told; "unchecked" only notes it, as a
   * refused post will still tell. Returns true when the state changed.
   */
  public boolean keep(long channelId, ChannelAccess access, Instant now) {
    Stored before = stored(channelId);
    if (before.access().equals(access)) {
      return false;
    }
    if (access.state() == State.UNCHECKED && before.access().refused()) {
      return false; // a refusal already said more than "cannot ask"
    }
    var update =
        dsl.update(CHANNEL)
            .set(CHANNEL.POSTING_STATE, access.state().key())
            .set(
                CHANNEL.POSTING_DETAIL,
                access.missing().isEmpty() ? null : String.join(", ", access.missing()))
            .set(CHANNEL.POSTING_SINCE, access.state() == State.CAN_POST ? null : Times.utc(now));
    if (access.refused()) {
      update.set(CHANNEL.DELIVERABLE, false).where(CHANNEL.ID.eq(channelId)).execute();
    } else if (access.state() == State.CAN_POST) {
      update
          .set(CHANNEL.DELIVERABLE, true)
          .setNull(CHANNEL.POSTING_TOLD_AT)
          .where(CHANNEL.ID.eq(channelId))
          .execute();
    } else {
      update.where(CHANNEL.ID.eq(channelId)).execute();
    }
    return true;
  }

  public void told(long channelId, Instant now) {
    dsl.update(CHANNEL)
        .set(CHANNEL.POSTING_TOLD_AT, Times.utc(now))
        .where(CHANNEL.ID.eq(channelId))
        .execute();
  }

  /**
   * The members whose reminders would come in the channel's post: enrolled there and in channel
   * mode by their own choice or the channel's default. They get them by DM while it is refused.
   */
  public List<Long> postMembers(long channelId) {
    return dsl.select(MEMBER.ID)
        .from(ENROLLMENT)
        .join(MEMBER)
        .on(MEMBER.ID.eq(ENROLLMENT.MEMBER_ID))
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
        .where(
            ENROLLMENT.CHANNEL_ID.eq(channelId),
            MEMBER.REMIND_ENABLED.isTrue(),
            MEMBER.DELIVERABLE.isTrue(),
            DSL.coalesce(MEMBER.REMIND_VIA, CHANNEL.REMINDER_MODE).eq(ReminderMode.CHANNEL.key()))
        .fetch(MEMBER.ID);
  }

  /** The platform and workspace of a channel, for wording and for asking the platform. */
  public record Where(String platform, long workspaceId, String workspaceExternalId) {}

  public Where where(long channelId) {
    return dsl.select(WORKSPACE.PLATFORM, WORKSPACE.ID, WORKSPACE.EXTERNAL_ID)
        .from(CHANNEL)
        .join(WORKSPACE)
        .on(WORKSPACE.ID.eq(CHANNEL.WORKSPACE_ID))
        .where(CHANNEL.ID.eq(channelId))
        .fetchOne(r -> new Where(r.value1(), r.value2(), r.value3()));
  }
}
