package io.roadmapcoach.core.installation;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.time.Times;
import io.roadmapcoach.core.tx.Transactions;
import io.roadmapcoach.db.schema.tables.records.InstallationRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's installations, one per workspace, for platforms that install per workspace (Slack's
 * OAuth v2): stored with their tokens encrypted, read back with a bot token fresh enough to use,
 * and removed when the platform says the app was. Also the OAuth flow's states once they are spent,
 * so that each is spent once.
 *
 * <p>With token rotation a bot token lives some hours. Every path that needs one asks {@link
 * #token}, which refreshes a token about to expire first: under a lock on the installation's row,
 * so when instances race exactly one of them refreshes and stores the new tokens, and the others
 * read what it stored.
 */
public final class Installations implements AutoCloseable {
  /** A token expiring within this is refreshed before use (Bolt's own margin). */
  public static final Duration REFRESH_BEFORE = Duration.ofHours(2);

  private static final Logger log = LoggerFactory.getLogger(Installations.class);

  /** The platform's call that exchanges a refresh token for new tokens. */
  @FunctionalInterface
  public interface Refresher {
    Refreshed refresh(String refreshToken) throws Exception;
  }

  /** New tokens from a refresh; {@code expiresIn} counts from when they were issued. */
  public record Refreshed(String botToken, String refreshToken, Duration expiresIn) {
    public Refreshed {
      Objects.requireNonNull(botToken);
      Objects.requireNonNull(refreshToken);
      Objects.requireNonNull(expiresIn);
    }

    @Override
    public String toString() {
      return "Refreshed[botToken=***, refreshToken=***, expiresIn=" + expiresIn + "]";
    }
  }

  /** The bot token expired and could not be refreshed; the work needing it should be retried. */
  public static final class TokenRefreshFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TokenRefreshFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final InstallationRepository repository;
  private final Transactions transactions;
  private final Optional<TokenCipher> cipher;
  private final Clock clock;
  private final InstallationCache cache = new InstallationCache(System::nanoTime);
  private volatile InstallationChanges changes;

  /**
   * @param cipher from {@code ROADMAP_SECRET_KEY}; without it nothing can be stored or read
   */
  public Installations(
      DSLContext dsl, Transactions transactions, Optional<TokenCipher> cipher, Clock clock) {
    this.repository = new InstallationRepository(dsl);
    this.transactions = transactions;
    this.cipher = cipher;
    this.clock = clock;
  }

  /**
   * Keeps installations read lately ({@link InstallationCache#KEEP} at most), hearing of every
   * change stored by any instance on a connection of its own from {@code opener} (LISTEN): an
   * uninstall, a revoked or refreshed token is seen here at once. Without it every use reads and
   * decrypts the token.
   */
  public synchronized void cacheHearingChangesOn(Callable<Connection> opener) {
    if (changes == null) {
      changes = new InstallationChanges(opener, cache);
    }
  }

  /** Whether installations are kept now (changes are being heard). */
  public boolean caching() {
    return cache.listening();
  }

  /** Stops hearing changes (and keeping installations). */
  @Override
  public synchronized void close() {
    if (changes != null) {
      changes.close();
      changes = null;
    }
  }

  /** The core's time, by which installations and their tokens are judged. */
  public Instant now() {
    return clock.instant();
  }

  /** Whether a key is configured, so installations can be stored. */
  public boolean canStore() {
    return cipher.isPresent();
  }

  /**
   * Stores the installation, replacing any earlier one of the workspace whole (a second install
   * replaces the first), and brings the workspace back if it had removed the app.
   */
  public void save(Installation installation) {
    TokenCipher c = cipher();
    String ws = installation.workspaceId();
    byte[] bot = c.encrypt(installation.botToken(), context(installation.platform(), ws, "bot"));
    byte[] refresh =
        installation
            .refreshToken()
            .map(t -> c.encrypt(t, context(installation.platform(), ws, "refresh")))
            .orElse(null);
    transactions.run(
        () -> {
          repository.save(installation, bot, refresh, clock.instant());
          repository.workspaceInstalled(installation.platform(), ws, installation.workspaceName());
          repository.changed(installation.platform(), ws);
        });
    cache.forget(installation.platform(), ws);
  }

  /** Whether the app is installed in the workspace (nothing is decrypted to say so). */
  public boolean installed(Platform platform, String workspaceId) {
    return transactions.alone(() -> repository.exists(platform, workspaceId));
  }

  /** The workspace's installation as stored, tokens decrypted; empty when there is none. */
  public Optional<Installation> find(Platform platform, String workspaceId) {
    return cache.get(platform, workspaceId, () -> read(platform, workspaceId));
  }

  private Optional<Installation> read(Platform platform, String workspaceId) {
    // alone: during an outage this fails at once (DatabaseUnavailable) after the first attempt
    // instead of waiting out the pool's timeout on every request that needs a token
    return transactions.alone(() -> repository.find(platform, workspaceId)).map(this::installation);
  }

  /**
   * A bot token for the workspace that works now: the stored one, or a refreshed one when it
   * expires within {@link #REFRESH_BEFORE}. Empty when the workspace has no installation.
   *
   * @throws TokenRefreshFailed when the token has expired and refreshing it failed
   */
  public Optional<String> token(Platform platform, String workspaceId, Refresher refresher) {
    Optional<Installation> found = find(platform, workspaceId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    // a token kept is used only well before it is due for a refresh (a token is only ever replaced
    // within REFRESH_BEFORE of its expiry), so no instance uses one that another has just replaced
    if (!found.get().expiresWithin(REFRESH_BEFORE.plus(InstallationCache.KEEP), clock.instant())) {
      return Optional.of(found.get().botToken());
    }
    Optional<Installation> stored = read(platform, workspaceId);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    if (!stored.get().expiresWithin(REFRESH_BEFORE, clock.instant())) {
      return Optional.of(stored.get().botToken());
    }
    return refreshed(platform, workspaceId, refresher, stored.get());
  }

  private Optional<String> refreshed(
      Platform platform, String workspaceId, Refresher refresher, Installation seen) {
    try {
      // the platform is called inside the transaction that holds the row's lock: an instance that
      // races us waits here and then reads the tokens we stored, instead of refreshing again
      Optional<String> token =
          transactions.inTransaction(
              () -> {
                Optional<Installation> locked =
                    repository.lock(platform, workspaceId).map(this::installation);
                if (locked.isEmpty()) {
                  return Optional.<String>empty();
                }
                Instant now = clock.instant();
                if (!locked.get().expiresWithin(REFRESH_BEFORE, now)) {
                  return Optional.of(locked.get().botToken());
                }
                Refreshed fresh = call(refresher, locked.get().refreshToken().orElseThrow());
                Instant expiresAt = now.plus(fresh.expiresIn());
                TokenCipher c = cipher();
                repository.updateTokens(
                    platform,
                    workspaceId,
                    c.encrypt(fresh.botToken(), context(platform, workspaceId, "bot")),
                    c.encrypt(fresh.refreshToken(), context(platform, workspaceId, "refresh")),
                    expiresAt,
                    now);
                repository.changed(platform, workspaceId);
                log.info(
                    "Refreshed the bot token of {} {} (expires {})",
                    platform.key(),
                    workspaceId,
                    expiresAt);
                return Optional.of(fresh.botToken());
              });
      // a refresh stored new tokens (or another instance did): read them next time
      cache.forget(platform, workspaceId);
      return token;
    } catch (RefreshCallFailed e) {
      if (!seen.expired(clock.instant())) {
        log.warn(
            "Refreshing the bot token of {} {} failed; its current token still works: {}",
            platform.key(),
            workspaceId,
            e.getCause().getMessage());
        return Optional.of(seen.botToken());
      }
      throw new TokenRefreshFailed(
          "the bot token of "
              + platform.key()
              + " "
              + workspaceId
              + " expired and refreshing it failed",
          e.getCause());
    }
  }

  private static Refreshed call(Refresher refresher, String refreshToken) {
    try {
      return Objects.requireNonNull(refresher.refresh(refreshToken));
    } catch (Exception e) {
      throw new RefreshCallFailed(e);
    }
  }

  /** Carries a refresh's failure out of the transaction, which it rolls back. */
  private static final class RefreshCallFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RefreshCallFailed(Exception cause) {
      super(cause);
    }
  }

  /** Deletes the workspace's installation; false when it had none. */
  public boolean remove(Platform platform, String workspaceId) {
    try {
      return transactions.inTransaction(
          () -> {
            boolean deleted = repository.delete(platform, workspaceId);
            repository.changed(platform, workspaceId);
            return deleted;
          });
    } finally {
      cache.forget(platform, workspaceId);
    }
  }

  // ---- OAuth states

  /**
   * Spends a state of the OAuth flow that came back from the platform with the cookie of the
   * browser it was issued to: true the first time, false when it was spent before (a replayed
   * redirect), also by another instance at the same moment. The platform adapter issues and checks
   * states itself (they carry their own signature and expiry); only a spent one is stored, as a
   * hash, until {@code expiresAt}, after which the adapter refuses it as expired anyway. Spent
   * states that expired are deleted here, so nothing else needs to purge them.
   */
  public boolean spendState(String state, Instant expiresAt) {
    if (!wellFormed(state)) {
      return false;
    }
    byte[] hash = hash(state);
    return transactions.inTransaction(
        () -> {
          Instant now = clock.instant();
          repository.forgetStatesExpiredBy(now);
          return repository.spendState(hash, now, expiresAt);
        });
  }

  /**
   * Whether the state was spent: tells a replayed redirect from one that lacked its browser's
   * cookie. A spent state is forgotten once it has expired.
   */
  public boolean stateSpent(String state) {
    return wellFormed(state) && transactions.alone(() -> repository.stateSpent(hash(state)));
  }

  private static boolean wellFormed(String state) {
    return state != null && state.length() == 43 && state.matches("[A-Za-z0-9_-]+");
  }

  private static byte[] hash(String state) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  // ---- stored form

  /**
   * The installation a row holds, tokens decrypted. Tokens the previous key sealed ({@code
   * ROADMAP_SECRET_KEY_PREVIOUS}) are sealed again under the current key on the way, so that after
   * a rotation every installation in use moves to the new key.
   */
  private Installation installation(InstallationRecord r) {
    Platform platform = Platform.ofKey(r.getPlatform());
    String ws = r.getWorkspaceExternalId();
    TokenCipher c = cipher();
    TokenCipher.Opened bot = c.open(r.getBotToken(), context(platform, ws, "bot"));
    Optional<TokenCipher.Opened> refresh =
        Optional.ofNullable(r.getBotRefreshToken())
            .map(t -> c.open(t, context(platform, ws, "refresh")));
    if (bot.underPreviousKey()
        || refresh.filter(TokenCipher.Opened::underPreviousKey).isPresent()) {
      sealAgain(r, bot, refresh);
    }
    return new Installation(
        platform,
        ws,
        Optional.empty(),
        Optional.ofNullable(r.getEnterpriseId()),
        Optional.ofNullable(r.getAppId()),
        Optional.ofNullable(r.getBotId()),
        r.getBotUserId(),
        r.getBotScopes(),
        Optional.ofNullable(r.getInstallerUserId()),
        bot.token(),
        refresh.map(TokenCipher.Opened::token),
        Optional.ofNullable(r.getBotTokenExpiresAt()).map(Times::instant),
        Times.instant(r.getInstalledAt()));
  }

  /**
   * Stores the row's tokens sealed under the current key, unless the row changed since it was read
   * (a refresh stored new tokens meanwhile, under the current key already).
   */
  private void sealAgain(
      InstallationRecord r, TokenCipher.Opened bot, Optional<TokenCipher.Opened> refresh) {
    Platform platform = Platform.ofKey(r.getPlatform());
    String ws = r.getWorkspaceExternalId();
    TokenCipher c = cipher();
    boolean sealed =
        repository.replaceTokens(
            platform,
            ws,
            r.getBotToken(),
            c.encrypt(bot.token(), context(platform, ws, "bot")),
            refresh.map(t -> c.encrypt(t.token(), context(platform, ws, "refresh"))).orElse(null));
    if (sealed) {
      repository.changed(platform, ws);
      log.info(
          "Sealed the stored tokens of {} {} again under the current ROADMAP_SECRET_KEY",
          platform.key(),
          ws);
    }
  }

  /** What a stored token is bound to: a token copied into another row or field does not decrypt. */
  private static String context(Platform platform, String workspaceId, String which) {
    return platform.key() + "/" + workspaceId + "/" + which;
  }

  private TokenCipher cipher() {
    return cipher.orElseThrow(
        () ->
            new IllegalStateException(
                "ROADMAP_SECRET_KEY is not set: installations cannot be stored or read"));
  }
}
