package io.roadmapcoach.core.installation;

import static io.roadmapcoach.db.schema.Tables.INSTALLATION;
import static io.roadmapcoach.db.schema.Tables.OAUTH_STATE;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.db.schema.tables.records.InstallationRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Installations and spent OAuth states as stored; tokens arrive here already encrypted. */
final class InstallationRepository {
  private final DSLContext dsl;

  InstallationRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Stores the installation, replacing the workspace's previous one whole. */
  void save(Installation i, byte[] botToken, byte[] refreshToken, Instant now) {
    Map<Field<?>, Object> values = new LinkedHashMap<>();
    values.put(INSTALLATION.ENTERPRISE_ID, i.enterpriseId().orElse(null));
    values.put(INSTALLATION.APP_ID, i.appId().orElse(null));
    values.put(INSTALLATION.BOT_ID, i.botId().orElse(null));
    values.put(INSTALLATION.BOT_USER_ID, i.botUserId());
    values.put(INSTALLATION.BOT_SCOPES, i.botScopes());
    values.put(INSTALLATION.INSTALLER_USER_ID, i.installerUserId().orElse(null));
    values.put(INSTALLATION.BOT_TOKEN, botToken);
    values.put(INSTALLATION.BOT_REFRESH_TOKEN, refreshToken);
    values.put(INSTALLATION.BOT_TOKEN_EXPIRES_AT, i.tokenExpiresAt().map(Times::utc).orElse(null));
    values.put(INSTALLATION.INSTALLED_AT, Times.utc(i.installedAt()));
    values.put(INSTALLATION.UPDATED_AT, Times.utc(now));
    dsl.insertInto(INSTALLATION)
        .set(INSTALLATION.PLATFORM, i.platform().key())
        .set(INSTALLATION.WORKSPACE_EXTERNAL_ID, i.workspaceId())
        .set(values)
        .onConflict(INSTALLATION.PLATFORM, INSTALLATION.WORKSPACE_EXTERNAL_ID)
        .doUpdate()
        .set(values)
        .execute();
  }

  /**
   * The workspace is (back) in: its row exists, deliveries are on and it is no longer due for
   * erasure.
   */
  void workspaceInstalled(Platform platform, String workspaceId, Optional<String> name) {
    dsl.insertInto(WORKSPACE, WORKSPACE.PLATFORM, WORKSPACE.EXTERNAL_ID, WORKSPACE.NAME)
        .values(platform.key(), workspaceId, name.orElse(null))
        .onConflict(WORKSPACE.PLATFORM, WORKSPACE.EXTERNAL_ID)
        .doUpdate()
        .set(WORKSPACE.DELIVERABLE, true)
        .setNull(WORKSPACE.REMOVED_AT)
        .set(WORKSPACE.NAME, DSL.coalesce(DSL.val(name.orElse(null)), WORKSPACE.NAME))
        .execute();
  }

  Optional<InstallationRecord> find(Platform platform, String workspaceId) {
    return dsl.selectFrom(INSTALLATION).where(key(platform, workspaceId)).fetchOptional();
  }

  boolean exists(Platform platform, String workspaceId) {
    return dsl.fetchExists(INSTALLATION, key(platform, workspaceId));
  }

  /** The row, locked until the transaction ends: one refresh at a time per workspace. */
  Optional<InstallationRecord> lock(Platform platform, String workspaceId) {
    return dsl.selectFrom(INSTALLATION)
        .where(key(platform, workspaceId))
        .forUpdate()
        .fetchOptional();
  }

  void updateTokens(
      Platform platform,
      String workspaceId,
      byte[] botToken,
      byte[] refreshToken,
      Instant expiresAt,
      Instant now) {
    dsl.update(INSTALLATION)
        .set(INSTALLATION.BOT_TOKEN, botToken)
        .set(INSTALLATION.BOT_REFRESH_TOKEN, refreshToken)
        .set(INSTALLATION.BOT_TOKEN_EXPIRES_AT, Times.utc(expiresAt))
        .set(INSTALLATION.UPDATED_AT, Times.utc(now))
        .where(key(platform, workspaceId))
        .execute();
  }

  /**
   * Replaces the stored tokens with the same tokens sealed anew, only while the bot token is still
   * {@code storedBotToken}: a refresh that stored other tokens meanwhile is kept.
   */
  boolean replaceTokens(
      Platform platform,
      String workspaceId,
      byte[] storedBotToken,
      byte[] botToken,
      byte[] refreshToken) {
    return dsl.update(INSTALLATION)
            .set(INSTALLATION.BOT_TOKEN, botToken)
            .set(INSTALLATION.BOT_REFRESH_TOKEN, refreshToken)
            .where(key(platform, workspaceId), INSTALLATION.BOT_TOKEN.eq(storedBotToken))
            .execute()
        == 1;
  }

  boolean delete(Platform platform, String workspaceId) {
    return dsl.deleteFrom(INSTALLATION).where(key(platform, workspaceId)).execute() == 1;
  }

  /** The channel on which every instance hears of changes to installations. */
  static final String CHANGES = "roadmap_installation_changes";

  /**
   * Tells every instance listening that the workspace's installation changed: sent when the
   * caller's transaction commits (and not at all if it rolls back).
   */
  void changed(Platform platform, String workspaceId) {
    dsl.select(
            DSL.function(
                "pg_notify",
                Object.class,
                DSL.val(CHANGES),
                DSL.val(platform.key() + "/" + workspaceId)))
        .fetch();
  }

  /** Starts hearing of changes on {@code connection}, a connection kept for that alone. */
  static void listen(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + CHANGES);
    }
  }

  private static Condition key(Platform platform, String workspaceId) {
    return INSTALLATION
        .PLATFORM
        .eq(platform.key())
        .and(INSTALLATION.WORKSPACE_EXTERNAL_ID.eq(workspaceId));
  }

  // ---- OAuth states, once spent

  /** Stores the spent state; false when it was spent before (the row is there already). */
  boolean spendState(byte[] hash, Instant now, Instant expiresAt) {
    return dsl.insertInto(OAUTH_STATE)
            .set(OAUTH_STATE.STATE_HASH, hash)
            .set(OAUTH_STATE.CREATED_AT, Times.utc(now))
            .set(OAUTH_STATE.EXPIRES_AT, Times.utc(expiresAt))
            .set(OAUTH_STATE.USED_AT, Times.utc(now))
            .onConflictDoNothing()
            .execute()
        == 1;
  }

  boolean stateSpent(byte[] hash) {
    return dsl.fetchExists(OAUTH_STATE, OAUTH_STATE.STATE_HASH.eq(hash));
  }

  void forgetStatesExpiredBy(Instant now) {
    dsl.deleteFrom(OAUTH_STATE).where(OAUTH_STATE.EXPIRES_AT.le(Times.utc(now))).execute();
  }
}
