package io.roadmapcoach.core.member;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.HANDLED_EVENT;
import static io.roadmapcoach.db.schema.Tables.MEMBER;
import static io.roadmapcoach.db.schema.Tables.SEEN_REQUEST;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.caller.PlatformStatus;
import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.core.tx.Transactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What platforms tell us about workspaces outside of commands: uninstalls, retried events, replayed
 * requests, and members' statuses (away on holiday, say, or no longer an admin).
 */
public final class Workspaces {
  /**
   * What else stops when the app is removed from a workspace, in the same transaction: what was
   * waiting to be delivered there is dropped (the outbox is {@code delivery}'s, above this package,
   * so the assembly hands its part in).
   */
  @FunctionalInterface
  public interface Removal {
    void removed(long workspaceId);
  }

  private final DSLContext dsl;
  private final Transactions transactions;
  private final Clock clock;
  private final Removal removal;
  private final MemberRepository members;

  public Workspaces(DSLContext dsl, Transactions transactions, Clock clock, Removal removal) {
    this.dsl = dsl;
    this.transactions = transactions;
    this.clock = clock;
    this.removal = removal;
    this.members = new MemberRepository(dsl);
  }

  /**
   * The app was removed from the workspace (Slack {@code app_uninstalled} or {@code
   * tokens_revoked}, the bot leaving a Discord server): deliveries stop at once, what was waiting
   * to go is dropped, and the workspace's data is erased once the retention period has passed,
   * unless it comes back first. A second notice keeps the first one's time.
   */
  public void removed(Platform platform, String workspaceExternalId) {
    transactions.run(
        () -> {
          var id =
              dsl.update(WORKSPACE)
                  .set(WORKSPACE.DELIVERABLE, false)
                  .set(
                      WORKSPACE.REMOVED_AT,
                      DSL.coalesce(WORKSPACE.REMOVED_AT, DSL.val(Times.utc(clock.instant()))))
                  .where(
                      WORKSPACE.PLATFORM.eq(platform.key()),
                      WORKSPACE.EXTERNAL_ID.eq(workspaceExternalId))
                  .returning(WORKSPACE.ID)
                  .fetchOptional(WORKSPACE.ID);
          id.ifPresent(removal::removed);
        });
  }

  /**
   * The app is back in the workspace (the bot rejoined a Discord server): deliveries resume and its
   * data is no longer due for erasure.
   */
  public void returned(Platform platform, String workspaceExternalId) {
    transactions.run(
        () ->
            dsl.update(WORKSPACE)
                .set(WORKSPACE.DELIVERABLE, true)
                .setNull(WORKSPACE.REMOVED_AT)
                .where(
                    WORKSPACE.PLATFORM.eq(platform.key()),
                    WORKSPACE.EXTERNAL_ID.eq(workspaceExternalId),
                    WORKSPACE.REMOVED_AT.isNotNull().or(WORKSPACE.DELIVERABLE.isFalse()))
                .execute());
  }

  /**
   * The workspace ({@code WORKSPACE}, joined by the caller) still has the app and takes deliveries:
   * nothing is queued for one that removed it (or whose token the platform refused), so that
   * nothing waits there to be sent if it comes back. The one place that says it: the routines'
   * claims read it through the coaching policy, and the outbox checks it for every row it is handed
   * one at a time.
   */
  public static Condition withTheApp() {
    return WORKSPACE.DELIVERABLE.isTrue();
  }

  /**
   * The platform says the bot may post in the channel again (Slack: the bot joined it; Discord: the
   * permissions it lacked were given): posts there resume, and a later refusal is told afresh.
   * False when the channel is unknown or was not refused.
   */
  public boolean channelOpened(
      Platform platform, String workspaceExternalId, String channelExternalId) {
    return transactions.inTransaction(
            () ->
                dsl.update(CHANNEL)
                    .set(CHANNEL.DELIVERABLE, true)
                    .set(CHANNEL.POSTING_STATE, "can_post")
                    .setNull(CHANNEL.POSTING_DETAIL)
                    .setNull(CHANNEL.POSTING_SINCE)
                    .setNull(CHANNEL.POSTING_TOLD_AT)
                    .where(
                        CHANNEL.EXTERNAL_ID.eq(channelExternalId),
                        CHANNEL.POSTING_STATE.in("not_invited", "missing_permissions"),
                        CHANNEL.WORKSPACE_ID.in(
                            DSL.select(WORKSPACE.ID)
                                .from(WORKSPACE)
                                .where(
                                    WORKSPACE.PLATFORM.eq(platform.key()),
                                    WORKSPACE.EXTERNAL_ID.eq(workspaceExternalId))))
                    .execute())
        > 0;
  }

