package io.roadmapcoach.slack.install;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.service.InstallationService;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.installation.Installation;
import io.roadmapcoach.core.installation.Installations;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's installation store, kept in the project's PostgreSQL through the core's {@link
 * Installations} (Bolt ships file and S3 stores only): no SQL here. Bolt asks it for the bot of
 * every incoming request; the token it hands back has already been refreshed when it was about to
 * expire, under the core's lock, and it carries no refresh token, so Bolt never refreshes (and
 * stores) a second time.
 */
public final class InstallationStore implements InstallationService {
  private static final Logger log = LoggerFactory.getLogger(InstallationStore.class);

  private final Installations installations;
  private final SlackTokens tokens;
  private final Optional<String> installUrl;

  /**
   * @param tokens each workspace's fresh token ({@link InstalledTokens})
   * @param installUrl where a workspace installs the app, for the answer to a command from a
   *     workspace that has not
   */
  public InstallationStore(
      Installations installations, SlackTokens tokens, Optional<String> installUrl) {
    this.installations = installations;
    this.tokens = tokens;
    this.installUrl = installUrl;
  }

  @Override
  public boolean isHistoricalDataEnabled() {
    return false;
  }

  @Override
  public void setHistoricalDataEnabled(boolean enabled) {
    // one row per workspace, replaced by the next install: there is no history to keep
  }

  @Override
  public void saveInstallerAndBot(Installer installer) {
    if (installer.getTeamId() == null || Boolean.TRUE.equals(installer.getIsEnterpriseInstall())) {
      throw new IllegalArgumentException("org-wide installs are not supported");
    }
    Long expiresAt = installer.getBotTokenExpiresAt();
    installations.save(
        new Installation(
            Platform.SLACK,
            installer.getTeamId(),
            Optional.empty(),
            Optional.ofNullable(installer.getEnterpriseId()),
            Optional.ofNullable(installer.getAppId()),
            Optional.ofNullable(installer.getBotId()),
            installer.getBotUserId(),
            installer.getBotScope(),
            Optional.ofNullable(installer.getInstallerUserId()),
            installer.getBotAccessToken(),
            Optional.ofNullable(installer.getBotRefreshToken()),
            Optional.ofNullable(expiresAt).map(Instant::ofEpochMilli),
            Optional.ofNullable(installer.getInstalledAt())
                .map(Instant::ofEpochMilli)
                .orElse(installations.now())));
  }

  @Override
  public void deleteBot(Bot bot) {
    forget(bot.getTeamId());
  }

  @Override
  public void deleteInstaller(Installer installer) {
    forget(installer.getTeamId());
  }

  @Override
  public void deleteAll(String enterpriseId, String teamId) {
    forget(teamId);
  }

  /** Deletes the workspace's installation (the app was uninstalled or its token revoked). */
  public void forget(String teamId) {
    if (teamId != null && installations.remove(Platform.SLACK, teamId)) {
      log.info("Deleted the installation of Slack workspace {}", teamId);
    }
  }

  /** The workspace's bot with a token that works now; null when the app is not installed there. */
  @Override
  public Bot findBot(String enterpriseId, String teamId) {
    if (teamId == null) {
      return null; // an org-wide request: never installed here
    }
    Optional<Installation> found = installations.find(Platform.SLACK, teamId);
    if (found.isEmpty()) {
      return null;
    }
    Optional<String> token = tokens.botToken(teamId);
    if (token.isEmpty()) {
      return null;
    }
    Installation i = found.get();
    StoredBot bot = new StoredBot();
    bot.setTeamId(teamId);
    bot.setEnterpriseId(i.enterpriseId().orElse(null));
    bot.setIsEnterpriseInstall(false);
    bot.setAppId(i.appId().orElse(null));
    bot.setBotId(i.botId().orElse(null));
    bot.setBotUserId(i.botUserId());
    bot.setBotScope(i.botScopes());
    bot.setScope(i.botScopes());
    bot.setTokenType("bot");
    bot.setBotAccessToken(token.get());
    bot.setInstalledAt(i.installedAt().toEpochMilli());
    // no refresh token: the token above is fresh, and only the core refreshes and stores
    return bot;
  }

  /** Only bots are installed; commands act with the bot's token. */
  @Override
  public Installer findInstaller(String enterpriseId, String teamId, String userId) {
    return null;
  }

  /** The answer to a command or click from a workspace with no installation. */
  @Override
  public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
    return "Roadmap Coach is not installed in this workspace (or it was removed)."
        + installUrl.map(url -> " A workspace admin can add it here: " + url).orElse("");
  }

  /** A bot whose tokens never show in a log line. */
  static final class StoredBot extends DefaultBot {
    @Override
    public String toString() {
      return "Bot[team=" + getTeamId() + ", botUserId=" + getBotUserId() + ", token=***]";
    }
  }
}
