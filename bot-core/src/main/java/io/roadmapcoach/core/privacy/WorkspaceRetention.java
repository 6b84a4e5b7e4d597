package io.roadmapcoach.core.privacy;

import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.member.PersonalData;
import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.core.tx.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases the workspaces that removed the app more than the retention period ago and did not come
 * back: the workspace row and, through the schema's foreign keys, its channels, members and all
 * their progress; before it, what each {@link PersonalData} part keeps by plain or platform ids
 * (the outbox, swept slices, the installation). A housekeeping routine runs it; each workspace goes
 * in a transaction of its own.
 */
public final class WorkspaceRetention {
  /** {@code ROADMAP_RETENTION_DAYS} unless set. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

  static final int MOST_PER_RUN = 20;
  private static final Logger log = LoggerFactory.getLogger(WorkspaceRetention.class);

  private final DSLContext dsl;
  private final Transactions transactions;
  private final Duration retention;
  private final List<PersonalData> parts;

  public WorkspaceRetention(
      DSLContext dsl, Transactions transactions, Duration retention, List<PersonalData> parts) {
    this.dsl = dsl;
    this.transactions = transactions;
    this.retention = Objects.requireNonNull(retention);
    this.parts = List.copyOf(parts);
    if (retention.isNegative()) {
      throw new IllegalArgumentException("a retention period cannot be negative");
    }
  }

  /** Erases what is due at {@code now}; returns how many workspaces were erased. */
  public int eraseDue(Instant now) {
    var due =
        dsl.select(WORKSPACE.ID, WORKSPACE.PLATFORM, WORKSPACE.EXTERNAL_ID)
            .from(WORKSPACE)
            .where(WORKSPACE.REMOVED_AT.le(Times.utc(now.minus(retention))))
            .orderBy(WORKSPACE.REMOVED_AT)
            .limit(MOST_PER_RUN)
            .fetch();
    int erased = 0;
    for (Record3<Long, String, String> w : due) {
      if (transactions.inTransaction(() -> erase(w.value1(), w.value2(), w.value3(), now))) {
        erased++;
      }
    }
    return erased;
  }

  private boolean erase(long workspaceId, String platform, String externalId, Instant now) {
    // it may have come back since it was read: only a workspace still removed goes
    boolean stillRemoved =
        dsl.select(WORKSPACE.ID)
            .from(WORKSPACE)
            .where(
                WORKSPACE.ID.eq(workspaceId),
                WORKSPACE.REMOVED_AT.le(Times.utc(now.minus(retention))))
            .forUpdate()
            .fetchOptional()
            .isPresent();
    if (!stillRemoved) {
      return false;
    }
    PersonalData.Workspace workspace =
        new PersonalData.Workspace(workspaceId, platform, externalId);
    int kept = 0;
    for (PersonalData part : parts.reversed()) {
      kept += part.eraseWorkspace(workspace);
    }
    dsl.deleteFrom(WORKSPACE).where(WORKSPACE.ID.eq(workspaceId)).execute();
    log.info(
        "Erased {} workspace {} ({} rows kept by plain ids with it): removed longer than {} ago",
        platform,
        externalId,
        kept,
        retention);
    return true;
  }
}
