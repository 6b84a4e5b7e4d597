package io.roadmapcoach.core.member;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.ENROLLMENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.command.Caller;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The caller for a button pressed outside any channel of the workspace: a member's direct
 * conversation with the bot, where delivered nudges and quiz invitations carry buttons. The press
 * acts as if made in the member's home channel, under the names already stored, so resolving the
 * caller creates no channel and renames nobody.
 *
 * <p>The platform says who pressed (the member's id, which it vouches for); the adapter says in
 * which workspace the delivery was meant, from what it put on the message when it sent it.
 */
public final class HomeCallers {
  private final DSLContext dsl;

  public HomeCallers(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * The member as a caller in their home channel; empty when the workspace is unknown or the member
   * never enrolled there. The platform's admin flag is not known outside a channel, so it is false:
   * the buttons of deliveries (done, snooze, quiz) need no lead rights.
   */
  public Optional<Caller> of(
      Platform platform, String workspaceExternalId, String memberExternalId) {
    return dsl.select(WORKSPACE.NAME, CHANNEL.EXTERNAL_ID, CHANNEL.NAME, MEMBER.DISPLAY_NAME)
        .from(MEMBER)
        .join(WORKSPACE)
        .on(WORKSPACE.ID.eq(MEMBER.WORKSPACE_ID))
        .join(ENROLLMENT)
        .on(ENROLLMENT.MEMBER_ID.eq(MEMBER.ID))
        .join(CHANNEL)
        .on(CHANNEL.ID.eq(ENROLLMENT.CHANNEL_ID))
        .where(
            WORKSPACE.PLATFORM.eq(platform.key()),
            WORKSPACE.EXTERNAL_ID.eq(workspaceExternalId),
            MEMBER.EXTERNAL_ID.eq(memberExternalId))
        .fetchOptional(
            r ->
                new Caller(
                    platform,
                    workspaceExternalId,
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    memberExternalId,
                    r.value4(),
                    false,
                    Optional.empty()));
  }
}
