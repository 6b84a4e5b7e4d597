package io.roadmapcoach.core.curriculum;

import static io.roadmapcoach.db.schema.Tables.ROADMAP_PREVIEW;

import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.db.schema.tables.records.RoadmapPreviewRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** Uploaded roadmap files waiting for their uploader's Apply. */
public final class RoadmapPreviews {
  /** How long a preview can be applied. */
  public static final Duration LIFETIME = Duration.ofHours(24);

  private final DSLContext dsl;

  public RoadmapPreviews(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * A preview as stored.
   *
   * @param channelId where it was uploaded; empty from a direct message
   * @param baseVersion the stored version it was diffed against; empty for a new roadmap
   */
  public record Preview(
      long id,
      long workspaceId,
      Optional<Long> channelId,
      long uploadedBy,
      String fileName,
      String source,
      String roadmapKey,
      Optional<Integer> baseVersion,
      Instant expiresAt,
      boolean applied) {

    public boolean expiredAt(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }

  public long create(
      long workspaceId,
      Optional<Long> channelId,
      long uploadedBy,
      String fileName,
      String source,
      String roadmapKey,
      Optional<Integer> baseVersion,
      Instant now) {
    return dsl.insertInto(ROADMAP_PREVIEW)
        .set(ROADMAP_PREVIEW.WORKSPACE_ID, workspaceId)
        .set(ROADMAP_PREVIEW.CHANNEL_ID, channelId.orElse(null))
        .set(ROADMAP_PREVIEW.UPLOADED_BY, uploadedBy)
        .set(ROADMAP_PREVIEW.FILE_NAME, fileName)
        .set(ROADMAP_PREVIEW.SOURCE, source)
        .set(ROADMAP_PREVIEW.ROADMAP_KEY, roadmapKey)
        .set(ROADMAP_PREVIEW.BASE_VERSION, baseVersion.orElse(null))
        .set(ROADMAP_PREVIEW.CREATED_AT, Times.utc(now))
        .set(ROADMAP_PREVIEW.EXPIRES_AT, Times.utc(now.plus(LIFETIME)))
        .returningResult(ROADMAP_PREVIEW.ID)
        .fetchSingle()
        .value1();
  }

  /**
   * The preview, locked until the transaction ends, when it belongs to the workspace: another
   * workspace's is not found, like one that never existed.
   */
  public Optional<Preview> lock(long id, long workspaceId) {
    return dsl.selectFrom(ROADMAP_PREVIEW)
        .where(ROADMAP_PREVIEW.ID.eq(id), ROADMAP_PREVIEW.WORKSPACE_ID.eq(workspaceId))
        .forUpdate()
        .fetchOptional(RoadmapPreviews::preview);
  }

  /** The preview was diffed again against the version now stored, and lives another day. */
  public void rebase(long id, int baseVersion, Instant now) {
    dsl.update(ROADMAP_PREVIEW)
        .set(ROADMAP_PREVIEW.BASE_VERSION, baseVersion)
        .set(ROADMAP_PREVIEW.EXPIRES_AT, Times.utc(now.plus(LIFETIME)))
        .where(ROADMAP_PREVIEW.ID.eq(id))
        .execute();
  }

  public void applied(long id, Instant now) {
    dsl.update(ROADMAP_PREVIEW)
        .set(ROADMAP_PREVIEW.APPLIED_AT, Times.utc(now))
        .where(ROADMAP_PREVIEW.ID.eq(id))
        .execute();
  }

  /** Previews expired before {@code before}: housekeeping. Returns how many went. */
  public int deleteExpired(Instant before) {
    return dsl.deleteFrom(ROADMAP_PREVIEW)
        .where(ROADMAP_PREVIEW.EXPIRES_AT.lt(Times.utc(before)))
        .execute();
  }

  private static Preview preview(RoadmapPreviewRecord r) {
    return new Preview(
        r.getId(),
        r.getWorkspaceId(),
        Optional.ofNullable(r.getChannelId()),
        r.getUploadedBy(),
        r.getFileName(),
        r.getSource(),
        r.getRoadmapKey(),
        Optional.ofNullable(r.getBaseVersion()),
        Times.instant(r.getExpiresAt()),
        r.getAppliedAt() != null);
  }
}