  /** The workspace's channels the bot was refused in, by their platform ids: to ask again. */
  public List<String> refusedChannels(Platform platform, String workspaceExternalId) {
    return dsl.select(CHANNEL.EXTERNAL_ID)
        .from(CHANNEL)
        .join(WORKSPACE)
        .on(WORKSPACE.ID.eq(CHANNEL.WORKSPACE_ID))
        .where(
            WORKSPACE.PLATFORM.eq(platform.key()),
            WORKSPACE.EXTERNAL_ID.eq(workspaceExternalId),
            CHANNEL.POSTING_STATE.in("not_invited", "missing_permissions"))
        .fetch(CHANNEL.EXTERNAL_ID);
  }

  /** Whether deliveries to the workspace are on. Unknown workspaces are. */
  public boolean deliverable(Platform platform, String workspaceExternalId) {
    return dsl.select(WORKSPACE.DELIVERABLE)
        .from(WORKSPACE)
        .where(WORKSPACE.PLATFORM.eq(platform.key()), WORKSPACE.EXTERNAL_ID.eq(workspaceExternalId))
        .fetchOptional(WORKSPACE.DELIVERABLE)
        .orElse(true);
  }

  /**
   * Claims a platform event id the first time it is seen; false for a repeat (a platform retrying a
   * delivery it thinks was lost), which must then be acknowledged and not handled again.
   */
  public boolean firstDelivery(Platform platform, String eventId) {
    return transactions.inTransaction(
        () ->
            dsl.insertInto(HANDLED_EVENT)
                    .set(HANDLED_EVENT.PLATFORM, platform.key())
                    .set(HANDLED_EVENT.EVENT_ID, eventId)
                    .set(HANDLED_EVENT.HANDLED_AT, Times.utc(clock.instant()))
                    .onConflictDoNothing()
                    .execute()
                == 1);
  }

  /**
   * Claims a signed request (its timestamp and signature) the first time any instance sees it;
   * false for a replay, which must be acknowledged and not handled again. A signature is only
   * accepted within minutes of its timestamp, so claims are forgotten soon after (housekeeping);
   * only a SHA-256 hash of the two is stored.
   */
  public boolean firstRequest(Platform platform, Instant signedAt, String signature) {
    byte[] hash = sha256(signedAt.getEpochSecond() + ":" + signature);
    // on every request, so one round trip: the insert commits by itself
    return transactions.alone(
        () ->
            dsl.insertInto(SEEN_REQUEST)
                    .set(SEEN_REQUEST.PLATFORM, platform.key())
                    .set(SEEN_REQUEST.REQUEST_HASH, hash)
                    .set(SEEN_REQUEST.SIGNED_AT, Times.utc(signedAt))
                    .onConflictDoNothing()
                    .execute()
                == 1);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * A member's status as the platform reports it (Slack's {@code user_change} event, the console's
   * {@code :status}): whether it says they are away ({@link AwayStatus}) is kept, until {@code
   * expires} when the status says. Only members the coach knows are kept; false for anyone else.
   */
  public boolean memberStatus(
      Platform platform,
      String workspaceExternalId,
      String userExternalId,
      String emoji,
      String text,
      Optional<Instant> expires) {
    PlatformStatus status = new PlatformStatus(emoji, text, expires);
    Instant now = clock.instant();
    return transactions.inTransaction(
        () -> members.keepStatus(platform, workspaceExternalId, userExternalId, status, now));
  }

  /**
   * Whether the member administers their workspace, as the platform reports it when it changes
   * (Slack's {@code user_change}). An admin leads every channel of the workspace, and a dashboard
   * link or session opened on admin rights carries them: when the platform says the member is no
   * admin any more, those links and sessions lose the rights at once (they keep the channels the
   * member is a named lead of). Becoming an admin grants nothing to what is open: the next {@code
   * /roadmap dashboard} does. False when the coach does not know the member.
   */
  public boolean platformAdminChanged(
      Platform platform, String workspaceExternalId, String userExternalId, boolean admin) {
    return transactions.inTransaction(
        () ->
            dsl.update(MEMBER)
                    .set(MEMBER.PLATFORM_ADMIN, admin)
                    .where(
                        MEMBER.EXTERNAL_ID.eq(userExternalId),
                        MEMBER.WORKSPACE_ID.in(
                            DSL.select(WORKSPACE.ID)
                                .from(WORKSPACE)
                                .where(
                                    WORKSPACE.PLATFORM.eq(platform.key()),
                                    WORKSPACE.EXTERNAL_ID.eq(workspaceExternalId))))
                    .execute()
                > 0);
  }
}
