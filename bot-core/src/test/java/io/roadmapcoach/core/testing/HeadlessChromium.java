package io.roadmapcoach.core.testing;

import io.roadmapcoach.db.testing.QuickRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for the tests of web pages: Debian's headless Chromium, driven by Selenium through
 * Debian's chromedriver (named explicitly, so Selenium Manager never tries to download one). Where
 * Chromium is missing the test is skipped, except in CI, where {@code .ci/run} installs it and its
 * absence is a failure.
 */
public final class HeadlessChromium {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /**
   * A fresh browser with a profile of its own.
   *
   * @param downloads where downloaded files go, when the test downloads any
   */
  public static ChromeDriver start(Optional<Path> downloads) throws IOException {
    QuickRun.skipIfOn("a browser");
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          "CI must run the browser tests: .ci/run installs chromium and chromium-driver");
    }
    Assumptions.assumeTrue(
        present,
        "Skipped: no Chromium here (needs "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + "; apt-get install chromium chromium-driver)");
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox", // as root Chromium refuses to start with its sandbox
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,2200",
        "--user-data-dir=" + profile);
    Map<String, Object> prefs = new HashMap<>();
    downloads.ifPresent(
        dir -> {
          prefs.put("download.default_directory", dir.toString());
          prefs.put("download.prompt_for_download", false);
        });
    options.setExperimentalOption("prefs", prefs);
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver browser = new ChromeDriver(driver, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return browser;
  }
}
