package io.roadmapcoach.slack.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Slack's Web API ({@code /api/<method>}), the {@code response_url}s it hands
 * out ({@code /respond/<id>}) and the file upload URLs ({@code /upload/<id>}). It answers like
 * Slack and records every call, so tests can read exactly what the adapter sent.
 */
public final class FakeSlack implements AutoCloseable {
  public static final String TEAM = "T0TEST";
  public static final String BOT_USER = "UBOT";

  /** One request the fake received. */
  public record Call(
      String path, String method, Map<String, String> params, String body, String authorization) {

    public JsonObject json(String param) {
      return JsonParser.parseString(params.get(param)).getAsJsonObject();
    }

    public JsonArray jsonArray(String param) {
      return JsonParser.parseString(params.get(param)).getAsJsonArray();
    }

    /** The JSON body of a response_url post. */
    public JsonObject bodyJson() {
      return JsonParser.parseString(body).getAsJsonObject();
    }
  }

  /** A canned answer: status, headers, body. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public static Answer ok(String json) {
      return new Answer(200, Map.of(), json);
    }

    public static Answer rateLimited(int retryAfterSeconds) {
      return new Answer(
          429,
          Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
          "{\"ok\":false,\"error\":\"ratelimited\"}");
    }

    public static Answer error(String error) {
      return ok("{\"ok\":false,\"error\":\"" + error + "\"}");
    }
  }

  private record User(String name, String realName, String tz, boolean admin, boolean owner) {}

  /** A message the fake holds after {@code chat.postMessage}, for {@code conversations.history}. */
  public record Posted(String channel, String ts, String text, String metadata) {}

  /**
   * The scopes installs granted before the bot could check channels: without {@code channels:read}
   * and {@code groups:read}, so {@code conversations.info} answers {@code missing_scope}.
   */
  public static final String UNCHECKED_SCOPES =
      "commands,chat:write,im:write,users:read,files:write";

  /** The scopes the manifest asks for today, without the history scopes. */
  public static final String BASE_SCOPES =
      UNCHECKED_SCOPES + ",channels:read,groups:read,files:read";

  /**
   * The scope each Web API method needs (each method's reference page, "Required scopes"); a token
   * without it gets {@code missing_scope}. Channel look-ups need the scope of the channel's kind.
   */
  private static final Map<String, String> NEEDED_SCOPE =
      Map.of(
          "chat.postMessage", "chat:write",
          "chat.update", "chat:write",
          "conversations.open", "im:write",
          "users.info", "users:read",
          "files.getUploadURLExternal", "files:write",
          "files.completeUploadExternal", "files:write",
          "files.info", "files:read",
          "chat.postEphemeral", "chat:write");

  /** With the history scopes that turn the delivery check on. */
  public static final String HISTORY_SCOPES =
      BASE_SCOPES + ",im:history,channels:history,groups:history";

  /** What an OAuth code stands for: an install in a workspace, or org-wide in an organisation. */
  private record Grant(
      String team, String teamName, String enterprise, String installer, boolean orgWide) {}

  /** A bot token the fake issued, and the workspace it works in. */
  private record Issued(String team, String botUser) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final Map<String, List<String>> statuses = new ConcurrentHashMap<>();
  private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
  private final AtomicInteger ts = new AtomicInteger();
  private final List<Posted> posted = new CopyOnWriteArrayList<>();
  private volatile String scopes = BASE_SCOPES;
  private volatile java.time.Clock clock = java.time.Clock.systemUTC();
  private volatile Duration delay = Duration.ZERO;
  private final Map<String, Duration> methodDelays = new ConcurrentHashMap<>();
  private volatile String socketModeUrl;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile String clientCredentials;
  private volatile Duration tokenLifetime;
  private volatile boolean publishedLimits;
  private final Map<String, java.time.Instant> lastHistoryCall = new ConcurrentHashMap<>();
  private final Map<String, Deque<java.time.Instant>> recentPosts = new ConcurrentHashMap<>();
  private final AtomicInteger postsAnswering = new AtomicInteger();
  private final AtomicInteger mostPostsAnswering = new AtomicInteger();
  private final AtomicInteger refusedForLimits = new AtomicInteger();
  private final Set<String> memberOf = ConcurrentHashMap.newKeySet();
  private final Map<String, String> channelNames = new ConcurrentHashMap<>();
  private final List<String> refusedBlocks = new CopyOnWriteArrayList<>();
  private final Map<String, java.time.Instant> triggers = new ConcurrentHashMap<>();
  private final AtomicInteger triggerSerial = new AtomicInteger();
  private final Set<String> usedTriggers = ConcurrentHashMap.newKeySet();
  private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
  private final Set<String> knownTokens = ConcurrentHashMap.newKeySet();

