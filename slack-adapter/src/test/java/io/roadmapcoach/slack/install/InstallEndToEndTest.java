package io.roadmapcoach.slack.install;

import static io.roadmapcoach.db.schema.Tables.INSTALLATION;
import static io.roadmapcoach.db.schema.Tables.OAUTH_STATE;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.FakeSlack;
import io.roadmapcoach.slack.testing.FakeSlack.Call;
import io.roadmapcoach.slack.testing.InstallHarness;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two workspaces install the app through the real pages, and each is answered, nudged and looked up
 * with its own token, which the fake Slack records per call.
 */
@ExtendWith(PostgresExtension.class)
class InstallEndToEndTest {
  private static final String A = "T0AAA";
  private static final String B = "T0BBB";

  private InstallHarness slack;

  private InstallHarness harness(DSLContext dsl, Optional<Duration> rotation) {
    slack = new InstallHarness(dsl, rotation);
    slack.fake.user("UA1", "Ana", "UTC", false).user("UB1", "Bo", "UTC", false);
    return slack;
  }

  @AfterEach
  void close() {
    if (slack != null) {
      slack.close();
    }
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  @Test
  void theInstallPageOffersAddToSlackForTheManifestsScopesWithAStateInItsCookie(DSLContext dsl) {
    harness(dsl, Optional.empty());

    InstallHarness.Started started = slack.start();

    HttpResponse<String> page = started.page();
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body())
        .contains("Add to Slack")
        .contains("https://slack.com/oauth/v2/authorize?client_id=" + InstallHarness.CLIENT_ID)
        .contains("scope=commands%2Cchat%3Awrite%2Cim%3Awrite%2Cusers%3Aread%2Cfiles%3Awrite")
        .contains(
            "redirect_uri="
                + java.net.URLEncoder.encode(
                    InstallHarness.PUBLIC_URL + "/slack/oauth_redirect", StandardCharsets.UTF_8));
    assertThat(started.state()).hasSize(43);
    assertThat(page.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith("roadmap_slack_oauth_state=" + started.state())
        .contains("HttpOnly")
        .contains("Secure")
        .contains("SameSite=Lax")
        .contains("Max-Age=600");
    assertThat(page.headers().firstValue("Content-Security-Policy")).contains(OAuthInstall.CSP);
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    // nothing stored for a page anyone may open: the state lives in the cookie, signed
    assertThat(dsl.fetchCount(OAUTH_STATE)).isZero();
  }

  @Test
  void aStateIsStoredOnlyWhenSlackSendsTheBrowserBackAndThenAsAHash(DSLContext dsl) {
    harness(dsl, Optional.empty());
    InstallHarness.Started started = slack.start();
    String code = slack.newCode();
    slack.fake.approve(code, A, "Team A", "UA1");

    slack.redirect("code=" + code + "&state=" + started.state(), Optional.of(started.cookie()));

    assertThat(dsl.fetch(OAUTH_STATE))
        .singleElement()
        .satisfies(
            r ->
                assertThat(new String(r.getStateHash(), StandardCharsets.ISO_8859_1))
                    .doesNotContain(started.state()));
  }

  @Test
  void twoWorkspacesInstallAndEachCommandIsAnsweredWithItsOwnToken(DSLContext dsl) {
    harness(dsl, Optional.empty());

    HttpResponse<String> a = slack.install(A, "Team A", "UA1");
    HttpResponse<String> b = slack.install(B, "Team <B>", "UB1");

    assertThat(a.statusCode()).isEqualTo(200);
    assertThat(a.body())
        .contains("Roadmap Coach is now installed in <strong>Team A</strong>")
        .contains("/roadmap start");
    assertThat(b.body()).contains("Team &lt;B&gt;").doesNotContain("Team <B>");
    // the code was exchanged with the app's credentials
    List<Call> exchanges = slack.fake.calls("oauth.v2.access");
    assertThat(exchanges).hasSize(2);
    assertThat(exchanges.getFirst().authorization())
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (InstallHarness.CLIENT_ID + ":" + InstallHarness.CLIENT_SECRET)
                            .getBytes(StandardCharsets.UTF_8)));
    // stored, encrypted
    assertThat(dsl.fetch(INSTALLATION)).hasSize(2);
    String tokenA = slack.tokenOf(A);
    String tokenB = slack.tokenOf(B);
    assertThat(tokenA).isNotEqualTo(tokenB);
    assertThat(dsl.fetch(INSTALLATION))
        .allSatisfy(
            r ->
                assertThat(new String(r.getBotToken(), StandardCharsets.ISO_8859_1))
                    .doesNotContain("xoxb"));
    assertThat(
            dsl.fetchSingle(INSTALLATION, INSTALLATION.WORKSPACE_EXTERNAL_ID.eq(A))
                .getInstallerUserId())
        .isEqualTo("UA1");
    slack.fake.clear();

