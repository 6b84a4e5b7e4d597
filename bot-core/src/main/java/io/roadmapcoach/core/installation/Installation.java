package io.roadmapcoach.core.installation;

import io.roadmapcoach.core.caller.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The app installed in one workspace: what the platform's OAuth exchange returned. Its tokens never
 * leave through {@link #toString()}.
 *
 * @param workspaceId the platform's id of the workspace (Slack team id)
 * @param workspaceName its name, for the workspace row, where known
 * @param enterpriseId the Enterprise Grid organisation the workspace belongs to, if any
 * @param botScopes the scopes granted, comma-separated
 * @param installerUserId who installed it (their platform user id)
 * @param refreshToken with token rotation: what refreshes the bot token
 * @param tokenExpiresAt with token rotation: when the bot token stops working
 */
public record Installation(
    Platform platform,
    String workspaceId,
    Optional<String> workspaceName,
    Optional<String> enterpriseId,
    Optional<String> appId,
    Optional<String> botId,
    String botUserId,
    String botScopes,
    Optional<String> installerUserId,
    String botToken,
    Optional<String> refreshToken,
    Optional<Instant> tokenExpiresAt,
    Instant installedAt) {

  public Installation {
    Objects.requireNonNull(platform);
    requireText(workspaceId, "workspaceId");
    requireText(botUserId, "botUserId");
    requireText(botToken, "botToken");
    botScopes = botScopes == null ? "" : botScopes;
    Objects.requireNonNull(workspaceName);
    Objects.requireNonNull(enterpriseId);
    Objects.requireNonNull(appId);
    Objects.requireNonNull(botId);
    Objects.requireNonNull(installerUserId);
    Objects.requireNonNull(refreshToken);
    Objects.requireNonNull(tokenExpiresAt);
    Objects.requireNonNull(installedAt);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  /** Whether the bot token expires within {@code margin} of {@code now} and can be refreshed. */
  public boolean expiresWithin(Duration margin, Instant now) {
    return refreshToken.isPresent()
        && tokenExpiresAt.map(at -> !at.isAfter(now.plus(margin))).orElse(false);
  }

  /** Whether the bot token has expired: it no longer works at all. */
  public boolean expired(Instant now) {
    return tokenExpiresAt.map(at -> !at.isAfter(now)).orElse(false);
  }

  /** The same installation with refreshed tokens. */
  public Installation withTokens(String newBotToken, String newRefreshToken, Instant expiresAt) {
    return new Installation(
        platform,
        workspaceId,
        workspaceName,
        enterpriseId,
        appId,
        botId,
        botUserId,
        botScopes,
        installerUserId,
        newBotToken,
        Optional.of(newRefreshToken),
        Optional.of(expiresAt),
        installedAt);
  }

  @Override
  public String toString() {
    return "Installation["
        + platform.key()
        + " "
        + workspaceId
        + enterpriseId.map(e -> " in " + e).orElse("")
        + ", bot "
        + botUserId
        + ", scopes "
        + botScopes
        + ", botToken=***"
        + (refreshToken.isPresent() ? ", refreshToken=***" : "")
        + tokenExpiresAt.map(at -> ", expires " + at).orElse("")
        + "]";
  }
}
