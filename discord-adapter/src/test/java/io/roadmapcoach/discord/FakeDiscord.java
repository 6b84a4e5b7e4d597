package io.roadmapcoach.discord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A small Discord on one local port: the REST API under {@code /api/v10/} and the gateway as a
 * websocket at {@code /}. It says HELLO, answers IDENTIFY with READY and one guild, answers
 * heartbeats, records every REST call, and lets a test push gateway dispatches such as {@code
 * INTERACTION_CREATE}. Messages to DM channels of users in {@link #closedDms} fail with 50007.
 */
final class FakeDiscord implements AutoCloseable {
  static final String BOT = "100000000000000001";
  static final String APP = BOT;
  static final String GUILD = "200000000000000002";
  static final String CHANNEL = "300000000000000003";
  static final String OWNER = "400000000000000004";

  /** A role with Manage Server: members who hold it are the guild's admins. */
  static final String ORGANISERS = "200000000000000009";

  static final String TOKEN = "fake-bot-token";

  /** One REST call as JDA made it. */
  record Call(String method, String path, String body, String authorization) {
    Call(String method, String path, String body) {
      this(method, path, body, null);
    }

    DataObject json() {
      return DataObject.fromJson(payload());
    }

    /** The JSON of a JSON body, or of the {@code payload_json} part of a multipart one. */
    String payload() {
      int part = body.indexOf("name=\"payload_json\"");
      if (part < 0) {
        return body;
      }
      int start = body.indexOf("\r\n\r\n", part) + 4;
      int end = body.indexOf("\r\n--", start);
      return body.substring(start, end);
    }

    boolean isCallback() {
      return method.equals("POST") && path.matches("/api/v10/interactions/\\d+/[^/]+/callback");
    }
  }

  /** A message the fake created, with the nonce it was sent with. */
  record Created(String channelId, String id, String nonce, long atMillis, DataObject message) {}

  /**
   * Discord drops a repeat of a nonce sent with {@code enforce_nonce} within "the past few
   * minutes"; the fake keeps it for this long.
   */
  static final Duration NONCE_WINDOW = Duration.ofMinutes(3);

  static final long VIEW_CHANNEL = 1024;
  static final long SEND_MESSAGES = 2048;
  static final long EMBED_LINKS = 16384;
  static final long ATTACH_FILES = 32768;

  /** What the invite link grants the bot (docs/discord.md): View, Send, Embed Links. */
  static final long INVITE_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS;

  final Set<String> closedDms = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> permissions = new ConcurrentHashMap<>();
  private final List<String> refusedForLimits = new CopyOnWriteArrayList<>();
  private final List<Created> created = new CopyOnWriteArrayList<>();
  private final Map<String, Created> byNonce = new ConcurrentHashMap<>();
  private volatile Duration delay = Duration.ZERO;
  private volatile Duration late = Duration.ZERO;
  private final AtomicInteger connectionsOpened = new AtomicInteger();
  private volatile java.time.Clock clock = java.time.Clock.systemUTC();
  private volatile RateLimit globalLimit;
  private final MockWebServer server = new MockWebServer();
  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

  /** What the bot sent on the gateway: IDENTIFY frames, heartbeats. */
  final BlockingQueue<DataObject> gatewayFrames = new LinkedBlockingQueue<>();

  private final List<Call> allCalls = new CopyOnWriteArrayList<>();
  private final Map<Long, AtomicInteger> requestsPerSecond = new ConcurrentHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicLong ids = new AtomicLong();
  private volatile WebSocket socket;

  FakeDiscord() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getUrl().encodedPath().startsWith("/api/")
                && request.getExchangeIndex() == 0) {
              connectionsOpened.incrementAndGet();
            }
            MockResponse response = answer(request);
            if ("POST".equals(request.getMethod())
                && request.getUrl().encodedPath().endsWith("/messages")) {
              answerLate();
            }
            return response;
          }
        });
    server.start();
  }

  String restUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/api/v10/";
  }

  String gatewayUrl() {
    return "ws://127.0.0.1:" + server.getPort() + "/";
  }

  /** A bot pointed at this fake, spending {@code deliveriesPerSecond} of the 50 on deliveries. */
  DiscordSettings settings(int deliveriesPerSecond) {
    return new DiscordSettings(
        TOKEN,
        java.util.Optional.of(restUrl()),
        java.util.Optional.of(gatewayUrl()),
        java.util.Optional.empty(),
        java.util.Optional.empty(),
        false,
        deliveriesPerSecond);
  }

  /** Pushes a gateway dispatch to the connected bot. */
  void dispatch(String type, DataObject data) {
    WebSocket ws = socket;
    if (ws == null) {
      throw new IllegalStateException("JDA is not connected");
    }
    ws.send(
        DataObject.empty()
            .put("op", 0)
            .put("t", type)
            .put("s", sequence.incrementAndGet())
            .put("d", data)
            .toString());
  }

  /** The first registration of the application's global commands recorded so far. */
  Call globalRegistration() {
    return calls().stream()
        .filter(
            c ->
                c.method().equals("PUT")
                    && c.path().equals("/api/v10/applications/" + APP + "/commands"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no global registration; calls: " + summary()));
  }

  /** The next recorded REST call that matches, waiting up to {@code wait}. */
  Call next(Predicate<Call> wanted, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Call call = calls.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (call == null) {
        throw new AssertionError(
            "No matching call to the fake Discord within " + wait + "; calls so far: " + summary());
      }
      if (wanted.test(call)) {
        return call;
      }
    }
  }

  /**
   * The bot's permissions in a guild channel, as its roles and the channel's overwrites leave them;
   * {@link #INVITE_PERMISSIONS} unless a test says otherwise. A post is answered 50001 Missing
   * Access without View Channel, 50013 Missing Permissions without Send Messages, or without Embed
   * Links for embeds, or Attach Files for a file, as Discord answers.
   */
  FakeDiscord permissions(String channel, long bits) {
    permissions.put(channel, bits);
    return this;
  }

  long permissionsIn(String channel) {
    return permissions.getOrDefault(channel, INVITE_PERMISSIONS);
  }

  /** The payloads answered 50035 for breaking Discord's limits, with what was wrong. */
  List<String> refusedForLimits() {
    return List.copyOf(refusedForLimits);
  }

  /** Forgets the calls so far, the messages created, and every user's closed DMs. */
  void reset() {
    calls.clear();
    allCalls.clear();
    closedDms.clear();
    created.clear();
    byNonce.clear();
    requestsPerSecond.clear();
  }

  /** Every message created (a repeat dropped by its nonce is not one). */
  List<Created> created() {
    return List.copyOf(created);
  }

  /** Where message times, and so the nonce window, come from: the test's "now". */
  FakeDiscord clock(java.time.Clock clock) {
    this.clock = clock;
    return this;
  }

  /** The REST connections callers opened (a connection's first request). */
  int connectionsOpened() {
    return connectionsOpened.get();
  }

  /**
   * Every message is created at once and the answer to its request written this late (a Discord
   * that answers after the client stopped waiting).
   */
  FakeDiscord answerPostsLate(Duration by) {
    this.late = by;
    return this;
  }

  private void answerLate() {
    if (!late.isZero()) {
      try {
        Thread.sleep(late);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Every REST answer waits this long first (a slow Discord). */
  FakeDiscord delay(Duration by) {
    this.delay = by;
    return this;
  }

  /**
   * Enforces Discord's global limit: at most {@code perSecond} requests in any second (a bucket of
   * that many, refilled continuously), the rest answered 429 with {@code X-RateLimit-Global}.
   */
  FakeDiscord globalLimit(int perSecond) {
    this.globalLimit = new RateLimit(perSecond);
    return this;
  }

  /** The most REST requests the fake received in one wall-clock second. */
  int busiestSecond() {
    return requestsPerSecond.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
  }

  /** How many REST requests the fake received in each wall-clock second, oldest first. */
  List<Integer> requestsEachSecond() {
    return requestsPerSecond.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getValue().get())
        .toList();
  }

  /** How many requests were answered 429 for the global limit. */
  int rateLimited() {
    RateLimit limit = globalLimit;
    return limit == null ? 0 : limit.refused.get();
  }

  /** A token bucket of {@code perSecond}, refilled continuously. */
  private static final class RateLimit {
    final int perSecond;
    final AtomicInteger refused = new AtomicInteger();
    private double tokens;
    private long last = System.nanoTime();

    RateLimit(int perSecond) {
      this.perSecond = perSecond;
      this.tokens = perSecond;
    }

    synchronized boolean take() {
      long now = System.nanoTime();
      tokens = Math.min(perSecond, tokens + (now - last) / 1e9 * perSecond);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      refused.incrementAndGet();
      return false;
    }
  }

  List<Call> calls() {
    return List.copyOf(allCalls);
  }

  String summary() {
    List<String> lines = new ArrayList<>();
    for (Call c : allCalls) {
      lines.add(c.method() + " " + c.path());
    }
    return String.join(", ", lines);
  }

  @Override
  public void close() {
    WebSocket ws = socket;
    if (ws != null) {
      try {
        ws.close(1000, "bye");
      } catch (RuntimeException alreadyClosed) {
        // JDA hung up first
      }
    }
    server.close();
  }

  // ---- REST ----

  private MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if ("websocket".equalsIgnoreCase(request.getHeaders().get("Upgrade"))) {
      return new MockResponse.Builder().webSocketUpgrade(new Gateway()).build();
    }
    String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    Call call =
        new Call(request.getMethod(), path, body, request.getHeaders().get("Authorization"));
    allCalls.add(call);
    calls.add(call);
    if (path.startsWith("/api/")) {
      requestsPerSecond
          .computeIfAbsent(System.currentTimeMillis() / 1000, k -> new AtomicInteger())
          .incrementAndGet();
    }
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    RateLimit limit = globalLimit;
    if (limit != null && path.startsWith("/api/") && !limit.take()) {
      return new MockResponse.Builder()
          .code(429)
          .setHeader("Content-Type", "application/json")
          .setHeader("Retry-After", "1")
          .setHeader("X-RateLimit-Global", "true")
          .setHeader("X-RateLimit-Scope", "global")
          .body(
              DataObject.empty()
                  .put("message", "You are being rate limited.")
                  .put("retry_after", 0.05)
                  .put("global", true)
                  .toString())
          .build();
    }
    String method = request.getMethod();
    if (method.equals("GET") && path.equals("/api/v10/users/@me")) {
      return json(200, botUser());
    }
    if (method.equals("GET") && path.equals("/api/v10/gateway/bot")) {
      return json(
          200,
          DataObject.empty()
              .put("url", gatewayUrl())
              .put("shards", 1)
              .put(
                  "session_start_limit",
                  DataObject.empty()
                      .put("total", 1000)
                      .put("remaining", 1000)
                      .put("reset_after", 0)
                      .put("max_concurrency", 1)));
    }
    if (method.equals("PUT")
        && path.matches("/api/v10/applications/\\d+(/guilds/\\d+)?/commands")) {
      return json(200, DataArray.empty());
    }
    if (method.equals("POST") && path.matches("/api/v10/interactions/\\d+/[^/]+/callback")) {
      DataObject callback = DataObject.fromJson(payloadOf(body));
      MockResponse tooLarge = callback.optObject("data").map(this::overLimits).orElse(null);
      if (tooLarge != null) {
        return tooLarge;
      }
      return new MockResponse.Builder().code(204).build();
    }
    if (path.matches("/api/v10/webhooks/\\d+/[^/]+(/messages/.+)?")) {
      if (method.equals("DELETE")) {
        return new MockResponse.Builder().code(204).build();
      }
      MockResponse tooLarge = overLimits(DataObject.fromJson(payloadOf(body)));
      if (tooLarge != null) {
        return tooLarge;
      }
      return json(200, message(CHANNEL, DataObject.fromJson(payloadOf(body))));
    }
    if (method.equals("POST") && path.equals("/api/v10/users/@me/channels")) {
      String user = DataObject.fromJson(body).getString("recipient_id");
      return json(200, dmChannel(user));
    }
    if (method.equals("POST") && path.matches("/api/v10/channels/\\d+/messages")) {
      String channel = path.split("/")[4];
      for (String user : closedDms) {
        if (channel.equals(dmChannelId(user))) {
          return json(
              403,
              DataObject.empty()
                  .put("code", 50007)
                  .put("message", "Cannot send messages to this user"));
        }
      }
      if (!channel.startsWith("5")) {
        MockResponse refused = refusedByPermissions(channel, body);
        if (refused != null) {
          return refused;
        }
      }
      MockResponse tooLarge = overLimits(DataObject.fromJson(payloadOf(body)));
      if (tooLarge != null) {
        return tooLarge;
      }
      return json(200, create(channel, DataObject.fromJson(payloadOf(body))));
    }
    return json(404, DataObject.empty().put("code", 0).put("message", "404: Not Found"));
  }

  /** Discord's answer to a post the bot's permissions in the channel do not allow; else null. */
  private MockResponse refusedByPermissions(String channel, String body) {
    long granted = permissionsIn(channel);
    DataObject sent = DataObject.fromJson(payloadOf(body));
    boolean embeds = !sent.optArray("embeds").orElse(DataArray.empty()).isEmpty();
    boolean files = body.contains("filename=");
    if ((granted & VIEW_CHANNEL) == 0) {
      return json(403, DataObject.empty().put("code", 50001).put("message", "Missing Access"));
    }
    if ((granted & SEND_MESSAGES) == 0
        || (embeds && (granted & EMBED_LINKS) == 0)
        || (files && (granted & ATTACH_FILES) == 0)) {
      return json(403, DataObject.empty().put("code", 50013).put("message", "Missing Permissions"));
    }
    return null;
  }

  /** 50035 Invalid Form Body for a message past Discord's limits ({@link DiscordLimits}). */
  private MockResponse overLimits(DataObject message) {
    List<String> problems = DiscordLimits.check(message);
    if (problems.isEmpty()) {
      return null;
    }
    refusedForLimits.add(String.join("; ", problems));
    return json(
        400,
        DataObject.empty()
            .put("code", 50035)
            .put("message", "Invalid Form Body")
            .put("errors", DataObject.empty().put("problems", String.join("; ", problems))));
  }

  private static String payloadOf(String body) {
    return new Call("", "", body).payload();
  }

  private static MockResponse json(int code, Object body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  // ---- gateway ----

  private final class Gateway extends WebSocketListener {
    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      socket = webSocket;
      webSocket.send(
          DataObject.empty()
              .put("op", 10)
              .put("d", DataObject.empty().put("heartbeat_interval", 41250))
              .toString());
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      DataObject frame = DataObject.fromJson(text);
      gatewayFrames.add(frame);
      switch (frame.getInt("op")) {
        case 1 -> webSocket.send("{\"op\":11}");
        case 2 -> {
          dispatch("READY", ready());
          dispatch("GUILD_CREATE", guild());
        }
        default -> {}
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(code, null); // answer JDA's close at once, so its shutdown is quick
    }
  }

  private DataObject ready() {
    return DataObject.empty()
        .put("v", 10)
        .put("user", botUser())
        .put(
            "guilds",
            DataArray.empty().add(DataObject.empty().put("id", GUILD).put("unavailable", true)))
        .put("session_id", "fake-session")
        .put("resume_gateway_url", gatewayUrl())
        .put("application", DataObject.empty().put("id", APP).put("flags", 0))
        .put("private_channels", DataArray.empty())
        .put("relationships", DataArray.empty())
        .put("presences", DataArray.empty());
  }

  /** The guild the bot is in: the study group channel, and @everyone may see and post there. */
  /** What @everyone may do in the fake guild. */
  private static final long EVERYONE = 1024L | 2048L | 16384L | 32768L | 65536L | (1L << 31);

  DataObject guild() {
    long everyone = EVERYONE;
    return DataObject.empty()
        .put("id", GUILD)
        .put("name", "ML Study Club")
        .put("icon", null)
        .put("owner_id", OWNER)
        .put("afk_timeout", 300)
        .put("verification_level", 0)
        .put("default_message_notifications", 0)
        .put("explicit_content_filter", 0)
        .put("mfa_level", 0)
        .put("nsfw_level", 0)
        .put("premium_tier", 0)
        .put("preferred_locale", "en-US")
        .put("features", DataArray.empty())
        .put(
            "roles",
            DataArray.empty()
                .add(role(GUILD, "@everyone", everyone, 0))
                .add(role(ORGANISERS, "Organisers", everyone | 32L, 1)))
        .put("emojis", DataArray.empty())
        .put("stickers", DataArray.empty())
        .put("large", false)
        .put("unavailable", false)
        .put("member_count", 3)
        .put("joined_at", "2026-01-05T10:00:00.000000+00:00")
        .put("voice_states", DataArray.empty())
        .put("members", DataArray.empty().add(member(botUser(), false)))
        .put("channels", DataArray.empty().add(studyGroup()))
        .put("threads", DataArray.empty())
        .put("presences", DataArray.empty())
        .put("stage_instances", DataArray.empty())
        .put("guild_scheduled_events", DataArray.empty())
        .put("soundboard_sounds", DataArray.empty());
  }

  /**
   * The study group channel as the guild shows it: an overwrite for the bot denies what its
   * permissions there ({@link #permissionsIn}) leave out of what @everyone may do, so JDA's view of
   * the bot's permissions matches what the fake enforces on posts.
   */
  private DataObject studyGroup() {
    long denied = EVERYONE & ~permissionsIn(CHANNEL);
    return DataObject.empty()
        .put("id", CHANNEL)
        .put("guild_id", GUILD)
        .put("type", 0)
        .put("name", "study-group")
        .put("position", 0)
        .put(
            "permission_overwrites",
            DataArray.empty()
                .add(
                    DataObject.empty()
                        .put("id", BOT)
                        .put("type", 1)
                        .put("allow", "0")
                        .put("deny", Long.toString(denied))))
        .put("parent_id", null)
        .put("nsfw", false)
        .put("topic", null)
        .put("rate_limit_per_user", 0)
        .put("last_message_id", null);
  }

  /** Tells the bot that the study group's permissions changed (a CHANNEL_UPDATE dispatch). */
  void studyGroupUpdated() {
    dispatch("CHANNEL_UPDATE", studyGroup());
  }

  // ---- entities ----

  private static DataObject role(String id, String name, long permissions, int position) {
    return DataObject.empty()
        .put("id", id)
        .put("name", name)
        .put("permissions", Long.toString(permissions))
        .put("position", position)
        .put("color", 0)
        .put(
            "colors",
            DataObject.empty()
                .put("primary_color", 0)
                .put("secondary_color", null)
                .put("tertiary_color", null))
        .put("hoist", false)
        .put("managed", false)
        .put("mentionable", false)
        .put("flags", 0);
  }

  static DataObject botUser() {
    return user(BOT, "roadmap-coach", "Roadmap Coach").put("bot", true);
  }

  static DataObject user(String id, String username, String globalName) {
    return DataObject.empty()
        .put("id", id)
        .put("username", username)
        .put("global_name", globalName)
        .put("discriminator", "0")
        .put("avatar", null)
        .put("flags", 0)
        .put("public_flags", 0);
  }

  static DataObject member(DataObject user, boolean manageServer) {
    long permissions =
        1024L | 2048L | 16384L | 32768L | 65536L | (1L << 31) | (manageServer ? 32L : 0L);
    return DataObject.empty()
        .put("user", user)
        .put("nick", null)
        .put("roles", manageServer ? DataArray.empty().add(ORGANISERS) : DataArray.empty())
        .put("joined_at", "2026-01-05T10:00:00.000000+00:00")
        .put("deaf", false)
        .put("mute", false)
        .put("flags", 0)
        .put("pending", false)
        .put("permissions", Long.toString(permissions));
  }

  static String dmChannelId(String userId) {
    return "5" + userId.substring(1);
  }

  private static DataObject dmChannel(String userId) {
    return DataObject.empty()
        .put("id", dmChannelId(userId))
        .put("type", 1)
        .put("last_message_id", null)
        .put("flags", 0)
        .put("recipients", DataArray.empty().add(user(userId, "member-" + userId, null)));
  }

  /**
   * Creates a message, unless one was created in the same channel with the same nonce and {@code
   * enforce_nonce} within the window: that one is returned instead, as Discord does.
   */
  private DataObject create(String channelId, DataObject sent) {
    String nonce = sent.opt("nonce").map(String::valueOf).orElse(null);
    boolean enforce = sent.getBoolean("enforce_nonce", false);
    long now = clock.millis();
    if (nonce != null && enforce) {
      synchronized (byNonce) {
        Created earlier = byNonce.get(channelId + "/" + nonce);
        if (earlier != null && now - earlier.atMillis() < NONCE_WINDOW.toMillis()) {
          return earlier.message();
        }
        DataObject message = message(channelId, sent);
        Created made = new Created(channelId, message.getString("id"), nonce, now, message);
        byNonce.put(channelId + "/" + nonce, made);
        created.add(made);
        return message;
      }
    }
    DataObject message = message(channelId, sent);
    created.add(new Created(channelId, message.getString("id"), nonce, now, message));
    return message;
  }

  /** A message as Discord returns it, built from what was sent. */
  DataObject message(String channelId, DataObject sent) {
    return DataObject.empty()
        .put("id", Long.toString(snowflake()))
        .put("channel_id", channelId)
        .put("type", 0)
        .put("content", sent.getString("content", ""))
        .put("author", botUser())
        .put("timestamp", "2026-03-02T09:00:00.000000+00:00")
        .put("edited_timestamp", null)
        .put("tts", false)
        .put("mention_everyone", false)
        .put("mentions", DataArray.empty())
        .put("mention_roles", DataArray.empty())
        .put("attachments", DataArray.empty())
        .put("embeds", richEmbeds(sent.optArray("embeds").orElse(DataArray.empty())))
        .put("components", sent.optArray("components").orElse(DataArray.empty()))
        .put("pinned", false)
        .put("flags", sent.getInt("flags", 0))
        .put("nonce", sent.opt("nonce").orElse(null));
  }

  /** Discord adds the embed type to what a bot sends. */
  private static DataArray richEmbeds(DataArray sent) {
    DataArray embeds = DataArray.empty();
    for (int i = 0; i < sent.length(); i++) {
      embeds.add(sent.getObject(i).put("type", "rich"));
    }
    return embeds;
  }

  /** A snowflake for now, as Discord makes them: JDA reads an interaction's age from its id. */
  long snowflake() {
    long sinceDiscordEpoch = System.currentTimeMillis() - 1_420_070_400_000L;
    return (sinceDiscordEpoch << 22) | (ids.incrementAndGet() & 0x3FFFFF);
  }

  // ---- interactions ----

  /** A {@code /roadmap ...} slash command (interaction type 2) from a member in the guild. */
  DataObject slashCommand(
      String interactionId, DataObject member, String subcommand, DataArray options) {
    return roadmapCommand(interactionId, member, subcommand(subcommand, options));
  }

  /** A {@code /roadmap <group> <sub> ...} slash command, such as {@code remind dm}. */
  DataObject slashCommand(
      String interactionId, DataObject member, String group, String subcommand, DataArray options) {
    DataObject grouped =
        DataObject.empty()
            .put("name", group)
            .put("type", 2)
            .put("options", DataArray.empty().add(subcommand(subcommand, options)));
    return roadmapCommand(interactionId, member, grouped);
  }

  private static DataObject subcommand(String name, DataArray options) {
    return DataObject.empty().put("name", name).put("type", 1).put("options", options);
  }

  /** The {@code /roadmap} command interaction (type 2) with its one subcommand or group. */
  private DataObject roadmapCommand(String interactionId, DataObject member, DataObject option) {
    return interaction(interactionId, 2, member)
        .put(
            "data",
            DataObject.empty()
                .put("id", "700000000000000007")
                .put("name", CommandSurface.COMMAND)
                .put("type", 1)
                .put("guild_id", GUILD)
                .put("options", DataArray.empty().add(option)));
  }

  /** A button press (interaction type 3) on {@code message}, in the guild. */
  DataObject buttonPress(
      String interactionId, DataObject member, String customId, DataObject message) {
    return interaction(interactionId, 3, member)
        .put("message", message)
        .put("data", DataObject.empty().put("custom_id", customId).put("component_type", 2));
  }

  /** A button press in the bot's DM with {@code user}: no guild, no member. */
  DataObject dmButtonPress(
      String interactionId, DataObject user, String customId, DataObject message) {
    String dm = dmChannelId(user.getString("id"));
    return DataObject.empty()
        .put("id", interactionId)
        .put("application_id", APP)
        .put("type", 3)
        .put("token", "token-" + interactionId)
        .put("version", 1)
        .put("channel_id", dm)
        .put(
            "channel",
            DataObject.empty()
                .put("id", dm)
                .put("type", 1)
                .put("last_message_id", null)
                .put("flags", 0)
                .put("recipients", DataArray.empty().add(user)))
        .put("user", user)
        .put("locale", "en-US")
        .put("app_permissions", "0")
        .put("entitlements", DataArray.empty())
        .put("authorizing_integration_owners", DataObject.empty().put("0", "0"))
        .put("context", 1)
        .put("attachment_size_limit", 10485760)
        .put("message", message)
        .put("data", DataObject.empty().put("custom_id", customId).put("component_type", 2));
  }

  private DataObject interaction(String id, int type, DataObject member) {
    return DataObject.empty()
        .put("id", id)
        .put("application_id", APP)
        .put("type", type)
        .put("token", "token-" + id)
        .put("version", 1)
        .put("guild_id", GUILD)
        .put(
            "guild",
            DataObject.empty()
                .put("id", GUILD)
                .put("locale", "en-US")
                .put("features", DataArray.empty()))
        .put("channel_id", CHANNEL)
        .put(
            "channel",
            DataObject.empty()
                .put("id", CHANNEL)
                .put("type", 0)
                .put("name", "study-group")
                .put("guild_id", GUILD)
                .put("position", 0)
                .put("permission_overwrites", DataArray.empty())
                .put("parent_id", null)
                .put("nsfw", false)
                .put("topic", null)
                .put("rate_limit_per_user", 0)
                .put("last_message_id", null)
                .put("flags", 0)
                .put("permissions", "2147483647"))
        .put("member", member)
        .put("locale", "en-US")
        .put("guild_locale", "en-US")
        .put("app_permissions", "2147483647")
        .put("entitlements", DataArray.empty())
        .put("authorizing_integration_owners", DataObject.empty().put("0", GUILD))
        .put("context", 0)
        .put("attachment_size_limit", 10485760);
  }

  /** Discord's interaction callback body: {@code type} and {@code data}. */
  static Map<String, Object> callback(Call call) {
    return call.json().toMap();
  }
}
