package io.roadmapcoach.core.progress;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import java.time.LocalDate;
import org.jooq.DSLContext;

/**
 * Many enrolled members due for a nudge at 09:00 UTC, written in bulk (enrolling one by one is
 * slow).
 */
public final class DueMembers {
  private DueMembers() {}

  /** {@code count} members of one channel, last active {@code lastActive}, nudged at 09:00 UTC. */
  public static void create(DSLContext dsl, int count, LocalDate lastActive) {
    long workspace =
        dsl.insertInto(WORKSPACE, WORKSPACE.PLATFORM, WORKSPACE.EXTERNAL_ID)
            .values("console", "bulk")
            .returning(WORKSPACE.ID)
            .fetchSingle()
            .getId();
    long channel =
        dsl.insertInto(
                CHANNEL, CHANNEL.WORKSPACE_ID, CHANNEL.EXTERNAL_ID, CHANNEL.NAME, CHANNEL.TIME_ZONE)
            .values(workspace, "bulk", "bulk", "UTC")
            .returning(CHANNEL.ID)
            .fetchSingle()
            .getId();
    dsl.execute(
        """
        insert into member (workspace_id, external_id, display_name, time_zone)
        select {0}, 'm' || n, 'Member ' || n, 'UTC' from generate_series(1, {2}) n;
        """
            .replace("{0}", String.valueOf(workspace))
            .replace("{2}", String.valueOf(count)));
    dsl.execute(
        """
        insert into enrollment (member_id, channel_id, streak_days,
                                last_activity_at, last_active_date, enrolled_at)
        select m.id, {1}, 0, now(), date '{3}', now()
        from member m where m.workspace_id = {0};
        insert into journey (member_id, roadmap_id, stage, points, points_reached_at, started_at)
        select e.member_id, 0, 1, 0, now(), e.enrolled_at
        from enrollment e join member m on m.id = e.member_id where m.workspace_id = {0};
        """
            .replace("{0}", String.valueOf(workspace))
            .replace("{1}", String.valueOf(channel))
            .replace("{3}", lastActive.toString()));
    dsl.execute(
        "insert into channel_member (channel_id, member_id, joined_at, points, points_reached_at,"
            + " last_activity_at)"
            + " select channel_id, member_id, enrolled_at, 0, now(), last_activity_at from enrollment");
  }

  /**
   * Every member enrolled in every channel there is, on the deployment's roadmap at stage 1, last
   * active {@code lastActive}: what the adapters' delivery tests set up beside their own members.
   */
  public static void enrollEveryoneEverywhere(DSLContext dsl, LocalDate lastActive) {
    dsl.execute(
        "insert into enrollment (member_id, channel_id,"
            + " streak_days, last_activity_at, last_active_date, enrolled_at)"
            + " select m.id, c.id, 0, now(), ?, now() from member m, channel c",
        lastActive);
    dsl.execute(
        "insert into journey (member_id, roadmap_id, stage, points, points_reached_at, started_at)"
            + " select member_id, 0, 1, 0, now(), enrolled_at from enrollment");
    dsl.execute(
        "insert into channel_member (channel_id, member_id, joined_at, points, points_reached_at,"
            + " last_activity_at)"
            + " select channel_id, member_id, enrolled_at, 0, now(), last_activity_at from enrollment");
  }
}
