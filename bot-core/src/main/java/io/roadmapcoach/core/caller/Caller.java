package io.roadmapcoach.core.caller;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a command and from where, as the platform reports it.
 *
 * @param platform the chat platform
 * @param workspaceId the platform's id of the workspace (Slack team, Discord guild)
 * @param workspaceName its display name, where known
 * @param origin the channel the command came from, or a direct message with the bot
 * @param userId the platform's id of the member
 * @param userName the member's display name
 * @param platformAdmin whether the platform says the member administers the workspace
 * @param platformZone the member's time zone, where the platform says
 * @param platformStatus the member's status, where the platform said it with this command (kept
 *     with the member in the command's own transaction)
 */
public record Caller(
    Platform platform,
    String workspaceId,
    String workspaceName,
    Origin origin,
    String userId,
    String userName,
    boolean platformAdmin,
    Optional<ZoneId> platformZone,
    Optional<PlatformStatus> platformStatus) {

  public Caller {
    Objects.requireNonNull(platform);
    requireText(workspaceId, "workspaceId");
    Objects.requireNonNull(origin);
    requireText(userId, "userId");
    workspaceName = workspaceName == null ? workspaceId : workspaceName;
    userName = userName == null || userName.isBlank() ? userId : userName;
    Objects.requireNonNull(platformZone);
    Objects.requireNonNull(platformStatus);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  /** The same member speaking in another channel. */
  public Caller inChannel(String id, String name) {
    return withOrigin(Origin.channel(id, name));
  }

  /** The same member speaking in their direct conversation with the bot. */
  public Caller inDirectMessage() {
    return withOrigin(Origin.directMessage());
  }

  private Caller withOrigin(Origin where) {
    return new Caller(
        platform,
        workspaceId,
        workspaceName,
        where,
        userId,
        userName,
        platformAdmin,
        platformZone,
        platformStatus);
  }

  /** The same caller, with the status their platform reports. */
  public Caller withStatus(PlatformStatus status) {
    return new Caller(
        platform,
        workspaceId,
        workspaceName,
        origin,
        userId,
        userName,
        platformAdmin,
        platformZone,
        Optional.of(status));
  }

  /** The channel spoken in, or empty for a direct message. */
  public Optional<Origin.InChannel> channel() {
    return origin instanceof Origin.InChannel c ? Optional.of(c) : Optional.empty();
  }
}