  /** A file members shared with Slack: its name and content. */
  private record StoredFile(String name, byte[] content) {}

  /** How long a {@code trigger_id} may open a view: 3 s, once. */
  public static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);

  /**
   * {@code conversations.history} calls a minute per workspace, for apps outside the Marketplace.
   */
  public static final int HISTORY_CALLS_PER_MINUTE = 1;

  /** The most messages one {@code conversations.history} call returns outside the Marketplace. */
  public static final int HISTORY_MESSAGES = 15;

  public FakeSlack() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public String apiUrl() {
    return base() + "/api/";
  }

  public String responseUrl(String id) {
    return base() + "/respond/" + id;
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Invites the bot into a channel, as {@code /invite @Roadmap Coach} does there: from now on it
   * may post in it. Slack answers {@code not_in_channel} (a public channel) or {@code
   * channel_not_found} (a private one, ids starting with G) to posts anywhere else; direct messages
   * (ids starting with D) need no invitation.
   */
  public FakeSlack invite(String channel) {
    memberOf.add(channel);
    return this;
  }

  /** Names a channel, for {@code conversations.info}. */
  public FakeSlack channelName(String channel, String name) {
    channelNames.put(channel, name);
    return this;
  }

  /** Removes the bot from a channel. */
  public FakeSlack kick(String channel) {
    memberOf.remove(channel);
    return this;
  }

  public boolean isMember(String channel) {
    return channel.startsWith("D") || memberOf.contains(channel);
  }

  /** What was refused for breaking Block Kit's limits: the error and its problems. */
  public List<String> refusedBlocks() {
    return List.copyOf(refusedBlocks);
  }

  /**
   * A new {@code trigger_id}, as Slack hands one out with a command or a click: {@code views.open}
   * takes it once, within {@link #TRIGGER_LIFETIME} on the fake's clock, and answers {@code
   * expired_trigger_id}, {@code exchanged_trigger_id} or {@code invalid_trigger_id} otherwise.
   */
  public String trigger() {
    String id = triggerSerial.incrementAndGet() + "." + System.nanoTime() + ".fake";
    triggers.put(id, clock.instant());
    return id;
  }

  /**
   * A file a member uploaded (in a form's file input): {@code files.info} describes it (with
   * files:read) and its {@code url_private_download} gives its content to a request with a bot
   * token.
   *
   * @return its id
   */
  public String file(String name, byte[] content) {
    String id = "F" + (files.size() + 100);
    files.put(id, new StoredFile(name, content.clone()));
    return id;
  }

  /** A bot token Slack knows besides those it issued by OAuth (the harness's single token). */
  public FakeSlack knownToken(String token) {
    knownTokens.add(token);
    return this;
  }

  /** The views {@code views.open} opened, as sent. */
  public List<JsonObject> openedViews() {
    return calls("views.open").stream()
        .filter(c -> c.params().containsKey("view"))
        .map(c -> c.json("view"))
        .toList();
  }

  /** Tells users.info about a member. */
  public FakeSlack user(String id, String displayName, String tz, boolean admin) {
    users.put(id, new User(displayName, displayName + " Realname", tz, admin, false));
    return this;
  }

  /** Gives a member a status in users.info's answers: an emoji such as :palm_tree:, and text. */
  public FakeSlack status(String id, String emoji, String text) {
    statuses.put(id, List.of(emoji, text));
    return this;
  }

  public FakeSlack owner(String id, String displayName, String tz) {
    users.put(id, new User(displayName, displayName + " Realname", tz, false, true));
    return this;
  }

  /** The next call of {@code method} gets this answer instead of the usual one. */
  public FakeSlack next(String method, Answer answer) {
    scripted.computeIfAbsent(method, k -> new ArrayDeque<>()).add(answer);
    return this;
  }

  /** The bot token's scopes, as {@code auth.test} reports them in {@code x-oauth-scopes}. */
  public FakeSlack scopes(String commaSeparated) {
    this.scopes = commaSeparated;
    return this;
  }

  /** Where message timestamps come from: the test's "now", when it moves time. */
  public FakeSlack clock(java.time.Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * Refuses what Slack's published limits refuse, on the fake's clock: {@code
   * conversations.history} once a minute per workspace and at most 15 messages a call (apps outside
   * the Marketplace), and {@code chat.postMessage} at one a second per channel with a short burst.
   * A refusal is HTTP 429 with {@code Retry-After}, as Slack answers.
   */
  public FakeSlack publishedLimits() {
    this.publishedLimits = true;
    return this;
  }

  /** How many calls the published limits refused. */
  public int refusedForLimits() {
    return refusedForLimits.get();
  }

  /** The most {@code chat.postMessage} calls the fake was answering at one instant. */
  public int mostPostsAtOnce() {
    return mostPostsAnswering.get();
  }

  /** Every message posted so far, oldest first. */
  public List<Posted> posted() {
    return List.copyOf(posted);
  }

  /** Where {@code apps.connections.open} sends Socket Mode clients. */
  public FakeSlack socketModeUrl(String url) {
    this.socketModeUrl = url;
    return this;
  }

  /**
   * The app's client id and secret: {@code oauth.v2.access} answers {@code invalid_client} unless
   * they come as its Basic authorisation.
   */
  public FakeSlack app(String clientId, String clientSecret) {
    this.clientCredentials =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Turns token rotation on: tokens come with a refresh token and live this long. */
  public FakeSlack rotateTokens(Duration lifetime) {
    this.tokenLifetime = lifetime;
    return this;
  }

  /**
   * What Slack would do when an admin of {@code team} approves the install: {@code code} becomes
   * exchangeable, once, for a bot token of that workspace.
   */
  public FakeSlack approve(String code, String team, String teamName, String installer) {
    codes.put(code, new Grant(team, teamName, null, installer, false));
    return this;
  }

  /** An Enterprise Grid org-wide install of {@code enterprise}: no workspace in the answer. */
  public FakeSlack approveOrgWide(String code, String enterprise, String installer) {
    codes.put(code, new Grant(null, null, enterprise, installer, true));
    return this;
  }

  /** The bot tokens issued for a workspace so far, oldest first. */
  public List<String> tokensOf(String team) {
    return tokens.entrySet().stream()
        .filter(e -> team.equals(e.getValue().team()))
        .map(Map.Entry::getKey)
        .sorted(Comparator.comparingInt(FakeSlack::serial))
        .toList();
  }

  private static int serial(String token) {
    return Integer.parseInt(token.substring(token.lastIndexOf('-') + 1));
  }

  /** Every Web API answer waits this long first (a slow Slack). */
  public FakeSlack delay(Duration by) {
    this.delay = by;
    return this;
  }

  /** Answers to {@code method} alone wait this long first (a slow users.info, say). */
  public FakeSlack delay(String method, Duration by) {
    methodDelays.put(method, by);
    return this;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Waits (up to 10 s) until {@code method} was called at least {@code count} times. */
  public List<Call> await(String method, int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      List<Call> found = calls(method);
      if (found.size() >= count) {
        return found;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError(
        "expected " + count + " call(s) of " + method + "; calls were " + methods());
  }

  public List<String> methods() {
    return calls.stream().map(Call::method).toList();
  }

  public void clear() {
    calls.clear();
  }

  /** The connections callers opened to the fake (each has its own remote address). */
  public int connectionsOpened() {
    return peers.size();
  }

  private final Set<java.net.InetSocketAddress> peers = ConcurrentHashMap.newKeySet();

  private void handle(HttpExchange exchange) throws IOException {
    peers.add(exchange.getRemoteAddress());
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    Map<String, String> params =
        type != null && type.startsWith("application/x-www-form-urlencoded")
            ? form(body)
            : Map.of();
    String method;
    if (path.startsWith("/api/")) {
      method = path.substring("/api/".length());
    } else if (path.startsWith("/respond/")) {
      method = "response_url";
    } else if (path.startsWith("/upload/")) {
      method = "file_upload";
    } else if (path.startsWith("/files-pri/")) {
      method = "file_download";
    } else {
      method = path;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    calls.add(new Call(path, method, params, body, authorization));
    Answer refused = publishedLimits ? overLimit(method, params, authorization) : null;
    if (refused != null) {
      refusedForLimits.incrementAndGet();
      answer(exchange, refused);
      return;
    }
    boolean post = method.equals("chat.postMessage");
    if (post) {
      mostPostsAnswering.accumulateAndGet(postsAnswering.incrementAndGet(), Math::max);
    }
    try {
      answerInTurn(exchange, method, path, params, body, authorization);
    } finally {
      if (post) {
        postsAnswering.decrementAndGet();
      }
    }
  }

  private void answerInTurn(
      HttpExchange exchange,
      String method,
      String path,
      Map<String, String> params,
      String body,
      String authorization)
      throws IOException {
    Duration wait = methodDelays.getOrDefault(method, delay);
    if (!wait.isZero() && path.startsWith("/api/")) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Deque<Answer> queue = scripted.get(method);
    Answer answer = queue == null ? null : queue.poll();
    if (answer == null) {
      answer = refusal(method, params, body);
    }
    if (answer == null) {
      answer = usual(method, path, params, authorization);
    }
    answer(exchange, answer);
  }

  private static void answer(HttpExchange exchange, Answer answer) throws IOException {
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .set(
            "Content-Type",
            answer.body().startsWith("{") ? "application/json; charset=utf-8" : "text/plain");
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  /** Slack's answer when the call is over a published limit; null when it is within them. */
  private Answer overLimit(String method, Map<String, String> params, String authorization) {
    java.time.Instant now = clock.instant();
    if (method.equals("conversations.history")) {
      java.time.Instant[] last = {null};
      lastHistoryCall.compute(
          teamOf(authorization),
          (team, before) -> {
            if (before != null && now.isBefore(before.plus(Duration.ofMinutes(1)))) {
              last[0] = before;
              return before;
            }
            return now;
          });
      if (last[0] != null) {
        long seconds =
            Math.max(1, Duration.between(now, last[0].plus(Duration.ofMinutes(1))).toSeconds() + 1);
        return Answer.rateLimited((int) seconds);
      }
    }
    if (method.equals("chat.postMessage")) {
      Deque<java.time.Instant> recent =
          recentPosts.computeIfAbsent(params.getOrDefault("channel", ""), c -> new ArrayDeque<>());
      synchronized (recent) {
        while (!recent.isEmpty() && !now.isBefore(recent.peekFirst().plusSeconds(3))) {
          recent.removeFirst();
        }
        // one a second, with a burst of three
        if (recent.size() >= 3) {
          return Answer.rateLimited(1);
        }
        recent.addLast(now);
      }
    }
    return null;
  }

  private String teamOf(String authorization) {
    String token = bearer(authorization);
    Issued known = token == null ? null : tokens.get(token);
    return known == null ? TEAM : known.team();
  }

  private Answer usual(
      String method, String path, Map<String, String> params, String authorization) {
    return switch (method) {
      case "auth.test" -> authTest(authorization);
      case "auth.revoke" -> revoke(authorization);
      case "oauth.v2.access" -> oauthV2Access(params, authorization);
      case "users.info" -> usersInfo(params.get("user"));
      case "conversations.open" ->
          Answer.ok(
              "{\"ok\":true,\"channel\":{\"id\":\"D"
                  + params.getOrDefault("users", "X").replace(",", "")
                  + "\"}}");
      case "chat.postMessage" -> postMessage(params);
      case "conversations.history" -> history(params);
      case "chat.update" ->
          Answer.ok(
              "{\"ok\":true,\"channel\":\""
                  + params.get("channel")
                  + "\",\"ts\":\""
                  + params.get("ts")
                  + "\"}");
      case "conversations.info" -> conversationsInfo(params.getOrDefault("channel", ""));
      case "views.publish" -> Answer.ok("{\"ok\":true,\"view\":{\"id\":\"V1\",\"type\":\"home\"}}");
      case "views.open" -> viewsOpen(params);
      case "files.info" -> filesInfo(params.getOrDefault("file", ""));
      case "file_download" -> download(path, authorization);
      case "chat.postEphemeral" ->
          Answer.ok("{\"ok\":true,\"message_ts\":\"" + clock.millis() / 1000 + ".000100\"}");
      case "files.getUploadURLExternal" ->
          Answer.ok("{\"ok\":true,\"upload_url\":\"" + base() + "/upload/F1\",\"file_id\":\"F1\"}");
      case "files.completeUploadExternal" ->
          Answer.ok("{\"ok\":true,\"files\":[{\"id\":\"F1\",\"title\":\"team.csv\"}]}");
      case "file_upload" -> new Answer(200, Map.of(), "OK - 1");
      case "apps.connections.open" ->
          socketModeUrl == null
              ? Answer.error("invalid_auth")
              : Answer.ok("{\"ok\":true,\"url\":\"" + socketModeUrl + "\"}");
      case "response_url" -> new Answer(200, Map.of(), "ok");
      default -> Answer.error("unknown_method");
    };
  }

  /**
   * What Slack refuses before doing anything: a method the token has no scope for, a post where the
   * bot was not invited, blocks past Block Kit's limits. Null when none of these.
   */
  private Answer refusal(String method, Map<String, String> params, String body) {
    String needed = NEEDED_SCOPE.get(method);
    if (method.equals("conversations.info")) {
      needed = params.getOrDefault("channel", "").startsWith("G") ? "groups:read" : "channels:read";
    }
    if (needed != null && !List.of(scopes.split(",")).contains(needed)) {
      return Answer.ok("{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"" + needed + "\"}");
    }
    if (method.equals("chat.postMessage")
        || method.equals("chat.update")
        || method.equals("chat.postEphemeral")) {
      String channel = params.getOrDefault("channel", "");
      if (!isMember(channel)) {
        return Answer.error(channel.startsWith("G") ? "channel_not_found" : "not_in_channel");
      }
    }
    if (params.containsKey("blocks")
        && (method.equals("chat.postMessage")
            || method.equals("chat.update")
            || method.equals("chat.postEphemeral"))) {
      BlockKitLimits.Verdict verdict =
          BlockKitLimits.message(
              JsonParser.parseString(params.get("blocks")).getAsJsonArray(),
              params.getOrDefault("text", ""));
      if (!verdict.ok()) {
        refusedBlocks.add(verdict.error() + ": " + verdict.problems());
        return Answer.error(verdict.error());
      }
    }
    if (method.equals("response_url") && body.startsWith("{")) {
      JsonObject message = JsonParser.parseString(body).getAsJsonObject();
      if (message.has("blocks")) {
        BlockKitLimits.Verdict verdict =
            BlockKitLimits.message(
                message.getAsJsonArray("blocks"),
                message.has("text") ? message.get("text").getAsString() : "");
        if (!verdict.ok()) {
          refusedBlocks.add(verdict.error() + ": " + verdict.problems());
          return new Answer(400, Map.of(), verdict.error());
        }
      }
    }
    if (method.equals("views.publish") && params.containsKey("view")) {
      JsonObject view = JsonParser.parseString(params.get("view")).getAsJsonObject();
      if (view.has("blocks") && view.getAsJsonArray("blocks").size() > BlockKitLimits.HOME_BLOCKS) {
        refusedBlocks.add("invalid_arguments: more than 100 blocks in a view");
        return Answer.error("invalid_arguments");
      }
      if (!view.has("type") || view.get("type").getAsString().equals("home")) {
        BlockKitLimits.Verdict verdict = BlockKitLimits.view(withType(view, "home"));
        if (verdict.problems().stream().anyMatch(p -> p.contains("input"))) {
          refusedBlocks.add(verdict.error() + ": " + verdict.problems());
          return Answer.error("invalid_arguments");
        }
      }
    }
    return null;
  }

  private static JsonObject withType(JsonObject view, String type) {
    JsonObject copy = view.deepCopy();
    copy.addProperty("type", type);
    return copy;
  }

  /**
   * A modal opened with a {@code trigger_id} handed out within the last 3 s and not used before,
   * and within a modal's limits; its {@code private_metadata} is kept as Slack keeps it.
   */
  private Answer viewsOpen(Map<String, String> params) {
    String trigger = params.getOrDefault("trigger_id", "");
    java.time.Instant issued = triggers.remove(trigger);
    if (issued == null) {
      return Answer.error(
          usedTriggers.contains(trigger) ? "exchanged_trigger_id" : "invalid_trigger_id");
    }
    usedTriggers.add(trigger);
    if (clock.instant().isAfter(issued.plus(TRIGGER_LIFETIME))) {
      return Answer.error("expired_trigger_id");
    }
    if (!params.containsKey("view")) {
      return Answer.error("invalid_arguments");
    }
    JsonObject view = JsonParser.parseString(params.get("view")).getAsJsonObject();
    BlockKitLimits.Verdict verdict = BlockKitLimits.view(view);
    if (!verdict.ok()) {
      refusedBlocks.add(verdict.error() + ": " + verdict.problems());
      return Answer.error(verdict.error());
    }
    JsonObject opened = view.deepCopy();
    opened.addProperty("id", "V" + trigger.substring(0, trigger.indexOf('.')));
    opened.addProperty("team_id", TEAM);
    JsonObject body = new JsonObject();
    body.addProperty("ok", true);
    body.add("view", opened);
    return Answer.ok(body.toString());
  }

  /** A file's facts, with the address its content is fetched from. */
  private Answer filesInfo(String id) {
    StoredFile file = files.get(id);
    if (file == null) {
      return Answer.error("file_not_found");
    }
    JsonObject info = new JsonObject();
    info.addProperty("id", id);
    info.addProperty("name", file.name());
    info.addProperty("title", file.name());
    info.addProperty("size", file.content().length);
    info.addProperty("mimetype", "text/plain");
    info.addProperty("url_private", base() + "/files-pri/" + TEAM + "-" + id + "/" + file.name());
    info.addProperty(
        "url_private_download",
        base() + "/files-pri/" + TEAM + "-" + id + "/download/" + file.name());
    JsonObject body = new JsonObject();
    body.addProperty("ok", true);
    body.add("file", info);
    return Answer.ok(body.toString());
  }

  /**
   * A file's content, for a request with a bot token Slack knows; anyone else gets what Slack gives
   * a browser that is not signed in: 200 and its sign-in page.
   */
  private Answer download(String path, String authorization) {
    String token = bearer(authorization);
    boolean known = token != null && (knownTokens.contains(token) || tokens.containsKey(token));
    String rest = path.substring("/files-pri/".length());
    String id = rest.substring(rest.indexOf('-') + 1, rest.indexOf('/'));
    StoredFile file = files.get(id);
    if (!known) {
      return new Answer(
          200,
          Map.of("Content-Type", "text/html; charset=utf-8"),
          "<!DOCTYPE html><html><body>Sign in to Slack</body></html>");
    }
    if (file == null) {
      return new Answer(404, Map.of(), "not found");
    }
    return new Answer(
        200,
        Map.of("Content-Type", "application/octet-stream"),
        new String(file.content(), StandardCharsets.UTF_8));
  }

  /** A channel's facts: whether the bot is a member, as {@code conversations.info} says. */
  private Answer conversationsInfo(String channel) {
    if (channel.isEmpty()) {
      return Answer.error("channel_not_found");
    }
    JsonObject info = new JsonObject();
    info.addProperty("id", channel);
    info.addProperty("name", channelNames.getOrDefault(channel, "study-group"));
    info.addProperty("is_channel", channel.startsWith("C"));
    info.addProperty("is_private", channel.startsWith("G"));
    info.addProperty("is_im", channel.startsWith("D"));
    info.addProperty("is_member", isMember(channel));
    if (channel.startsWith("G") && !isMember(channel)) {
      return Answer.error("channel_not_found"); // a private channel is invisible from outside
    }
    JsonObject body = new JsonObject();
    body.addProperty("ok", true);
    body.add("channel", info);
    return Answer.ok(body.toString());
  }

  /** Keeps the message, stamped with the time as Slack stamps it. */
  private Answer postMessage(Map<String, String> params) {
    long now = clock.millis();
    String stamp =
        String.format("%d.%06d", now / 1000, (now % 1000) * 1000 + ts.incrementAndGet() % 1000);
    posted.add(
        new Posted(params.get("channel"), stamp, params.get("text"), params.get("metadata")));
    return Answer.ok(
        "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + stamp + "\"}");
  }

  /**
   * A conversation's messages between {@code oldest} and {@code latest}, newest first, at most
   * {@code limit}; metadata only when {@code include_all_metadata} is asked for. Without a history
   * scope it answers {@code missing_scope}, as Slack does.
   */
  private Answer history(Map<String, String> params) {
    String channel = params.getOrDefault("channel", "");
    String needed = channel.startsWith("D") ? "im:history" : "channels:history";
    if (!List.of(scopes.split(",")).contains(needed)) {
      return Answer.ok("{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"" + needed + "\"}");
    }
    double oldest = Double.parseDouble(params.getOrDefault("oldest", "0"));
    double latest = Double.parseDouble(params.getOrDefault("latest", "1e12"));
    int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
    if (publishedLimits) {
      limit = Math.min(limit, HISTORY_MESSAGES);
    }
    boolean metadata =
        Set.of("1", "true").contains(params.getOrDefault("include_all_metadata", ""));
    List<Posted> found =
        posted.stream()
            .filter(m -> m.channel().equals(channel))
            .filter(
                m -> Double.parseDouble(m.ts()) >= oldest && Double.parseDouble(m.ts()) <= latest)
            .toList()
            .reversed();
    JsonArray messages = new JsonArray();
    for (Posted m : found.subList(0, Math.min(limit, found.size()))) {
      JsonObject message = new JsonObject();
      message.addProperty("type", "message");
      message.addProperty("ts", m.ts());
      message.addProperty("text", m.text());
      message.addProperty("bot_id", "BTEST");
      if (metadata && m.metadata() != null) {
        message.add("metadata", JsonParser.parseString(m.metadata()));
      }
      messages.add(message);
    }
    JsonObject body = new JsonObject();
    body.addProperty("ok", true);
    body.add("messages", messages);
    body.addProperty("has_more", found.size() > limit);
    return Answer.ok(body.toString());
  }

  /** The workspace of the token the call carried; the harness's single workspace otherwise. */
  private Answer authTest(String authorization) {
    String token = bearer(authorization);
    Issued known = token == null ? null : tokens.get(token);
    if (token != null && token.startsWith("xoxb-oauth-") && known == null) {
      return Answer.error("invalid_auth"); // issued once, since revoked or refreshed away
    }
    String team = known == null ? TEAM : known.team();
    String botUser = known == null ? BOT_USER : known.botUser();
    return new Answer(
        200,
        Map.of("x-oauth-scopes", scopes),
        "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Test"
            + " Team\",\"user\":\"coach\",\"team_id\":\""
            + team
            + "\",\"user_id\":\""
            + botUser
            + "\",\"bot_id\":\"BTEST\"}");
  }

  private Answer revoke(String authorization) {
    String token = bearer(authorization);
    boolean revoked = token != null && tokens.remove(token) != null;
    return Answer.ok("{\"ok\":true,\"revoked\":" + revoked + "}");
  }

  private static String bearer(String authorization) {
    return authorization != null && authorization.startsWith("Bearer ")
        ? authorization.substring("Bearer ".length())
        : null;
  }

  /** The code grant (an install) and the refresh grant (token rotation), as Slack answers them. */
  private synchronized Answer oauthV2Access(Map<String, String> params, String authorization) {
    if (clientCredentials != null && !clientCredentials.equals(authorization)) {
      return Answer.error("invalid_client");
    }
    if ("refresh_token".equals(params.get("grant_type"))) {
      String team = refreshTokens.remove(String.valueOf(params.get("refresh_token")));
      if (team == null) {
        return Answer.error("invalid_refresh_token");
      }
      return Answer.ok(
          "{\"ok\":true,\"token_type\":\"bot\",\"scope\":\"commands\""
              + tokenFields(team, BOT_USER + team)
              + ",\"team\":{\"id\":\""
              + team
              + "\"}}");
    }
    Grant grant = codes.remove(String.valueOf(params.get("code")));
    if (grant == null) {
      return Answer.error("invalid_code");
    }
    String team = grant.orgWide() ? null : grant.team();
    String botUser = BOT_USER + (team == null ? grant.enterprise() : team);
    return Answer.ok(
        "{\"ok\":true,\"app_id\":\"A0TEST\",\"token_type\":\"bot\","
            + "\"scope\":\""
            + scopes
            + "\",\"bot_user_id\":\""
            + botUser
            + "\""
            + tokenFields(team == null ? "ORG-" + grant.enterprise() : team, botUser)
            + ",\"team\":"
            + (team == null
                ? "null"
                : "{\"id\":\"" + team + "\",\"name\":\"" + grant.teamName() + "\"}")
            + ",\"enterprise\":"
            + (grant.enterprise() == null
                ? "null"
                : "{\"id\":\"" + grant.enterprise() + "\",\"name\":\"Org\"}")
            + ",\"is_enterprise_install\":"
            + grant.orgWide()
            + ",\"authed_user\":{\"id\":\""
            + grant.installer()
            + "\"}}");
  }

  /** A new bot token (and, with rotation, a refresh token and lifetime) for the workspace. */
  private String tokenFields(String team, String botUser) {
    int n = issued.incrementAndGet();
    String token = "xoxb-oauth-" + team + "-" + n;
    tokens.put(token, new Issued(team, botUser));
    String fields = ",\"access_token\":\"" + token + "\"";
    if (tokenLifetime != null) {
      String refresh = "xoxe-1-" + team + "-" + n;
      refreshTokens.put(refresh, team);
      fields +=
          ",\"refresh_token\":\"" + refresh + "\",\"expires_in\":" + tokenLifetime.toSeconds();
    }
    return fields;
  }

  private Answer usersInfo(String id) {
    User user = id == null ? null : users.get(id);
    if (user == null) {
      return Answer.error("user_not_found");
    }
    return Answer.ok(
        "{\"ok\":true,\"user\":{\"id\":\""
            + id
            + "\",\"team_id\":\""
            + TEAM
            + "\",\"name\":\""
            + user.name().toLowerCase()
            + "\",\"real_name\":\""
            + user.realName()
            + "\",\"tz\":\""
            + user.tz()
            + "\",\"is_admin\":"
            + user.admin()
            + ",\"is_owner\":"
            + user.owner()
            + ",\"profile\":{\"display_name\":\""
            + user.name()
            + "\",\"real_name\":\""
            + user.realName()
            + "\",\"status_emoji\":\""
            + statuses.getOrDefault(id, List.of("", "")).get(0)
            + "\",\"status_text\":\""
            + statuses.getOrDefault(id, List.of("", "")).get(1)
            + "\",\"status_expiration\":0}}}");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> params = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return params;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(key, value);
    }
    return params;
  }

  /** Every string in a JSON tree, for "does the message say X" checks. */
  public static List<String> texts(JsonElement element) {
    List<String> out = new ArrayList<>();
    collect(element, out);
    return out;
  }

  private static void collect(JsonElement e, List<String> out) {
    if (e == null || e.isJsonNull()) {
      return;
    }
    if (e.isJsonPrimitive()) {
      out.add(e.getAsString());
    } else if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> collect(x, out));
    } else {
      e.getAsJsonObject().entrySet().forEach(x -> collect(x.getValue(), out));
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