    HttpResponse<String> fromA = slack.command(A, "UA1", "start");
    HttpResponse<String> fromB = slack.command(B, "UB1", "start");

    assertThat(fromA.statusCode()).isEqualTo(200);
    assertThat(fromA.body()).contains("Welcome").contains("Ana");
    assertThat(fromB.body()).contains("Welcome").contains("Bo");
    assertThat(slack.fake.calls("users.info"))
        .extracting(c -> c.params().get("user") + " " + c.authorization())
        .containsExactlyInAnyOrder("UA1 " + bearer(tokenA), "UB1 " + bearer(tokenB));
    assertThat(slack.fake.calls("auth.test"))
        .extracting(Call::authorization)
        .contains(bearer(tokenA), bearer(tokenB));
  }

  @Test
  void aFileFromEachWorkspaceGoesUpWithItsOwnToken(DSLContext dsl) {
    harness(dsl, Optional.empty());
    slack.install(A, "Team A", "UA1");
    slack.install(B, "Team B", "UB1");
    slack.command(A, "UA1", "start");
    slack.command(B, "UB1", "start");
    slack.fake.clear();

    slack.command(A, "UA1", "export");
    slack.fake.await("files.completeUploadExternal", 1);
    slack.command(B, "UB1", "export");

    List<Call> uploads = slack.fake.await("files.getUploadURLExternal", 2);
    assertThat(uploads)
        .extracting(Call::authorization)
        .containsExactlyInAnyOrder(bearer(slack.tokenOf(A)), bearer(slack.tokenOf(B)));
    assertThat(uploads)
        .extracting(c -> c.params().get("filename"))
        .containsOnly("roadmap-coach-my-data.json");
  }

  @Test
  void eachWorkspacesHomeTabIsPublishedWithItsOwnToken(DSLContext dsl) {
    harness(dsl, Optional.empty());
    slack.install(A, "Team A", "UA1");
    slack.install(B, "Team B", "UB1");
    slack.command(A, "UA1", "start");
    slack.command(B, "UB1", "start");
    slack.fake.clear();

    slack.event(A, "Ev-A", homeOpened("UA1"));
    slack.fake.await("views.publish", 1);
    slack.event(B, "Ev-B", homeOpened("UB1"));

    assertThat(slack.fake.await("views.publish", 2))
        .extracting(c -> c.params().get("user_id") + " " + c.authorization())
        .containsExactly("UA1 " + bearer(slack.tokenOf(A)), "UB1 " + bearer(slack.tokenOf(B)));
  }

  private static String homeOpened(String user) {
    return "{\"type\":\"app_home_opened\",\"user\":\""
        + user
        + "\",\"channel\":\"D"
        + user
        + "\",\"tab\":\"home\",\"event_ts\":\"1.3\"}";
  }

  @Test
  void aNudgeToEachWorkspaceIsSentWithThatWorkspacesToken(DSLContext dsl) {
    harness(dsl, Optional.empty());
    slack.install(A, "Team A", "UA1");
    slack.install(B, "Team B", "UB1");
    slack.command(A, "UA1", "start");
    slack.command(B, "UB1", "start");
    slack.fake.clear();

    slack.tick("2026-03-03T09:00:00Z");

    List<Call> posts = slack.fake.calls("chat.postMessage");
    assertThat(posts)
        .extracting(c -> c.params().get("channel") + " " + c.authorization())
        .containsExactlyInAnyOrder(
            "DUA1 " + bearer(slack.tokenOf(A)), "DUB1 " + bearer(slack.tokenOf(B)));
    assertThat(slack.fake.calls("conversations.open"))
        .extracting(c -> c.params().get("users") + " " + c.authorization())
        .containsExactlyInAnyOrder(
            "UA1 " + bearer(slack.tokenOf(A)), "UB1 " + bearer(slack.tokenOf(B)));
  }

  @Test
  void rotationRefreshesAnExpiringTokenBeforeAScheduledSendOnce(DSLContext dsl) {
    // installed Monday 22:00 with a 12-hour token: by Tuesday 09:00 it has an hour left
    harness(dsl, Optional.of(Duration.ofHours(12)));
    slack.install(A, "Team A", "UA1");
    String first = slack.tokenOf(A);
    slack.command(A, "UA1", "start");
    slack.fake.clear();

    slack.tick("2026-03-03T09:00:00Z");

    List<Call> refreshes = slack.fake.calls("oauth.v2.access");
    assertThat(refreshes).hasSize(1);
    assertThat(refreshes.getFirst().params())
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "xoxe-1-" + A + "-1");
    String second = slack.tokenOf(A);
    assertThat(second).isNotEqualTo(first);
    assertThat(slack.fake.calls("chat.postMessage"))
        .singleElement()
        .extracting(Call::authorization)
        .isEqualTo(bearer(second));
    // the new tokens are stored: the next send uses them without refreshing again
    slack.fake.clear();
    slack
        .core
        .installations()
        .token(
            Platform.SLACK,
            A,
            rt -> {
              throw new AssertionError("refreshed twice");
            });
    assertThat(slack.core.installations().find(Platform.SLACK, A).orElseThrow().botToken())
        .isEqualTo(second);
  }

  @Test
  void anExpiredTokenWhoseRefreshFailsHoldsTheNudgeUntilARefreshWorks(DSLContext dsl) {
    // installed Monday 22:00 with a 12-hour token: it expired at 10:00 on Tuesday
    harness(dsl, Optional.of(Duration.ofHours(12)));
    slack.install(A, "Team A", "UA1");
    slack.command(A, "UA1", "start");
    slack.fake.clear();
    slack.fake.next("oauth.v2.access", FakeSlack.Answer.error("internal_error"));

    slack.tick("2026-03-03T10:30:00Z"); // Tuesday's 09:00 nudge, still within its late window

    assertThat(slack.fake.calls("oauth.v2.access")).hasSize(1);
    assertThat(slack.fake.calls("chat.postMessage")).isEmpty();

    slack.tick("2026-03-03T10:32:00Z");

    assertThat(slack.fake.calls("oauth.v2.access")).hasSize(2);
    assertThat(slack.fake.calls("chat.postMessage"))
        .singleElement()
        .extracting(Call::authorization)
        .isEqualTo(bearer(slack.tokenOf(A)));
  }

  @Test
  void aSecondInstallOfAWorkspaceReplacesTheFirstCleanly(DSLContext dsl) {
    harness(dsl, Optional.empty());
    slack.install(A, "Team A", "UA1");
    String first = slack.tokenOf(A);

    HttpResponse<String> again = slack.install(A, "Team A renamed", "UA2");

    assertThat(again.body()).contains("Team A renamed");
    assertThat(dsl.fetch(INSTALLATION)).hasSize(1);
    assertThat(dsl.fetchSingle(INSTALLATION).getInstallerUserId()).isEqualTo("UA2");
    String second = slack.tokenOf(A);
    assertThat(second).isNotEqualTo(first);
    slack.fake.clear();
    slack.command(A, "UA1", "status");
    assertThat(slack.fake.calls("users.info"))
        .extracting(Call::authorization)
        .containsOnly(bearer(second));
    assertThat(dsl.fetchSingle(WORKSPACE).getName()).isEqualTo("Team A renamed");
  }
}
