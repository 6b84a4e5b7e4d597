package io.roadmapcoach.slack.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.member.Workspaces;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.slack.SlackAdapter;
import io.roadmapcoach.slack.SlackSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jooq.DSLContext;

/**
 * The real Slack adapter on a local Jetty port, the real core on the embedded PostgreSQL, and the
 * Web API pointed at a {@link FakeSlack}. Requests are sent as Slack sends them: form-encoded and
 * signed with the signing secret.
 */
public final class SlackHarness implements AutoCloseable {
  public static final String TOKEN = "xoxb-1111-2222-SECRETtokenVALUE";
  public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  public static final String CHANNEL = "C0GENERAL";
  public static final String CHANNEL_NAME = "general";

  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());
  private static final QuizBank BANK = new QuizBankLoader().load(RoadmapSource.builtIn(), ROADMAP);

  public final FakeSlack fake;
  public final TestClock clock;
  public final Core core;
  public final Workspaces workspaces;
  public final SlackAdapter adapter;
  public final DSLContext dsl;
  private final Server jetty;
  private final HttpClient http;
  private final URI events;
  private final AtomicInteger responseIds = new AtomicInteger();

  public SlackHarness(DSLContext dsl) {
    this(dsl, SlackSettings.DEFAULT_ACK_BUDGET);
  }

  public SlackHarness(DSLContext dsl, Duration ackBudget) {
    this(dsl, ackBudget, builder -> builder);
  }

  /**
   * @param configure more of the core's configuration (its dashboard's address, say)
   */
  public SlackHarness(DSLContext dsl, Duration ackBudget, UnaryOperator<Core.Builder> configure) {
    this.dsl = dsl;
    this.fake =
        new FakeSlack().invite(CHANNEL).channelName(CHANNEL, CHANNEL_NAME).knownToken(TOKEN);
    this.clock = TestClock.at(Instant.parse("2026-03-02T10:00:00Z"));
    this.core =
        configure
            .apply(Core.builder(dsl, ROADMAP, BANK).clock(clock).random(new SplittableRandom(7)))
            .build();
    this.workspaces = core.workspaces();
    SlackSettings settings =
        new SlackSettings(TOKEN, SIGNING_SECRET, Optional.empty(), fake.apiUrl())
            .withAckBudget(ackBudget);
    // the adapter checks signatures against real time, as Slack signs them; the core's time is ours
    this.adapter = new SlackAdapter(settings, core.coach(), workspaces, Clock.systemUTC());
    this.jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    jetty.setHandler(adapter.handler());
    try {
      jetty.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    this.events = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/slack/events");
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public URI eventsUri() {
    return events;
  }

  public static Roadmap roadmap() {
    return ROADMAP;
  }

  // ---- requests as Slack sends them

  /** A new response_url on the fake. */
  public String responseUrl() {
    return fake.responseUrl("r" + responseIds.incrementAndGet());
  }

  public static String slashBody(
      String userId, String channelId, String channelName, String text, String responseUrl) {
    return slashBody(FakeSlack.TEAM, userId, channelId, channelName, text, responseUrl);
  }

  /** {@code /roadmap <text>} as Slack posts it from workspace {@code teamId}. */
  public static String slashBody(
      String teamId,
      String userId,
      String channelId,
      String channelName,
      String text,
      String responseUrl) {
    return slashBody(
        teamId,
        userId,
        channelId,
        channelName,
        text,
        responseUrl,
        "13345224609.738474920.8088930838d88f008e0");
  }

  /** The same, with a {@code trigger_id} the fake handed out (one that can open a form). */
  public static String slashBody(
      String teamId,
      String userId,
      String channelId,
      String channelName,
      String text,
      String responseUrl,
      String triggerId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "legacyVerificationToken");
    form.put("team_id", teamId);
    form.put("team_domain", "testteam");
    form.put("channel_id", channelId);
    form.put("channel_name", channelName);
    form.put("user_id", userId);
    form.put("user_name", userId.toLowerCase());
    form.put("command", "/roadmap");
    form.put("text", text);
    form.put("api_app_id", "A0TEST");
    form.put("is_enterprise_install", "false");
    form.put("response_url", responseUrl);
    form.put("trigger_id", triggerId);
    return form(form);
  }

  /** {@code /roadmap <text>} from a member in #general. */
  public HttpResponse<String> command(String userId, String text) {
    return command(userId, CHANNEL, CHANNEL_NAME, text);
  }

  /** {@code /roadmap <text>} from a member in a channel, with a fresh {@code trigger_id}. */
  public HttpResponse<String> command(
      String userId, String channelId, String channelName, String text) {
    return post(
        slashBody(
            FakeSlack.TEAM, userId, channelId, channelName, text, responseUrl(), fake.trigger()));
  }

  /**
   * A {@code view_submission} of a view the adapter opened, as Slack posts it when {@code userId}
   * presses its submit button: the view as opened (its callback_id and private_metadata), its file
   * input holding the chosen files.
   */
  public static String viewSubmissionBody(
      String teamId, String userId, JsonObject opened, List<String> fileIds) {
    JsonObject view = opened.deepCopy();
    view.addProperty("id", "V0SUBMIT");
    view.addProperty("team_id", teamId);
    view.addProperty("hash", "1700000000.abcd");
    JsonObject values = new JsonObject();
    for (JsonElement block : view.getAsJsonArray("blocks")) {
      JsonObject b = block.getAsJsonObject();
      if (!b.get("type").getAsString().equals("input")) {
        continue;
      }
      JsonObject element = b.getAsJsonObject("element");
      JsonArray files = new JsonArray();
      for (String id : fileIds) {
        JsonObject file = new JsonObject();
        file.addProperty("id", id);
        file.addProperty("name", "chosen-" + id);
        files.add(file);
      }
      JsonObject value = new JsonObject();
      value.addProperty("type", element.get("type").getAsString());
      value.add("files", files);
      JsonObject action = new JsonObject();
      action.add(element.get("action_id").getAsString(), value);
      values.add(b.get("block_id").getAsString(), action);
    }
    JsonObject state = new JsonObject();
    state.add("values", values);
    view.add("state", state);
    JsonObject user = new JsonObject();
    user.addProperty("id", userId);
    user.addProperty("username", userId.toLowerCase());
    user.addProperty("name", userId.toLowerCase());
    user.addProperty("team_id", teamId);
    JsonObject team = new JsonObject();
    team.addProperty("id", teamId);
    team.addProperty("domain", "testteam");
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "view_submission");
    payload.add("team", team);
    payload.add("user", user);
    payload.addProperty("api_app_id", "A0TEST");
    payload.addProperty("token", "legacyVerificationToken");
    payload.addProperty("trigger_id", "1.2.submit");
    payload.add("view", view);
    payload.add("response_urls", new JsonArray());
    return form(Map.of("payload", payload.toString()));
  }

  /** {@code userId} submits the last form the adapter opened, with these files chosen. */
  public HttpResponse<String> submit(String userId, String... fileIds) {
    List<JsonObject> opened = fake.openedViews();
    if (opened.isEmpty()) {
      throw new AssertionError("no form was opened; calls were " + fake.methods());
    }
    return post(viewSubmissionBody(FakeSlack.TEAM, userId, opened.getLast(), List.of(fileIds)));
  }

  /** A {@code block_actions} payload for a button pressed on a message. */
  public static String blockActionsBody(
      String userId,
      String channelId,
      String actionId,
      String messageTs,
      boolean ephemeral,
      String responseUrl) {
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\""
            + userId
            + "\",\"username\":\""
            + userId.toLowerCase()
            + "\",\"name\":\""
            + userId.toLowerCase()
            + "\",\"team_id\":\""
            + FakeSlack.TEAM
            + "\"},\"api_app_id\":\"A0TEST\",\"token\":\"legacyVerificationToken\","
            + "\"container\":{\"type\":\"message\",\"message_ts\":\""
            + messageTs
            + "\",\"channel_id\":\""
            + channelId
            + "\",\"is_ephemeral\":"
            + ephemeral
            + "},\"trigger_id\":\"1.2.3\",\"team\":{\"id\":\""
            + FakeSlack.TEAM
            + "\",\"domain\":\"testteam\"},\"channel\":{\"id\":\""
            + channelId
            + "\",\"name\":\""
            + (channelId.startsWith("D") ? "directmessage" : CHANNEL_NAME)
            + "\"},\"response_url\":\""
            + responseUrl
            + "\",\"actions\":[{\"action_id\":\""
            + actionId
            + "\",\"block_id\":\"b1\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},"
            + "\"type\":\"button\",\"action_ts\":\"1700000001.000200\"}]}";
    return form(Map.of("payload", payload));
  }

  public HttpResponse<String> press(
      String userId, String channelId, String actionId, String messageTs, boolean ephemeral) {
    return post(blockActionsBody(userId, channelId, actionId, messageTs, ephemeral, responseUrl()));
  }

  /** An Events API delivery. */
  public static String eventBody(String eventId, String eventJson) {
    return eventBody(FakeSlack.TEAM, eventId, eventJson);
  }

  /** An Events API delivery from workspace {@code teamId}. */
  public static String eventBody(String teamId, String eventId, String eventJson) {
    return "{\"token\":\"legacyVerificationToken\",\"team_id\":\""
        + teamId
        + "\",\"api_app_id\":\"A0TEST\",\"event\":"
        + eventJson
        + ",\"type\":\"event_callback\",\"event_id\":\""
        + eventId
        + "\",\"event_time\":1700000000}";
  }

  public HttpResponse<String> event(String eventId, String eventJson, Integer retryNum) {
    String body = eventBody(eventId, eventJson);
    Map<String, String> headers = new LinkedHashMap<>(signed(body, now()));
    headers.put("Content-Type", "application/json");
    if (retryNum != null) {
      headers.put("X-Slack-Retry-Num", retryNum.toString());
      headers.put("X-Slack-Retry-Reason", "http_timeout");
    }
    return send(body, headers);
  }

  public HttpResponse<String> post(String formBody) {
    Map<String, String> headers = new LinkedHashMap<>(signed(formBody, now()));
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    return send(formBody, headers);
  }

  public static long now() {
    return System.currentTimeMillis() / 1000;
  }

  /** Slack's signature headers for a body sent at {@code epochSeconds}. */
  public static Map<String, String> signed(String body, long epochSeconds) {
    String ts = String.valueOf(epochSeconds);
    return Map.of(
        SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP,
        ts,
        SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
        new SlackSignature.Generator(SIGNING_SECRET).generate(ts, body));
  }

  public HttpResponse<String> send(String body, Map<String, String> headers) {
    return post(http, events, body, headers);
  }

  /** POSTs {@code body} with {@code headers} and waits up to 10 s for the answer. */
  static HttpResponse<String> post(
      HttpClient http, URI url, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String form(Map<String, String> fields) {
    StringBuilder out = new StringBuilder();
    fields.forEach(
        (k, v) -> {
          if (!out.isEmpty()) {
            out.append('&');
          }
          out.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return out.toString();
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      // best effort
    }
    adapter.close();
    fake.close();
  }
}
