package io.roadmapcoach.slack.users;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Origin;
import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.caller.PlatformStatus;
import io.roadmapcoach.slack.delivery.SlackClients;
import java.io.IOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is, from {@code users.info}: display name, time zone, and whether they are a
 * workspace admin or owner (a lead). Answers are kept a few minutes per user so a busy member does
 * not cost a call per command ({@code users.info} is Tier 4); a failed look-up falls back to what
 * the request said and is retried sooner.
 *
 * <p>A command never waits long for Slack: a member not seen lately is looked up in the background
 * and the command waits at most {@link #LOOKUP_WAIT} for it. Past that (Slack slow, or many members
 * arriving at once) the command goes on with the name the request carries, and the profile serves
 * the member's next command once it arrives. Concurrent commands of one member share one look-up.
 *
 * <p>The status in the answer (a palm tree, "OOO") goes to the core with the next command of the
 * member, in its {@link Caller}: the core keeps whether the member is away in that command's own
 * transaction, even the first one that creates the member. It goes once per answer, so that an
 * older answer kept here never undoes a newer {@code user_change} event.
 */
public final class SlackUsers {
  private static final Logger log = LoggerFactory.getLogger(SlackUsers.class);
  static final Duration FRESH_FOR = Duration.ofMinutes(5);
  static final Duration FAILED_FRESH_FOR = Duration.ofSeconds(30);
  private static final String DIRECT_MESSAGE = "directmessage";
  static final Duration LOOKUP_WAIT = Duration.ofMillis(500);
  private static final int MAX_ENTRIES = 50_000;

  /** What Slack says about a user. */
  record Profile(String displayName, boolean admin, Optional<ZoneId> zone) {}

  /**
   * @param status the status in Slack's answer, until a command has taken it to the core
   */
  private record Entry(Profile profile, Instant until, Optional<PlatformStatus> status) {
    Entry statusTaken() {
      return new Entry(profile, until, Optional.empty());
    }
  }

  /** A profile, with the status still to be taken to the core (once). */
  private record Seen(Profile profile, Optional<PlatformStatus> status) {}

  private final SlackClients clients;
  private final Clock clock;
  private final Executor executor;
  private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, CompletableFuture<Entry>> lookingUp =
      new ConcurrentHashMap<>();

  /**
   * @param clients each workspace's client: a user is looked up with their workspace's token
   * @param executor runs the look-ups (so a command can stop waiting for one)
   */
  public SlackUsers(SlackClients clients, Clock clock, Executor executor) {
    this.clients = clients;
    this.clock = clock;
    this.executor = executor;
  }

  /** Slack's ids of direct conversations start with D; its payloads name them "directmessage". */
  public static boolean isDirectMessage(String channelId, String channelName) {
    return (channelId != null && channelId.startsWith("D")) || DIRECT_MESSAGE.equals(channelName);
  }

  /**
   * The caller of a command, press or App Home visit in the member's direct conversation with the
   * bot: the core acts on it in the member's home channel, so that the conversation never becomes a
   * channel of its own (with its own board, lead and weekly quiz).
   */
  public Caller inDirectMessage(
      String teamId, String teamName, String userId, String nameInRequest) {
    return caller(teamId, teamName, Origin.directMessage(), userId, nameInRequest);
  }

  /** The caller of a command, a click or an App Home visit. */
  public Caller caller(
      String teamId,
      String teamName,
      String channelId,
      String channelName,
      String userId,
      String nameInRequest) {
    return caller(teamId, teamName, Origin.channel(channelId, channelName), userId, nameInRequest);
  }

  private Caller caller(
      String teamId, String teamName, Origin origin, String userId, String nameInRequest) {
    Seen seen = seen(teamId, userId, nameInRequest);
    Profile profile = seen.profile();
    return new Caller(
        Platform.SLACK,
        teamId,
        teamName,
        origin,
        userId,
        profile.displayName(),
        profile.admin(),
        profile.zone(),
        seen.status());
  }

