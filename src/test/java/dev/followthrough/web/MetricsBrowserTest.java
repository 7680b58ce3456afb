package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The program metrics page in Chromium: the trend chart is drawn, and drawn again after a filter swaps the body. */
class MetricsBrowserTest extends IntegrationTest {

  static Chromium chromium;
  static WebDriver browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = Chromium.start("metrics-");
    browser = chromium.browser();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) chromium.close();
  }

  @Test
  void the_trend_chart_is_drawn_and_redrawn_after_a_filter_changes() throws IOException {
    // a detractor now: the default rules open a case, so this month has a point
    Reply r = post("/api/v1/responses", """
        {"sourceId": "%s", "score": 2, "respondedAt": "%s", "contact": {"email": "%s@example.test"},
         "account": {"externalId": "%s", "tier": "smb"}}""".formatted(unique("m"), Instant.now().minusSeconds(30),
        unique("c"), unique("a")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);

    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
    browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    wait.until(d -> d.getCurrentUrl().endsWith("/"));

    browser.findElement(By.linkText("Program metrics")).click();
    wait.until(d -> "drawn".equals(d.findElement(By.id("metrics-trend")).getDomAttribute("data-chart-ready")));
    assertThat(browser.findElement(By.cssSelector("[data-metric=follow_up_within_sla]")).getText())
        .containsIgnoringCase("Follow-up within SLA").contains("Target: 100%");

    new Select(browser.findElement(By.id("f-tier"))).selectByValue("smb");
    wait.until(d -> d.getCurrentUrl().contains("tier=smb"));
    wait.until(d -> "drawn".equals(d.findElement(By.id("metrics-trend")).getDomAttribute("data-chart-ready")));
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), chromium.screenshots().resolve("metrics.png"), StandardCopyOption.REPLACE_EXISTING);
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
        .noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue());
  }
}
