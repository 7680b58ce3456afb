package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.reporting.ReportWorld;
import dev.followthrough.support.IntegrationTest;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The report page in a real Chromium: charts drawn, and printed to PDF without the console around it. */
class ReportBrowserTest extends IntegrationTest {

  @Test
  void the_report_draws_its_charts_and_prints_to_pdf_without_the_navigation() throws Exception {
    ReportWorld.ingest(this::post, jdbc, LocalDate.of(2021, 9, 1), unique("br"));
    Reply made = post("/api/v1/reports", "{\"kind\": \"month\", \"from\": \"2021-09-01\"}");
    assertThat(made.status()).as(made.toString()).isEqualTo(201);
    String id = made.json().get("id").asString();

    try (Chromium chromium = Chromium.start("report-")) {
      var browser = chromium.browser();
      browser.manage().window().setSize(new Dimension(1440, 1000));
      browser.get(url("/login"));
      browser.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
      browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
      browser.findElement(By.cssSelector("form button[type=submit]")).click();
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
      wait.until(d -> d.getCurrentUrl().endsWith("/"));
      browser.get(url("/reports/" + id));

      for (String kind : new String[] {"trend", "volume", "matrix"}) {
        WebElement chart = browser.findElement(By.cssSelector("canvas[data-report-chart=" + kind + "]"));
        wait.until(d -> "true".equals(chart.getDomAttribute("data-chart-ready")));
        assertThat(chart.getSize().getHeight()).as(kind).isGreaterThan(150);
      }
      assertThat(browser.findElement(By.cssSelector("[data-print]")).isDisplayed()).isTrue();
      assertThat(browser.findElement(By.cssSelector("[data-testid=report-quotes]")).getText()).contains(ReportWorld.SCRIPT);
      long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.body.scrollHeight;");
      browser.manage().window().setSize(new Dimension(1440, (int) Math.min(height + 100, 8000)));
      Files.write(chromium.screenshots().resolve("report.png"), browser.getScreenshotAs(OutputType.BYTES));

      browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      assertThat(((JavascriptExecutor) browser).executeScript("return getComputedStyle(document.querySelector('.sidebar')).display;"))
          .isEqualTo("none");
      browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
      byte[] pdf = Base64.getDecoder().decode(browser.print(new PrintOptions()).getContent());
      assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(pdf.length).isGreaterThan(20_000);
      Files.write(chromium.screenshots().resolve("report.pdf"), pdf);
    }
  }
}
