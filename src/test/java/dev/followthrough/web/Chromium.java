package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, with a fresh profile under the build
 * directory. The paths are given explicitly so Selenium Manager never tries to download anything.
 */
record Chromium(ChromeDriverService service, ChromeDriver browser, Path screenshots) implements AutoCloseable {

  static final String BINARY = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";

  static Chromium start(String profilePrefix) throws IOException {
    assertThat(new File(BINARY)).as("install Debian's chromium and chromium-driver").exists();
    Path buildDir = Path.of(System.getProperty("ft.testDataDir", "target/test-data")).toAbsolutePath().getParent();
    Path screenshots = Files.createDirectories(buildDir.resolve("screenshots"));
    Path profile = Files.createTempDirectory(Files.createDirectories(buildDir.resolve("chromium")), profilePrefix);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=en-US",
        "--hide-scrollbars", "--force-device-scale-factor=1");
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort().build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Chromium(service, browser, screenshots);
  }

  @Override
  public void close() {
    browser.quit();
    service.stop();
  }
}
