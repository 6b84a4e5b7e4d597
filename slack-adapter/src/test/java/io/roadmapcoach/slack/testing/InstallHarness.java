package io.roadmapcoach.slack.testing;

import io.roadmapcoach.core.Core;
import io.roadmapcoach.core.quiz.QuizBank;
import io.roadmapcoach.core.quiz.QuizBankLoader;
import io.roadmapcoach.core.roadmap.Roadmap;
import io.roadmapcoach.core.roadmap.RoadmapLoader;
import io.roadmapcoach.core.roadmap.RoadmapSource;
import io.roadmapcoach.core.testing.TestClock;
import io.roadmapcoach.slack.SlackAdapter;
import io.roadmapcoach.slack.SlackInstallSettings;
import io.roadmapcoach.slack.install.OAuthInstall;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jooq.DSLContext;

/**
 * Slack for many workspaces, end to end: the real adapter in install mode on a local Jetty port
 * (events and the install pages), the real core on the embedded PostgreSQL with its own clock, and
 * a {@link FakeSlack} that approves installs and exchanges codes and refresh tokens. A browser is
 * played by hand: the install page's state and cookie are carried to the redirect as a browser
 * would carry them.
 */
public final class InstallHarness implements AutoCloseable {
  public static final String CLIENT_ID = "1111.2222";
  public static final String CLIENT_SECRET = "client-secret-VALUE-3333";
  public static final String SECRET_KEY = "a-test-secret-key-of-forty-chars-0123456";
  public static final String PUBLIC_URL = "https://coach.example.org";

  private static final Roadmap ROADMAP = new RoadmapLoader().load(RoadmapSource.builtIn());
  private static final QuizBank BANK = new QuizBankLoader().load(RoadmapSource.builtIn(), ROADMAP);
  private static final Pattern STATE = Pattern.compile("[?&;]state=([A-Za-z0-9_-]+)");

  public final FakeSlack fake;
  public final TestClock clock;
  public final Core core;
  public final SlackAdapter adapter;
  public final DSLContext dsl;
  private final Server jetty;
  private final HttpClient http;
  private final URI base;
  private final AtomicInteger codes = new AtomicInteger();
  private final AtomicInteger responseIds = new AtomicInteger();

  /**
   * @param rotation token lifetime when token rotation is on; empty for tokens that never expire
   */
  public InstallHarness(DSLContext dsl, Optional<Duration> rotation) {
    this.dsl = dsl;
    this.fake = new FakeSlack().app(CLIENT_ID, CLIENT_SECRET);
    rotation.ifPresent(fake::rotateTokens);
    // Monday evening: members who start now are due their first nudge on Tuesday morning
    this.clock = TestClock.at(Instant.parse("2026-03-02T22:00:00Z"));
    this.core =
        Core.builder(dsl, ROADMAP, BANK)
            .clock(clock)
            .random(new SplittableRandom(7))
            .secretKey(SECRET_KEY)
            .deliverInline(true)
            .build();
    SlackInstallSettings settings =
        new SlackInstallSettings(
            CLIENT_ID,
            CLIENT_SECRET,
            SlackHarness.SIGNING_SECRET,
            fake.apiUrl(),
            Optional.of(PUBLIC_URL));
    // signatures are checked against real time, as Slack signs them; the core's time is ours
    this.adapter =
        SlackAdapter.forInstalls(
            settings, core.coach(), core.workspaces(), core.installations(), Clock.systemUTC());
    core.deliveries().register(adapter.messenger());
    this.jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    jetty.setHandler(new Handler.Sequence(adapter.handler(), adapter.installPages().orElseThrow()));
    try {
      jetty.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    this.base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  // ---- the install flow, as a browser walks it

  /** What the install page handed the browser: the state in its link, and its cookie. */
  public record Started(HttpResponse<String> page, String state, String cookie) {}

  public HttpResponse<String> get(String pathAndQuery, Optional<String> cookie) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET();
    cookie.ifPresent(c -> request.header("Cookie", c));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The address of a page of the app, for a browser. */
  public String url(String pathAndQuery) {
    return base.resolve(pathAndQuery).toString();
  }

  /** Opens {@code /slack/install}. */
  public Started start() {
    HttpResponse<String> page = get(OAuthInstall.INSTALL_PATH, Optional.empty());
    Matcher state = STATE.matcher(page.body());
    if (!state.find()) {
      throw new AssertionError("no state in the install page: " + page.body());
    }
    String cookie =
        page.headers()
            .firstValue("Set-Cookie")
            .map(c -> c.substring(0, c.indexOf(';')))
            .orElseThrow(() -> new AssertionError("the install page set no cookie"));
    return new Started(page, state.group(1), cookie);
  }

  /** Slack sending the browser back to {@code /slack/oauth_redirect} with this query. */
  public HttpResponse<String> redirect(String query, Optional<String> cookie) {
    return get(OAuthInstall.REDIRECT_PATH + "?" + query, cookie);
  }

  /** A fresh authorisation code. */
  public String newCode() {
    return "code-" + codes.incrementAndGet();
  }

  /** An admin of {@code team} installs the app through the real pages; returns the last page. */
  public HttpResponse<String> install(String team, String teamName, String installer) {
    Started started = start();
    String code = newCode();
    fake.approve(code, team, teamName, installer);
    return redirect("code=" + code + "&state=" + started.state(), Optional.of(started.cookie()));
  }

  /** The newest bot token the fake issued to the workspace. */
  public String tokenOf(String team) {
    var tokens = fake.tokensOf(team);
    if (tokens.isEmpty()) {
      throw new AssertionError("no token was issued to " + team);
    }
    return tokens.getLast();
  }

  // ---- requests from Slack, signed

  public String responseUrl() {
    return fake.responseUrl("r" + responseIds.incrementAndGet());
  }

  /** {@code /roadmap <text>} from {@code user} of {@code team}, in its #general. */
  public HttpResponse<String> command(String team, String user, String text) {
    return post(
        SlackHarness.slashBody(
            team, user, "C-" + team, "general", text, responseUrl(), fake.trigger()),
        "application/x-www-form-urlencoded");
  }

  /** {@code user} of {@code team} submits the last form the adapter opened, with these files. */
  public HttpResponse<String> submit(String team, String user, String... fileIds) {
    return post(
        SlackHarness.viewSubmissionBody(
            team, user, fake.openedViews().getLast(), java.util.List.of(fileIds)),
        "application/x-www-form-urlencoded");
  }

  public HttpResponse<String> event(String team, String eventId, String eventJson) {
    return post(SlackHarness.eventBody(team, eventId, eventJson), "application/json");
  }

  private HttpResponse<String> post(String body, String type) {
    Map<String, String> headers =
        new LinkedHashMap<>(SlackHarness.signed(body, SlackHarness.now()));
    headers.put("Content-Type", type);
    return SlackHarness.post(http, base.resolve("/slack/events"), body, headers);
  }

  // ---- time

  /** Stands the core's clock at the instant and runs that minute's routines and deliveries. */
  public void tick(String isoInstant) {
    clock.set(isoInstant);
    core.tick(clock.instant());
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      // best effort
    }
    adapter.close();
    core.close();
    fake.close();
  }
}
