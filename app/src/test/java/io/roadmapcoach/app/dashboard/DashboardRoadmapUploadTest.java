package io.roadmapcoach.app.dashboard;

import static io.roadmapcoach.db.schema.Tables.CHANNEL;
import static io.roadmapcoach.db.schema.Tables.ROADMAP;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.app.http.HttpServer;
import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.caller.Upload;
import io.roadmapcoach.core.curriculum.TestRoadmaps;
import io.roadmapcoach.core.dashboard.DashboardAddress;
import io.roadmapcoach.core.dashboard.DashboardFixture;
import io.roadmapcoach.core.journey.RoadmapLibrary;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.TableSnapshot;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's roadmap upload form over HTTP: a lead's file goes to the coach as their {@code
 * roadmap upload}, its preview's Apply as their press; every refusal changes nothing.
 */
@ExtendWith(PostgresExtension.class)
class DashboardRoadmapUploadTest {
  private static final String BOUNDARY = "----roadmapcoachtest7MA4YWxkTrZu0gW";
  private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
  private static final Pattern PREVIEW = Pattern.compile("name=\"preview\" value=\"(\\d+)\"");

  private final CoachFixture f = CoachFixture.builtIn();
  private final HttpClient client = HttpClient.newHttpClient();
  private final Caller ana = f.caller("ana"); // first in #general: its lead
  private final Caller bobInWeb = f.in("web").caller("bob"); // first in #web: its lead only
  private final AtomicReference<String> publicUrl = new AtomicReference<>();
  private final DashboardAddress address = () -> Optional.ofNullable(publicUrl.get());
  private final DashboardFixture d = new DashboardFixture(f, address);
  private HttpServer server;
  private String local;

