package io.roadmapcoach.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.roadmapcoach.core.caller.Caller;
import io.roadmapcoach.core.curriculum.TestRoadmaps;
import io.roadmapcoach.core.dashboard.DashboardFixture;
import io.roadmapcoach.core.testing.CoachFixture;
import io.roadmapcoach.core.testing.HeadlessChromium;
import io.roadmapcoach.db.testing.PostgresExtension;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A lead's dashboard in a real browser ({@link HeadlessChromium}). The dashboard is served the
 * console's way, on 127.0.0.1 from the first link. Screenshots are kept in {@code app/target/} for
 * a person to look at.
 */
@ExtendWith(PostgresExtension.class)
class DashboardBrowserTest {
  private final CoachFixture f = CoachFixture.builtIn();
  private final ConsoleDashboard console = new ConsoleDashboard();
  private final DashboardFixture d = new DashboardFixture(f, console);
  private final Caller ana = f.caller("ana"); // first in #general: its lead
  private final Caller bob = f.caller("bob");
  private final Caller carl = f.caller("carl");
  private Path downloads;
  private ChromeDriver browser;

  @BeforeEach
  void startBrowser() throws Exception {
    downloads = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "downloads");
    browser = HeadlessChromium.start(Optional.of(downloads));
    console.serve(d.service(), f.coach());
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    console.close();
  }

  private void aTeamAtWork() {
    f.say(ana, "start");
    f.say(bob, "start");
    f.say(carl, "start");
    f.checkOffStage(ana);
    f.takeQuiz(ana, 3);
    f.passQuiz(ana);
    f.say(ana, "next");
    f.say(carl, "done 1");
    f.say(f.member("mallory", "<b>Mallory</b>", java.util.Optional.empty(), false), "start");
  }

  private void awaitChannelPage() {
    try {
      new WebDriverWait(browser, Duration.ofSeconds(10))
          .until(b -> b.getCurrentUrl().contains("/dashboard/c/"));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "no channel page; at " + browser.getCurrentUrl() + ":\n" + browser.getPageSource(), e);
    }
  }

  private List<String> memberColumn() {
    return browser.findElements(By.cssSelector("#members-table tbody tr td:first-child")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void screenshot(String name) throws Exception {
    Files.write(Path.of("target", name), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void aLeadFollowsTheLinkSeesTheTeamSortsItAndDownloadsTheCsv() throws Exception {
    aTeamAtWork();
    assertThat(console.running()).as("no port before a lead asks").isFalse();

    String link = DashboardFixture.linkIn(d.link(ana)).toString();

    assertThat(link).startsWith("http://127.0.0.1:");
    browser.get(link);
    WebElement open = browser.findElement(By.xpath("//button[normalize-space()='Open dashboard']"));
    open.click();
    awaitChannelPage();

    assertThat(browser.getTitle()).isEqualTo("Dashboard: #general");
    assertThat(memberColumn()).containsExactlyInAnyOrder("ana", "bob", "carl", "<b>Mallory</b>");
    WebElement funnel = browser.findElement(By.cssSelector("#funnel svg"));
    WebElement weeks = browser.findElement(By.cssSelector("#weeks svg"));
    assertThat(funnel.isDisplayed()).isTrue();
    assertThat(weeks.isDisplayed()).isTrue();
    assertThat(funnel.getSize().getHeight()).isGreaterThan(200);
    assertThat(funnel.findElement(By.tagName("title")).getAttribute("textContent"))
        .isEqualTo("Members of #general on each stage, and graduated");
    assertThat(weeks.getText()).contains("Objectives done", "Members active");
    assertThat(browser.findElement(By.id("quizzes")).getText())
        .contains("Pass rate", "50%", "Right answer:");
    screenshot("dashboard.png");

    browser.findElement(By.linkText("Points")).click();
    assertThat(browser.getCurrentUrl()).endsWith("?sort=points&dir=asc");
    browser.findElement(By.partialLinkText("Points")).click();
    assertThat(browser.getCurrentUrl()).endsWith("?sort=points&dir=desc");
    assertThat(memberColumn().subList(0, 2)).containsExactly("ana", "carl");
    assertThat(
            browser
                .findElement(By.cssSelector("#members-table th[aria-sort]"))
                .getAttribute("aria-sort"))
        .isEqualTo("descending");

    browser.findElement(By.id("csv")).click();
    Path csv = downloads.resolve("team-general.csv");
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> Files.exists(csv));
    assertThat(Files.readString(csv, StandardCharsets.UTF_8))
        .isEqualTo(f.say(ana, "team csv").attachment().orElseThrow().content());

    // a phone: nothing wider than the screen but the tables, which scroll in their own box
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.navigate().refresh();
    Object pageWidth =
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
    assertThat(pageWidth).isEqualTo(true);
    screenshot("dashboard-phone.png");
  }

  @Test
  void aLeadUploadsARoadmapThroughTheFormSeesThePreviewAndAppliesIt() throws Exception {
    f.say(ana, "start");
    Path file = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "upload");
    file = Files.writeString(file.resolve("web.yaml"), TestRoadmaps.webV1());
    browser.get(DashboardFixture.linkIn(d.link(ana)).toString());
    browser.findElement(By.xpath("//button[normalize-space()='Open dashboard']")).click();
    awaitChannelPage();
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Roadmap: Machine Learning Engineer");

    browser
        .findElement(By.cssSelector("#roadmap-upload input[type=file]"))
        .sendKeys(file.toString());
    browser.findElement(By.xpath("//button[normalize-space()='Upload and preview']")).click();

    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.textToBe(
                By.tagName("h1"), "#general: roadmap"));
    assertThat(browser.findElement(By.id("roadmap-answer")).getText())
        .contains("Preview: Web development (web-dev), new")
        .contains("1. The basics: 3 objectives, 10 questions, 3 resources")
        .contains("Nothing changes until you press Apply");
    screenshot("dashboard-roadmap-preview.png");
    assertThat(f.channel("general").roadmapId()).isZero(); // nothing changed before Apply

    browser.findElement(By.xpath("//button[normalize-space()='Apply']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                By.id("roadmap-answer"), "#general now follows it"));
    browser.findElement(By.id("back")).click();
    awaitChannelPage();

    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Roadmap: Web development")
        .contains("version 1, chosen by ana on");
    assertThat(f.channel("general").roadmapId()).isNotZero();
  }

  @Test
  void theSignOutButtonEndsTheSessionInTheBrowser() throws Exception {
    f.say(ana, "start");
    browser.get(DashboardFixture.linkIn(d.link(ana)).toString());
    browser.findElement(By.xpath("//button[normalize-space()='Open dashboard']")).click();
    awaitChannelPage();
    String channelPage = browser.getCurrentUrl();

    browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();

    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.textToBe(
                By.tagName("h1"), "You are signed out"));
    assertThat(browser.manage().getCookieNamed(DashboardHandler.COOKIE)).isNull();
    browser.get(channelPage);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You are not signed in");
  }

  @Test
  void aUsedLinkTellsTheBrowserHowToGetANewOne() throws Exception {
    f.say(ana, "start");
    String link = DashboardFixture.linkIn(d.link(ana)).toString();
    browser.get(link);
    browser.findElement(By.xpath("//button[normalize-space()='Open dashboard']")).click();
    awaitChannelPage();

    browser.get(link);

    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("This link has already been used.");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("/roadmap dashboard");
    assertThat(new File(downloads.toFile(), "x")).doesNotExist();
  }
}
