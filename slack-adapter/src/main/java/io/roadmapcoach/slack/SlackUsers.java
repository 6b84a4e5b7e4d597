package io.roadmapcoach.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is, from {@code users.info}: display name, time zone, and whether they are a
 * workspace admin or owner (a lead). Answers are kept a few minutes per user so a busy member does
 * not cost a call per command ({@code users.info} is Tier 4); a failed look-up falls back to what
 * the request said and is retried sooner.
 */
final class SlackUsers {
  private static final Logger log = LoggerFactory.getLogger(SlackUsers.class);
  static final Duration FRESH_FOR = Duration.ofMinutes(5);
  static final Duration FAILED_FRESH_FOR = Duration.ofSeconds(30);
  private static final int MAX_ENTRIES = 50_000;

  /** What Slack says about a user. */
  record Profile(String displayName, boolean admin, Optional<ZoneId> zone) {}

  private record Entry(Profile profile, Instant until) {}

  private final SlackClients clients;
  private final Clock clock;
  private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

  /**
   * @param clients each workspace's client: a user is looked up with their workspace's token
   */
  SlackUsers(SlackClients clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  /** Slack's ids of direct conversations start with D; its payloads name them "directmessage". */
  static boolean isDirectMessage(String channelId, String channelName) {
    return (channelId != null && channelId.startsWith("D"))
        || ButtonPresses.DIRECT_MESSAGE.equals(channelName);
  }

  /**
   * The caller of a command, press or App Home visit in the member's direct conversation with the
   * bot: the core acts on it in the member's home channel, so that the conversation never becomes a
   * channel of its own (with its own board, lead and weekly quiz).
   */
  Caller inDirectMessage(String teamId, String teamName, String userId, String nameInRequest) {
    Profile profile = profile(teamId, userId, nameInRequest);
    return new Caller(
        Platform.SLACK,
        teamId,
        teamName,
        Origin.directMessage(),
        userId,
        profile.displayName(),
        profile.admin(),
        profile.zone());
  }

  /** The caller of a command, a click or an App Home visit. */
  Caller caller(
      String teamId,
      String teamName,
      String channelId,
      String channelName,
      String userId,
      String nameInRequest) {
    Profile profile = profile(teamId, userId, nameInRequest);
    return new Caller(
        Platform.SLACK,
        teamId,
        teamName,
        Origin.channel(channelId, channelName),
        userId,
        profile.displayName(),
        profile.admin(),
        profile.zone());
  }

  Profile profile(String teamId, String userId, String nameInRequest) {
    String key = teamId + "/" + userId;
    Instant now = clock.instant();
    Entry entry = cache.get(key);
    if (entry != null && now.isBefore(entry.until())) {
      return entry.profile();
    }
    Entry fresh = lookUp(teamId, userId, nameInRequest, now);
    if (cache.size() >= MAX_ENTRIES) {
      cache.values().removeIf(e -> !now.isBefore(e.until()));
    }
    cache.put(key, fresh);
    return fresh.profile();
  }

  private Entry lookUp(String teamId, String userId, String nameInRequest, Instant now) {
    Profile fallback =
        new Profile(nameInRequest == null ? userId : nameInRequest, false, Optional.empty());
    try {
      Optional<MethodsClient> client = clients.forTeam(teamId);
      if (client.isEmpty()) {
        log.warn("users.info for {} skipped: the app is not installed in {}", userId, teamId);
        return new Entry(fallback, now.plus(FAILED_FRESH_FOR));
      }
      UsersInfoResponse response = client.get().usersInfo(r -> r.user(userId));
      if (response.isOk() && response.getUser() != null) {
        return new Entry(profileOf(response.getUser(), fallback), now.plus(FRESH_FOR));
      }
      log.warn("users.info for {} answered {}", userId, response.getError());
    } catch (IOException | SlackApiException | RuntimeException e) {
      log.warn("users.info for {} failed: {}", userId, e.getMessage());
    }
    return new Entry(fallback, now.plus(FAILED_FRESH_FOR));
  }

  private static Profile profileOf(User user, Profile fallback) {
    String name = null;
    if (user.getProfile() != null) {
      name = blankToNull(user.getProfile().getDisplayName());
      if (name == null) {
        name = blankToNull(user.getProfile().getRealName());
      }
    }
    if (name == null) {
      name = blankToNull(user.getRealName());
    }
    if (name == null) {
      name = blankToNull(user.getName());
    }
    boolean admin = user.isAdmin() || user.isOwner() || user.isPrimaryOwner();
    return new Profile(name == null ? fallback.displayName() : name, admin, zone(user.getTz()));
  }

  private static Optional<ZoneId> zone(String tz) {
    if (tz == null || tz.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(tz));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
