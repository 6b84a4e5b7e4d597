package io.roadmapcoach.core.command;

import io.roadmapcoach.core.member.Platform;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who sent a command and from where, as the platform reports it.
 *
 * @param platform the chat platform
 * @param workspaceId the platform's id of the workspace (Slack team, Discord guild)
 * @param workspaceName its display name, where known
 * @param channelId the platform's id of the channel the command came from
 * @param channelName its display name
 * @param userId the platform's id of the member
 * @param userName the member's display name
 * @param platformAdmin whether the platform says the member administers the workspace
 * @param platformZone the member's time zone, where the platform says
 */
public record Caller(
    Platform platform,
    String workspaceId,
    String workspaceName,
    String channelId,
    String channelName,
    String userId,
    String userName,
    boolean platformAdmin,
    Optional<ZoneId> platformZone) {

  public Caller {
    Objects.requireNonNull(platform);
    requireText(workspaceId, "workspaceId");
    requireText(channelId, "channelId");
    requireText(userId, "userId");
    workspaceName = workspaceName == null ? workspaceId : workspaceName;
    channelName = channelName == null || channelName.isBlank() ? channelId : channelName;
    userName = userName == null || userName.isBlank() ? userId : userName;
    Objects.requireNonNull(platformZone);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }

  public Caller inChannel(String id, String name) {
    return new Caller(
        platform,
        workspaceId,
        workspaceName,
        id,
        name,
        userId,
        userName,
        platformAdmin,
        platformZone);
  }
}
