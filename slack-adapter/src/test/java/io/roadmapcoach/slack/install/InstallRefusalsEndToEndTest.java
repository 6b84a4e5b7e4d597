package io.roadmapcoach.slack.install;

import static io.roadmapcoach.db.schema.Tables.INSTALLATION;
import static io.roadmapcoach.db.schema.Tables.OAUTH_STATE;
import static io.roadmapcoach.db.schema.Tables.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.testing.InstallHarness;
import io.roadmapcoach.slack.testing.InstallHarness.Started;
import io.roadmapcoach.slack.testing.LogCapture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every way an install can go wrong gets its own page, and stores nothing: a forged, replayed or
 * expired state, another browser, a missing code, a denied install, a code Slack will not exchange,
 * an org-wide install.
 */
@ExtendWith(PostgresExtension.class)
class InstallRefusalsEndToEndTest {
  private static final String A = "T0AAA";

  private InstallHarness slack;
  private DSLContext dsl;

  @BeforeEach
  void start(DSLContext dsl) {
    this.dsl = dsl;
    this.slack = new InstallHarness(dsl, Optional.empty());
  }

  @AfterEach
  void close() {
    slack.close();
  }

  private void nothingStored() {
    assertThat(dsl.fetchCount(INSTALLATION)).isZero();
    assertThat(dsl.fetchCount(WORKSPACE)).isZero();
  }

  private HttpResponse<String> redirectWith(Started started, String query) {
    return slack.redirect(query, Optional.of(started.cookie()));
  }

  private String approvedCode() {
    String code = slack.newCode();
    slack.fake.approve(code, A, "Team A", "UA1");
    return code;
  }

  @Test
  void aForgedStateIsRefusedWithoutAskingSlack() {
    Started started = slack.start();
    String forged = "F".repeat(43);

    HttpResponse<String> page =
        slack.redirect(
            "code=" + approvedCode() + "&state=" + forged,
            Optional.of("roadmap_slack_oauth_state=" + forged));

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("This install link is not one of ours")
        .contains("Start again");
    assertThat(slack.fake.calls("oauth.v2.access")).isEmpty();
    nothingStored();
    assertThat(started.state()).isNotEqualTo(forged);
  }

  @Test
  void aReplayedRedirectIsToldTheLinkWasUsedAndChangesNothing() {
    Started started = slack.start();
    String query = "code=" + approvedCode() + "&state=" + started.state();
    assertThat(redirectWith(started, query).statusCode()).isEqualTo(200);
    var stored = dsl.fetch(INSTALLATION);

    HttpResponse<String> replay = redirectWith(started, query);

    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(replay.body()).contains("This install link was already used");
    assertThat(slack.fake.calls("oauth.v2.access")).hasSize(1);
    assertThat(dsl.fetch(INSTALLATION)).isEqualTo(stored);
  }

  @Test
  void aStateOlderThanTenMinutesHasExpired() {
    Started started = slack.start();
    slack.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    HttpResponse<String> page =
        redirectWith(started, "code=" + approvedCode() + "&state=" + started.state());

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("This install link has expired");
    nothingStored();
  }

  @Test
  void aRedirectWithoutTheStartingBrowsersCookieIsRefusedAndTheStateKept() {
    Started started = slack.start();
    String query = "code=" + approvedCode() + "&state=" + started.state();

    HttpResponse<String> elsewhere = slack.redirect(query, Optional.empty());

    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(elsewhere.body()).contains("Finish the install in the browser that started it");
    nothingStored();
    // the browser that started it can still finish
    assertThat(redirectWith(started, query).statusCode()).isEqualTo(200);
  }

  @Test
  void aRedirectWithoutACodeSaysItIsIncomplete() {
    Started started = slack.start();

    HttpResponse<String> page = redirectWith(started, "state=" + started.state());

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("The link back from Slack is incomplete");
    assertThat(slack.fake.calls("oauth.v2.access")).isEmpty();
    nothingStored();
  }

  @Test
  void aDeniedInstallSaysSoAndStoresNothing() {
    Started started = slack.start();

    HttpResponse<String> page =
        redirectWith(started, "error=access_denied&state=" + started.state());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Install cancelled").contains("nothing was stored");
    nothingStored();
  }