  @BeforeEach
  void serve() throws Exception {
    server = new HttpServer(Optional.of("127.0.0.1"), 0, Optional.empty(), Optional.empty());
    server.route("/dashboard/*", new DashboardHandler(d.service(), f.coach(), address));
    server.start();
    local = "http://127.0.0.1:" + server.port();
    publicUrl.set(local);
    f.say(ana, "start");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  // ---- a browser's requests

  /** A signed-in browser: its cookie and the token its channel page carries. */
  private record Browser(String cookie, String token) {}

  private Browser signIn(Caller lead) throws Exception {
    String link = DashboardFixture.linkIn(d.link(lead)).getPath();
    HttpResponse<String> signedIn =
        client.send(
            HttpRequest.newBuilder(URI.create(local + link))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    String page = get(signedIn.headers().firstValue("Location").orElseThrow(), cookie).body();
    return new Browser(cookie, find(TOKEN, page));
  }

  private HttpResponse<String> get(String location, String cookie) throws Exception {
    URI uri = URI.create(local).resolve(location);
    return client.send(
        HttpRequest.newBuilder(uri).header("Cookie", cookie).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String find(Pattern pattern, String page) {
    Matcher m = pattern.matcher(page);
    assertThat(m.find()).as("%s in %s", pattern, page).isTrue();
    return m.group(1);
  }

  private String uploadPath(String channel) {
    return "/dashboard/c/" + f.channelId(channel) + "/roadmap";
  }

  /** The form's body as a browser sends it: the token (when given), then the file. */
  private static byte[] form(String token, String fileName, byte[] file) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (token != null) {
      body.writeBytes(
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n"
                  + token
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/x-yaml\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private HttpResponse<String> upload(String channel, String cookie, byte[] body, String... headers)
      throws Exception {
    List<String> all = new ArrayList<>(List.of(headers));
    all.addAll(
        List.of("Cookie", cookie, "Content-Type", "multipart/form-data; boundary=" + BOUNDARY));
    return client.send(
        HttpRequest.newBuilder(URI.create(local + uploadPath(channel)))
            .headers(all.toArray(String[]::new))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> uploadYaml(Browser browser, String fileName, String yaml)
      throws Exception {
    return upload(
        "general",
        browser.cookie(),
        form(browser.token(), fileName, yaml.getBytes(StandardCharsets.UTF_8)),
        "Sec-Fetch-Site",
        "same-origin");
  }

  /** The web roadmap posted from our own page with this cookie and token. */
  private HttpResponse<String> uploadWebTo(String channel, String cookie, String token)
      throws Exception {
    return upload(
        channel,
        cookie,
        form(token, "web.yaml", TestRoadmaps.webV1().getBytes(StandardCharsets.UTF_8)),
        "Sec-Fetch-Site",
        "same-origin");
  }

  private HttpResponse<String> apply(
      String channel, String cookie, String token, String preview, String... headers)
      throws Exception {
    String fields =
        (token == null ? "" : "token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8))
            + "&preview="
            + preview;
    List<String> all = new ArrayList<>(List.of(headers));
    all.addAll(List.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"));
    return client.send(
        HttpRequest.newBuilder(URI.create(local + uploadPath(channel) + "/apply"))
            .headers(all.toArray(String[]::new))
            .POST(HttpRequest.BodyPublishers.ofString(fields))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long generalRoadmap() {
    return f.dsl()
        .select(CHANNEL.ROADMAP_ID)
        .from(CHANNEL)
        .where(CHANNEL.ID.eq(f.channelId("general")))
        .fetchSingle(CHANNEL.ROADMAP_ID);
  }

  private int workspaceRoadmaps() {
    return f.dsl().fetchCount(ROADMAP, ROADMAP.WORKSPACE_ID.isNotNull());
  }

  // ---- what a lead sees and does

  @Test
  void theChannelPageNamesItsRoadmapsVersionAndCarriesAnUploadFormWithoutScript() throws Exception {
    Browser browser = signIn(ana);

    String page = get("/dashboard/c/" + f.channelId("general"), browser.cookie()).body();

    assertThat(page)
        .contains("<p>Roadmap: Machine Learning Engineer</p>")
        .contains("id=\"roadmap-version\"")
        .contains("version 1, the roadmap this deployment runs")
        .contains(
            "<form method=\"post\" enctype=\"multipart/form-data\" action=\""
                + uploadPath("general")
                + "\">")
        .contains("<input type=\"hidden\" name=\"token\" value=\"" + browser.token() + "\">")
        .contains("type=\"file\" name=\"file\"")
        .doesNotContain("<script");
  }

  @Test
  void aValidFileShowsItsPreviewAndOnlyApplyPutsTheChannelOnIt() throws Exception {
    Browser browser = signIn(ana);

    HttpResponse<String> preview = uploadYaml(browser, "web.yaml", TestRoadmaps.webV1());

    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("Preview: Web development (web-dev), new")
        .contains("1. The basics: 3 objectives, 10 questions, 3 resources")
        .contains("Nothing changes until you press Apply")
        .contains("action=\"" + uploadPath("general") + "/apply\"")
        .contains("<button class=\"button\" type=\"submit\">Apply</button>")
        .doesNotContain("<script");
    assertThat(generalRoadmap()).isEqualTo(RoadmapLibrary.DEPLOYMENT);
    assertThat(workspaceRoadmaps()).isZero();

    HttpResponse<String> applied =
        apply(
            "general",
            browser.cookie(),
            browser.token(),
            find(PREVIEW, preview.body()),
            "Sec-Fetch-Site",
            "same-origin");

    assertThat(applied.statusCode()).isEqualTo(200);
    assertThat(applied.body()).contains("Web development is stored, and #general now follows it");
    assertThat(generalRoadmap()).isNotEqualTo(RoadmapLibrary.DEPLOYMENT);
    assertThat(get("/dashboard/c/" + f.channelId("general"), browser.cookie()).body())
        .contains("<p>Roadmap: Web development</p>")
        .contains("Id <code>web-dev</code>, version 1, chosen by ana on");
  }

  @Test
  void aNewVersionsPreviewListsWhatChanges() throws Exception {
    Browser browser = signIn(ana);
    HttpResponse<String> first = uploadYaml(browser, "web.yaml", TestRoadmaps.webV1());
    apply("general", browser.cookie(), browser.token(), find(PREVIEW, first.body()));
    String v2 =
        TestRoadmaps.file(
            "web-dev",
            "Web development",
            List.of(
                new TestRoadmaps.Goal("html-page", "Write an HTML page by hand."),
                new TestRoadmaps.Goal("forms", "Build a form that posts and validates.")));

    HttpResponse<String> second = uploadYaml(browser, "web.yaml", v2);

    assertThat(second.body()).contains("version 2 of web-dev").contains("<ul><li>");
    assertThat(second.body()).containsIgnoringCase("css-layout");
  }

  // ---- refusals: each changes nothing

  @Test
  void aCrossSitePostIsRefused() throws Exception {
    Browser browser = signIn(ana);
    byte[] withToken = form(browser.token(), "web.yaml", TestRoadmaps.webV1().getBytes());
    TableSnapshot before = f.snapshot();

    List<HttpResponse<String>> refused =
        List.of(
            upload(
                "general",
                browser.cookie(),
                form(null, "web.yaml", TestRoadmaps.webV1().getBytes())),
            upload(
                "general",
                browser.cookie(),
                form("not-the-token", "web.yaml", TestRoadmaps.webV1().getBytes())),
            upload("general", browser.cookie(), withToken, "Origin", "https://evil.example.org"),
            upload("general", browser.cookie(), withToken, "Sec-Fetch-Site", "cross-site"),
            apply("general", browser.cookie(), null, "1"),
            apply(
                "general", browser.cookie(), browser.token(), "1", "Sec-Fetch-Site", "same-site"));

    assertThat(refused).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(403));
    assertThat(refused.getFirst().body()).contains("Nothing was changed");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void aViewerWhoDoesNotLeadTheChannelIsRefused() throws Exception {
    f.in("web").say(bobInWeb, "start");
    Browser bob = signIn(bobInWeb); // leads #web, not #general
    TableSnapshot before = f.snapshot();

    HttpResponse<String> refused = uploadWebTo("general", bob.cookie(), bob.token());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Only a lead of the channel");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void aBodyThatSaysItIsTooLargeIsRefusedBeforeItIsRead() throws Exception {
    Browser browser = signIn(ana);
    TableSnapshot before = f.snapshot();
    long declared = 3L * 1024 * 1024;

    // the headers and a first few bytes only: the answer comes without the rest
    String status;
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + uploadPath("general")
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: "
                  + browser.cookie()
                  + "\r\nSec-Fetch-Site: same-origin\r\nContent-Type: multipart/form-data;"
                  + " boundary="
                  + BOUNDARY
                  + "\r\nContent-Length: "
                  + declared
                  + "\r\n\r\n--"
                  + BOUNDARY
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      status = answerOf(socket.getInputStream());
    }

    assertThat(status).startsWith("HTTP/1.1 413").contains("may be 512 KB at most");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  /** An HTTP answer read up to the end of its page. */
  private static String answerOf(InputStream in) throws java.io.IOException {
    StringBuilder answer = new StringBuilder();
    byte[] buffer = new byte[4096];
    int read;
    while (!answer.toString().contains("</html>") && (read = in.read(buffer)) > 0) {
      answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
    }
    return answer.toString();
  }

  @Test
  void aLargerBodyWithoutItsLengthIsRefusedOncePastTheLimit() throws Exception {
    Browser browser = signIn(ana);
    TableSnapshot before = f.snapshot();
    byte[] big = form(browser.token(), "big.yaml", new byte[UploadForm.MAX_BODY]);

    HttpResponse<String> refused =
        client.send(
            HttpRequest.newBuilder(URI.create(local + uploadPath("general")))
                .headers(
                    "Cookie",
                    browser.cookie(),
                    "Sec-Fetch-Site",
                    "same-origin",
                    "Content-Type",
                    "multipart/form-data; boundary=" + BOUNDARY)
                // a stream of unknown length goes chunked, without Content-Length
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void aFileJustOverTheRoadmapLimitIsAnsweredByTheCoreWithItsSize() throws Exception {
    Browser browser = signIn(ana);
    TableSnapshot before = f.snapshot();

    HttpResponse<String> refused =
        upload(
            "general",
            browser.cookie(),
            form(browser.token(), "big.yaml", new byte[Upload.MAX_READ + 10]),
            "Sec-Fetch-Site",
            "same-origin");

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("is larger than 512 KB").contains("Nothing was changed");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void anAliasBombShowsItsProblemsByLineAndStoresNothing() throws Exception {
    Browser browser = signIn(ana);
    TableSnapshot before = f.snapshot();
    String bomb =
        "id: bomb\n"
            + "title: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + "summary: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "stages: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";

    HttpResponse<String> problems = uploadYaml(browser, "bomb.yaml", bomb);

    assertThat(problems.statusCode()).isEqualTo(200);
    assertThat(problems.body())
        .contains("I can&#39;t use bomb.yaml")
        .contains("<li>line 2")
        .contains("<li>line 3")
        .doesNotContain("name=\"preview\"");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void aQuizBankPathShowsItsProblemAndStoresNothing() throws Exception {
    Browser browser = signIn(ana);
    TableSnapshot before = f.snapshot();

    HttpResponse<String> problems =
        uploadYaml(browser, "web.yaml", "quiz_bank: ../../etc/passwd\n" + TestRoadmaps.webV1());

    assertThat(problems.body())
        .contains("line 1, quiz_bank: an uploaded roadmap cannot name a file on the server")
        .doesNotContain("name=\"preview\"");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void applyPressedByAnotherLeadIsRefusedAndAppliesNothing() throws Exception {
    Browser anasBrowser = signIn(ana);
    String preview =
        find(PREVIEW, uploadYaml(anasBrowser, "web.yaml", TestRoadmaps.webV1()).body());
    Caller carl = f.admin("carl"); // administers the workspace: sees every channel
    f.say(carl, "start");
    Browser carls = signIn(carl);
    TableSnapshot before = f.snapshot();

    HttpResponse<String> refused =
        apply("general", carls.cookie(), carls.token(), preview, "Sec-Fetch-Site", "same-origin");

    assertThat(refused.body()).contains("Only the member who uploaded that file can apply it.");
    assertThat(f.snapshot()).isEqualTo(before);
    assertThat(generalRoadmap()).isEqualTo(RoadmapLibrary.DEPLOYMENT);
  }

  @Test
  void aTokenFromAnotherSessionDoesNotPass() throws Exception {
    Browser anas = signIn(ana);
    Caller carl = f.admin("carl");
    f.say(carl, "start");
    Browser carls = signIn(carl);
    TableSnapshot before = f.snapshot();

    HttpResponse<String> refused = uploadWebTo("general", anas.cookie(), carls.token());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(f.snapshot()).isEqualTo(before);
  }
}