  private Seen seen(String teamId, String userId, String nameInRequest) {
    String key = teamId + "/" + userId;
    Entry entry = cache.get(key);
    if (entry != null && clock.instant().isBefore(entry.until())) {
      return new Seen(entry.profile(), takeStatus(key, entry));
    }
    CompletableFuture<Entry> lookUp = lookUp(key, teamId, userId, nameInRequest);
    try {
      Entry found = lookUp.get(LOOKUP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return new Seen(found.profile(), takeStatus(key, found));
    } catch (TimeoutException slow) {
      log.debug("users.info for {} is slow; going on with the request's name", userId);
    } catch (ExecutionException e) {
      log.warn("users.info for {} failed: {}", userId, e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // this command only: the look-up still fills the cache when it comes
    return new Seen(fallback(userId, nameInRequest), Optional.empty());
  }

  /** The member's look-up under way, or a new one (its answer goes into the cache). */
  private CompletableFuture<Entry> lookUp(
      String key, String teamId, String userId, String nameInRequest) {
    CompletableFuture<Entry> fresh = new CompletableFuture<>();
    CompletableFuture<Entry> running = lookingUp.putIfAbsent(key, fresh);
    if (running != null) {
      return running;
    }
    try {
      executor.execute(
          () -> {
            try {
              Entry found = ask(teamId, userId, nameInRequest);
              remember(key, found);
              fresh.complete(found);
            } catch (RuntimeException e) {
              fresh.completeExceptionally(e);
            } finally {
              lookingUp.remove(key, fresh);
            }
          });
    } catch (RejectedExecutionException stopping) {
      lookingUp.remove(key, fresh);
      fresh.completeExceptionally(stopping);
    }
    return fresh;
  }

  /**
   * Slack said the user changed ({@code user_change}, which carries the whole user as {@code
   * users.info} does): what is kept of them is replaced, so that their next command sees it, an
   * admin who is none any more included. The status was handed to the core with the event. A user
   * not kept here is looked up at their next command as usual.
   */
  void changed(String teamId, User user) {
    Profile profile = profileOf(user, fallback(user.getId(), user.getName()));
    cache.computeIfPresent(
        teamId + "/" + user.getId(),
        (key, kept) -> new Entry(profile, clock.instant().plus(FRESH_FOR), Optional.empty()));
  }

  /**
   * The answer's status, for the command about to go to the core, once: the first command to take
   * it takes it away (concurrent commands of one member race for it, and one wins).
   */
  private Optional<PlatformStatus> takeStatus(String key, Entry entry) {
    if (entry.status().isEmpty() || !cache.replace(key, entry, entry.statusTaken())) {
      return Optional.empty();
    }
    return entry.status();
  }

  private void remember(String key, Entry entry) {
    if (cache.size() >= MAX_ENTRIES) {
      Instant now = clock.instant();
      cache.values().removeIf(e -> !now.isBefore(e.until()));
    }
    cache.put(key, entry);
  }

  private static Profile fallback(String userId, String nameInRequest) {
    return new Profile(nameInRequest == null ? userId : nameInRequest, false, Optional.empty());
  }

  private Entry ask(String teamId, String userId, String nameInRequest) {
    Profile fallback = fallback(userId, nameInRequest);
    Instant now = clock.instant();
    try {
      Optional<MethodsClient> client = clients.forTeam(teamId);
      if (client.isEmpty()) {
        log.warn("users.info for {} skipped: the app is not installed in {}", userId, teamId);
        return new Entry(fallback, now.plus(FAILED_FRESH_FOR), Optional.empty());
      }
      UsersInfoResponse response = client.get().usersInfo(r -> r.user(userId));
      if (response.isOk() && response.getUser() != null) {
        return new Entry(
            profileOf(response.getUser(), fallback),
            now.plus(FRESH_FOR),
            Optional.of(StatusChanges.statusOf(response.getUser())));
      }
      log.warn("users.info for {} answered {}", userId, response.getError());
    } catch (IOException | SlackApiException e) {
      log.warn("users.info for {} failed: {}", userId, e.getMessage());
    } catch (RuntimeException e) {
      // an answer the SDK could not read (not JSON, another shape): as good as none
      log.warn("users.info for {} gave an unreadable answer: {}", userId, e.getClass().getName());
    }
    return new Entry(fallback, now.plus(FAILED_FRESH_FOR), Optional.empty());
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
    return new Profile(
        name == null ? fallback.displayName() : name,
        StatusChanges.isAdmin(user),
        zone(user.getTz()));
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
