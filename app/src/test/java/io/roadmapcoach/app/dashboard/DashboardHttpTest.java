package io.roadmapcoach.app.dashboard;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.DASHBOARD_LINK;
import static io.roadmapcoach.db.schema.Tables.DASHBOARD_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.app.http.HttpServer;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.dashboard.DashboardAddress;
import io.roadmapcoach.core.dashboard.DashboardFixture;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard over HTTP, as the server mode serves it: every refusal, and what a lead sees. */
@ExtendWith(PostgresExtension.class)
class DashboardHttpTest {
  private final CoachFixture f = CoachFixture.builtIn();
  private final HttpClient client = HttpClient.newHttpClient(); // follows no redirects
  private final Caller ana = f.caller("ana"); // first in #general: its lead
  private final Caller bob = f.caller("bob");
  private final AtomicReference<String> publicUrl = new AtomicReference<>();
  private final DashboardAddress address = () -> Optional.ofNullable(publicUrl.get());
  private final DashboardFixture d = new DashboardFixture(f, address);
  private HttpServer server;
  private String local;

  /** Serves the dashboard; {@code publicBase} stands for PUBLIC_URL, the local address if null. */
  private void serve(String publicBase, DashboardAddress handlerAddress) throws Exception {
    server = new HttpServer(Optional.of("127.0.0.1"), 0, Optional.empty(), Optional.empty());
    server.route("/dashboard/*", new DashboardHandler(d.service(), f.coach(), handlerAddress));
    server.start();
    local = "http://127.0.0.1:" + server.port();
    publicUrl.set(publicBase == null ? local : publicBase);
  }

  private void serve() throws Exception {
    serve(null, address);
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return get(path, null);
  }

