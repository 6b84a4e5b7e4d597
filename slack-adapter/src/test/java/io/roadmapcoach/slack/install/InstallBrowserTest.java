package io.roadmapcoach.slack.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Platform;
import io.roadmapcoach.core.testing.HeadlessChromium;
import io.roadmapcoach.db.testing.PostgresExtension;
import io.roadmapcoach.slack.SlackAdapter;
import io.roadmapcoach.slack.testing.InstallHarness;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A workspace admin installs the app through the real install pages in a real browser ({@link
 * HeadlessChromium}): the browser keeps the install page's cookie and carries it back, as it does
 * when Slack sends the admin to the redirect. Slack's own authorisation page is the fake's approval
 * of a code.
 */
@ExtendWith(PostgresExtension.class)
class InstallBrowserTest {
  private static final String TEAM = "T0AAA";

  private InstallHarness slack;
  private ChromeDriver browser;

  @BeforeEach
  void start(DSLContext dsl) throws Exception {
    browser = HeadlessChromium.start(Optional.empty());
    slack = new InstallHarness(dsl, Optional.empty());
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (slack != null) {
      slack.close();
    }
  }

  private static Map<String, String> query(String url) {
    return Arrays.stream(URI.create(url).getRawQuery().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> p[0],
                p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
  }

  private String heading() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  /** Opens the install page and follows "Add to Slack" as far as Slack: returns the state. */
  private String startInstall() {
    browser.get(slack.url(OAuthInstall.INSTALL_PATH));
    String authorize = browser.findElement(By.linkText("Add to Slack")).getAttribute("href");
    return query(authorize).get("state");
  }

  @Test
  void anAdminAddsTheAppAndIsToldWhatToDoNext() {
    browser.get(slack.url(OAuthInstall.INSTALL_PATH));

    assertThat(heading()).isEqualTo("Add Roadmap Coach to Slack");
    WebElement add = browser.findElement(By.linkText("Add to Slack"));
    URI authorize = URI.create(add.getAttribute("href"));
    assertThat(authorize.getHost()).isEqualTo("slack.com");
    Map<String, String> asked = query(authorize.toString());
    assertThat(asked)
        .containsEntry("client_id", InstallHarness.CLIENT_ID)
        .containsEntry("redirect_uri", InstallHarness.PUBLIC_URL + OAuthInstall.REDIRECT_PATH);
    assertThat(asked.get("scope").split(","))
        .containsExactlyInAnyOrderElementsOf(SlackAdapter.BOT_SCOPES);
    assertThat(browser.findElements(By.cssSelector("li")))
        .hasSize(SlackAdapter.BOT_SCOPES.size())
        .extracting(WebElement::getText)
        .noneMatch(why -> why.endsWith("used by the app"));
    assertThat(add.getCssValue("background-color"))
        .as("the page's own style is allowed by its Content-Security-Policy")
        .isEqualTo("rgba(74, 21, 75, 1)");

    String code = slack.newCode();
    slack.fake.approve(code, TEAM, "Team A", "UA1");
    browser.get(
        slack.url(OAuthInstall.REDIRECT_PATH + "?code=" + code + "&state=" + asked.get("state")));

    assertThat(heading()).isEqualTo("Roadmap Coach is in Team A");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("/roadmap start")
        .contains("/invite @Roadmap Coach");
    assertThat(slack.core.installations().installed(Platform.SLACK, TEAM)).isTrue();
  }

  @Test
  void reloadingTheFinishedInstallSaysTheLinkWasUsedAndInstallsNothingMore() {
    String state = startInstall();
    String code = slack.newCode();
    slack.fake.approve(code, TEAM, "Team A", "UA1");
    browser.get(slack.url(OAuthInstall.REDIRECT_PATH + "?code=" + code + "&state=" + state));
    int exchanges = slack.fake.calls("oauth.v2.access").size();

    browser.navigate().refresh();

    assertThat(heading()).isEqualTo("This install link was already used");
    assertThat(browser.findElement(By.linkText("Start again")).getAttribute("href"))
        .endsWith(OAuthInstall.INSTALL_PATH);
    assertThat(slack.fake.calls("oauth.v2.access")).hasSize(exchanges);
  }

  @Test
  void aStateTheAppNeverIssuedIsRefusedAndNothingIsStored() {
    startInstall();
    String code = slack.newCode();
    slack.fake.approve(code, TEAM, "Team A", "UA1");

    browser.get(slack.url(OAuthInstall.REDIRECT_PATH + "?code=" + code + "&state=forged-state"));

    assertThat(heading()).isEqualTo("This install link is not one of ours");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Nothing was installed and nothing was stored");
    assertThat(slack.fake.calls("oauth.v2.access")).isEmpty();
    assertThat(slack.core.installations().installed(Platform.SLACK, TEAM)).isFalse();
  }

  @Test
  void anAdminWhoCancelsInSlackIsToldNothingWasInstalled() {
    String state = startInstall();

    browser.get(slack.url(OAuthInstall.REDIRECT_PATH + "?error=access_denied&state=" + state));

    assertThat(heading()).isEqualTo("Install cancelled");
    assertThat(slack.core.installations().installed(Platform.SLACK, TEAM)).isFalse();
  }
}