  @Test
  void aCodeSlackWillNotExchangeGetsItsErrorAndStoresNothing() {
    Started started = slack.start();

    HttpResponse<String> page = redirectWith(started, "code=never-issued&state=" + started.state());

    assertThat(page.statusCode()).isEqualTo(502);
    assertThat(page.body())
        .contains("Slack did not complete the install")
        .contains("<code>invalid_code</code>");
    nothingStored();
  }

  @Test
  void anOrgWideInstallIsRefusedItsTokenRevokedAndNothingStored() {
    Started started = slack.start();
    String code = slack.newCode();
    slack.fake.approveOrgWide(code, "E0ORG", "UA1");

    HttpResponse<String> page = redirectWith(started, "code=" + code + "&state=" + started.state());

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Org-wide installs are not supported");
    assertThat(slack.fake.calls("auth.revoke")).hasSize(1);
    nothingStored();
  }

  @Test
  void anErrorSlackDoesNotDocumentIsNotShownOnTheAppsPage() {
    Started started = slack.start();
    String crafted = "Your workspace is locked: call our helpline to unlock it";

    HttpResponse<String> page =
        redirectWith(
            started,
            "error="
                + URLEncoder.encode(crafted, StandardCharsets.UTF_8)
                + "&state="
                + started.state());
    HttpResponse<String> known =
        redirectWith(started, "error=invalid_scope&state=" + started.state());

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("Slack sent you back without completing the install")
        .doesNotContain("locked")
        .doesNotContain("helpline");
    assertThat(known.body()).contains("<code>invalid_scope</code>");
    nothingStored();
  }

  @Test
  void twoThousandInstallPagesStoreNothingAndEachAddressIsLimited() {
    int shown = 0;
    int refused = 0;
    for (int i = 0; i < 2_000; i++) {
      HttpResponse<String> page = slack.get(OAuthInstall.INSTALL_PATH, Optional.empty());
      if (page.statusCode() == 200) {
        assertThat(page.body()).contains("Add to Slack");
        shown++;
      } else {
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        refused++;
      }
    }

    // a minute's allowance (two, if the loop straddled a minute on a slow machine)
    assertThat(shown)
        .isBetween(OAuthInstall.INSTALLS_PER_WINDOW, 2 * OAuthInstall.INSTALLS_PER_WINDOW);
    assertThat(refused).isEqualTo(2_000 - shown);
    assertThat(dsl.fetchCount(OAUTH_STATE)).isZero();
    nothingStored();
  }

  @Test
  void aQueryThatCannotBeReadIsABadRequestLoggedOnce() {
    List<HttpResponse<String>> answers = new ArrayList<>();
    LogCapture logs = new LogCapture();
    try (logs) {
      for (int i = 0; i < 50; i++) {
        answers.add(slack.get(OAuthInstall.INSTALL_PATH + "?x=%ff", Optional.empty()));
        answers.add(slack.get(OAuthInstall.REDIRECT_PATH + "?code=c&state=%ff", Optional.empty()));
      }
    }

    assertThat(answers)
        .allSatisfy(
            a -> {
              assertThat(a.statusCode()).isEqualTo(400);
              assertThat(a.body()).contains("This address is malformed");
            });
    assertThat(logs.lines(Level.INFO))
        .singleElement()
        .satisfies(line -> assertThat(line).contains("could not be read").doesNotContain("\tat "));
    nothingStored();
  }

  @Test
  void anotherPathUnderSlackIsNotAnInstallPage() {
    assertThat(slack.get("/slack/nothing-here", Optional.empty()).statusCode()).isEqualTo(404);
  }

  @Test
  void theClientSecretAndTokensAreNeverLogged() {
    LogCapture logs = new LogCapture();
    try (logs) {
      slack.fake.user("UA1", "Ana", "UTC", false);
      slack.install(A, "Team A", "UA1");
      slack.command(A, "UA1", "start");
      Started started = slack.start();
      redirectWith(started, "code=never-issued&state=" + started.state());
    }
    List<String> logged = logs.lines();

    assertThat(logged).isNotEmpty();
    String token = slack.tokenOf(A);
    for (String all : logged) {
      assertThat(all)
          .doesNotContain(InstallHarness.CLIENT_SECRET)
          .doesNotContain(InstallHarness.SECRET_KEY)
          .doesNotContain(token);
    }
  }
}