  private HttpResponse<String> post(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(local + path)).POST(HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The path of a fresh link for the lead. */
  private String linkPath(Caller lead) {
    return DashboardFixture.linkIn(d.link(lead)).getPath();
  }

  /** Signs the lead in; returns the cookie to send back. */
  private String signIn(Caller lead) throws Exception {
    HttpResponse<String> signedIn = post(linkPath(lead));
    assertThat(signedIn.statusCode()).isEqualTo(303);
    String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private String page(String channel) {
    return "/dashboard/c/" + f.channelId(channel);
  }

  private static void assertGuarded(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'none'")
                    .doesNotContain("script-src")
                    .doesNotContain("unsafe-eval"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  void openingTheLinkShowsAnOpenDashboardButtonAndSpendsNothing() throws Exception {
    serve();
    f.say(ana, "start");
    String link = linkPath(ana);

    HttpResponse<String> first = get(link);
    HttpResponse<String> preview = get(link); // a chat client's unfurl, then the lead

    for (HttpResponse<String> page : java.util.List.of(first, preview)) {
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("<form method=\"post\" action=\"" + link + "\">")
          .contains("Open dashboard");
      assertGuarded(page);
    }
    assertThat(f.dsl().fetchSingle(DASHBOARD_LINK).getUsedAt()).isNull();
  }

  @Test
  void pressingOpenDashboardSignsInWithAStrictCookieAndShowsTheChannel() throws Exception {
    serve();
    f.say(ana, "start");
    f.say(bob, "start");

    HttpResponse<String> signedIn = post(linkPath(ana));

    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(signedIn.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith(page("general")));
    String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith(DashboardHandler.COOKIE + "=")
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Lax")
        .contains("Path=/dashboard")
        .contains("Max-Age=43200")
        .doesNotContainIgnoringCase("Secure"); // plain http here
    HttpResponse<String> page = get(page("general"), cookie.substring(0, cookie.indexOf(';')));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("#general", "members-table", "<svg", ">bob<");
    assertGuarded(page);
  }

  @Test
  void aChannelThatRefusesTheBotsPostsSaysSoOnItsPage() throws Exception {
    serve();
    f.say(ana, "start");
    String cookie = signIn(ana);
    assertThat(get(page("general"), cookie).body()).contains("Posting here: can post.");

    // the platform refused a post there (Slack not_in_channel, Discord 50001)
    f.dsl().update(CHANNEL).set(CHANNEL.DELIVERABLE, false).execute();

    assertThat(get(page("general"), cookie).body())
        .contains("Posting here: refused.")
        .contains("reminders by direct message meanwhile")
        .contains("/roadmap settings");
  }

  @Test
  void theChannelPageNamesTheRoadmapTheChannelFollows() throws Exception {
    serve();
    f.say(ana, "start");

    String cookie = post(linkPath(ana)).headers().firstValue("Set-Cookie").orElseThrow();
    HttpResponse<String> page = get(page("general"), cookie.substring(0, cookie.indexOf(';')));

    assertThat(page.body()).contains("<p>Roadmap: Machine Learning Engineer</p>");
  }

  @Test
  void overHttpsTheSessionCookieIsSecure() throws Exception {
    serve("https://coach.example.org", address);
    f.say(ana, "start");

    HttpResponse<String> signedIn = post(linkPath(ana).replace("https://coach.example.org", ""));

    assertThat(signedIn.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(c -> assertThat(c).containsIgnoringCase("Secure"));
  }

  @Test
  void aUsedLinkSaysSoAndHowToGetANewOne() throws Exception {
    serve();
    f.say(ana, "start");
    String link = linkPath(ana);
    post(link);

    HttpResponse<String> again = post(link);
    HttpResponse<String> looked = get(link);

    for (HttpResponse<String> refused : java.util.List.of(again, looked)) {
      assertThat(refused.statusCode()).isEqualTo(410);
      assertThat(refused.body()).contains("already been used", "/roadmap dashboard");
      assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
      assertGuarded(refused);
    }
  }

  @Test
  void anExpiredLinkSaysSoAndHowToGetANewOne() throws Exception {
    serve();
    f.say(ana, "start");
    String link = linkPath(ana);
    f.after(Duration.ofMinutes(15));

    HttpResponse<String> looked = get(link);
    HttpResponse<String> pressed = post(link);

    for (HttpResponse<String> refused : java.util.List.of(looked, pressed)) {
      assertThat(refused.statusCode()).isEqualTo(410);
      assertThat(refused.body()).contains("expired", "/roadmap dashboard");
      assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    }
  }

  @Test
  void aMadeUpLinkIsNotFound() throws Exception {
    serve();

    HttpResponse<String> made = get("/dashboard/link/" + "A".repeat(43));

    assertThat(made.statusCode()).isEqualTo(404);
    assertThat(made.body()).contains("not valid", "/roadmap dashboard");
  }

  @Test
  void aFormOnAnotherSiteCannotSpendTheLink() throws Exception {
    serve();
    f.say(ana, "start");
    String link = linkPath(ana);

    HttpResponse<String> forged = post(link, "Origin", "https://evil.example");
    HttpResponse<String> crossSite = post(link, "Sec-Fetch-Site", "cross-site");

    for (HttpResponse<String> refused : java.util.List.of(forged, crossSite)) {
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    }
    assertThat(get(link).statusCode()).isEqualTo(200); // still unspent
  }

  @Test
  void anotherChannelsPageIsNotFound() throws Exception {
    serve();
    f.say(ana, "start");
    f.say(f.in("design").caller("bea"), "start"); // leads #design
    String anas = signIn(ana);

    HttpResponse<String> other = get(page("design"), anas);
    HttpResponse<String> otherCsv = get(page("design") + "/members.csv", anas);
    HttpResponse<String> nowhere = get("/dashboard/c/999999", anas);

    for (HttpResponse<String> refused : java.util.List.of(other, otherCsv, nowhere)) {
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(refused.body()).doesNotContain("bea");
      assertGuarded(refused);
    }
    assertThat(get(page("general"), anas).body()).doesNotContain("#design");
  }

  @Test
  void withoutASessionNoPageIsShown() throws Exception {
    serve();
    f.say(ana, "start");

    for (String path :
        new String[] {"/dashboard", page("general"), page("general") + "/members.csv"}) {
      HttpResponse<String> bare = get(path);
      HttpResponse<String> forged = get(path, DashboardHandler.COOKIE + "=" + "B".repeat(43));
      for (HttpResponse<String> refused : java.util.List.of(bare, forged)) {
        assertThat(refused.statusCode()).as(path).isEqualTo(401);
        assertThat(refused.body()).contains("not signed in", "/roadmap dashboard");
        assertThat(refused.body()).doesNotContain("ana");
      }
    }
  }

  @Test
  void aSessionEndsAfterTwelveHours() throws Exception {
    serve();
    f.say(ana, "start");
    String cookie = signIn(ana);
    f.after(Duration.ofHours(12));

    assertThat(get(page("general"), cookie).statusCode()).isEqualTo(401);
  }

  @Test
  void aMemberWhoIsNotALeadGetsNoLink() throws Exception {
    serve();
    f.say(ana, "start");
    f.say(bob, "start");

    var reply = d.link(bob);

    assertThat(reply.plainText()).contains("Only leads of #general").doesNotContain(local);
    assertThat(f.dsl().fetchCount(DASHBOARD_LINK)).isZero();
  }

  @Test
  void namesFromChatAreShownAsText() throws Exception {
    serve();
    f.say(ana, "start");
    f.say(f.member("mallory", "<script>alert(1)</script>", Optional.empty(), false), "start");
    String cookie = signIn(ana);

    String body = get(page("general"), cookie).body();

    assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script");
  }

  @Test
  void readingPagesChangesNothing() throws Exception {
    serve();
    f.say(ana, "start");
    f.say(bob, "start");
    String cookie = signIn(ana);
    String unspent = linkPath(ana);
    TableSnapshot before = f.snapshot();

    get(page("general"), cookie);
    get(page("general") + "?sort=points&dir=desc", cookie);
    get(page("general") + "/members.csv", cookie);
    get("/dashboard", cookie);
    get(unspent);

    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void pagesAnswerOnlyReadingMethods() throws Exception {
    serve();
    f.say(ana, "start");
    String cookie = signIn(ana);

    HttpResponse<String> post =
        client.send(
            HttpRequest.newBuilder(URI.create(local + page("general")))
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void theCsvDownloadIsTheTeamCsv() throws Exception {
    serve();
    f.say(ana, "start");
    f.say(bob, "start");
    String cookie = signIn(ana);

    HttpResponse<String> csv = get(page("general") + "/members.csv", cookie);

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"team-general.csv\"");
    assertThat(csv.body()).isEqualTo(f.say(ana, "team csv").attachment().orElseThrow().content());
  }

  @Test
  void theHomeAddressOpensTheChannelTheLinkWasAskedIn() throws Exception {
    serve();
    f.say(ana, "start");
    String cookie = signIn(ana);

    HttpResponse<String> home = get("/dashboard", cookie);

    assertThat(home.statusCode()).isEqualTo(303);
    assertThat(home.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith(page("general")));
  }

  // ---- sessions follow roles (issue 25)

  @Test
  void anAdminsSessionIsRefusedEveryPageOnceThePlatformSaysTheyAreNoLongerAdmin() throws Exception {
    serve();
    f.say(ana, "start");
    String boss = signIn(f.admin("boss"));
    assertThat(get(page("general"), boss).statusCode()).isEqualTo(200);

    f.say(f.member("boss", "boss", Optional.empty(), false), "status"); // Slack: is_admin=false

    for (String path : new String[] {page("general"), page("general") + "/members.csv"}) {
      HttpResponse<String> refused = get(path, boss);
      assertThat(refused.statusCode()).as(path).isEqualTo(404);
      assertThat(refused.body()).doesNotContain("ana");
    }
    assertThat(get("/dashboard", boss).body()).contains("You lead no channels now");
  }

  @Test
  void aSessionOnAdminRightsAloneGetsAnHourLongCookie() throws Exception {
    serve();
    f.say(ana, "start");

    HttpResponse<String> signedIn = post(linkPath(f.admin("boss")));

    assertThat(signedIn.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(c -> assertThat(c).contains("Max-Age=3600"));
  }

  @Test
  void signingOutEndsTheSessionAndForgetsTheCookie() throws Exception {
    serve();
    f.say(ana, "start");
    String cookie = signIn(ana);
    assertThat(get(page("general"), cookie).body())
        .contains("<form class=\"signout\" method=\"post\" action=\"/dashboard/sign-out\">");

    HttpResponse<String> out = post("/dashboard/sign-out", "Cookie", cookie);

    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(out.body()).contains("You are signed out", "/roadmap dashboard");
    assertThat(out.headers().firstValue("Set-Cookie"))
        .hasValueSatisfying(
            c ->
                assertThat(c)
                    .startsWith(DashboardHandler.COOKIE + "=;")
                    .contains("Expires=Thu, 01 Jan 1970"));
    assertGuarded(out);
    assertThat(get(page("general"), cookie).statusCode()).isEqualTo(401);
    assertThat(f.dsl().fetchCount(DASHBOARD_SESSION)).isZero();
  }

  @Test
  void anotherSitesFormCannotSignALeadOut() throws Exception {
    serve();
    f.say(ana, "start");
    String cookie = signIn(ana);

    HttpResponse<String> forged =
        post("/dashboard/sign-out", "Cookie", cookie, "Origin", "https://evil.example");
    HttpResponse<String> crossSite =
        post("/dashboard/sign-out", "Cookie", cookie, "Sec-Fetch-Site", "cross-site");

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(get(page("general"), cookie).statusCode()).isEqualTo(200);
    assertThat(get("/dashboard/sign-out", cookie).statusCode()).isEqualTo(405);
  }

  @Test
  void aNewLinkEndsTheOlderSessions() throws Exception {
    serve();
    f.say(ana, "start");
    String first = signIn(ana);

    String second = signIn(ana);

    assertThat(get(page("general"), first).statusCode()).isEqualTo(401);
    assertThat(get(page("general"), second).statusCode()).isEqualTo(200);
  }

  @Test
  void forgetMeEndsTheSessions() throws Exception {
    serve();
    f.say(ana, "start");
    f.say(bob, "start");
    f.say(ana, "lead @bob");
    String cookie = signIn(ana);

    f.press(ana, f.say(ana, "forget-me").buttons().getFirst().actionId());

    assertThat(get(page("general"), cookie).statusCode()).isEqualTo(401);
  }

  @Test
  void aMalformedEncodingInTheAddressIsA400NotAnError() throws Exception {
    serve();
    f.say(ana, "start");
    String cookie = signIn(ana);

    HttpResponse<String> sorted = get(page("general") + "?sort=%ff", cookie);
    HttpResponse<String> unsigned = get(page("general") + "?sort=%ff");

    for (HttpResponse<String> refused : java.util.List.of(sorted, unsigned)) {
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("could not be read").doesNotContain("ana");
      assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
    }
    assertThat(get(page("general") + "?sort=points&dir=desc", cookie).statusCode()).isEqualTo(200);
  }

  // ---- no unauthenticated route writes a row (issue 25)

  @Test
  void noRequestWithoutASessionWritesARowWhateverItsMethodPathOrQuery() throws Exception {
    serve();
    f.say(ana, "start");
    f.say(bob, "start");
    String unspent = linkPath(ana);
    Caller bea = f.in("design").caller("bea");
    f.say(bea, "start");
    String otherLead = signIn(bea); // signed in, but to another channel only
    String made = "/dashboard/link/" + "A".repeat(43);
    TableSnapshot before = f.snapshot();

    for (String path :
        new String[] {
          "/dashboard",
          "/dashboard/",
          page("general"),
          page("general") + "?sort=%ff&dir=%e2%28",
          page("general") + "/members.csv",
          "/dashboard/c/999999",
          "/dashboard/sign-out",
          "/dashboard/nowhere",
          made,
          "/dashboard/link/..%2F..%2Fetc",
          unspent + "?x=%ff"
        }) {
      for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "DELETE"}) {
        for (String cookie :
            new String[] {null, DashboardHandler.COOKIE + "=" + "B".repeat(43), otherLead}) {
          if (path.equals(unspent) || (path.startsWith(unspent) && "POST".equals(method))) {
            continue; // pressing the button of an unspent link is signing in
          }
          if (path.endsWith("/sign-out") && otherLead.equals(cookie)) {
            continue; // a real session's sign-out ends it
          }
          send(method, path, cookie);
        }
      }
    }

    assertThat(f.snapshot()).isEqualTo(before);
  }

  private void send(String method, String path, String cookie) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(local + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    client.send(request.build(), HttpResponse.BodyHandlers.discarding());
  }

  @Test
  void withoutAPublicAddressTheServerSaysTheDashboardIsNotConfigured() throws Exception {
    serve(null, DashboardAddress.none());

    HttpResponse<String> page = get("/dashboard/link/" + "A".repeat(43));

    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(page.body()).contains("not configured", "PUBLIC_URL");
    assertGuarded(page);
  }
}
