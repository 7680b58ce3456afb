package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: Debian's Chromium, headless, driven by its own chromedriver
 * (never Selenium Manager, which would try to download one). Screenshots land in
 * {@code <build dir>/screenshots} for a human to look at.
 */
class ConsoleBrowserTest extends IntegrationTest {


  static WebDriver browser;
  static Path screenshots;

  static final String[] TOUCHPOINTS = {"onboarding", "support", "billing", "product"};
  static final String[][] ACCOUNTS = {
      // external id, name, tier, ARR, renewal (days from today), owner
      {"northwind", "Northwind Traders", "enterprise", "480000", "40", "Priya Shah"},
      {"globex", "Globex", "enterprise", "350000", "120", "Sam Ortiz"},
      {"initech", "Initech", "mid-market", "120000", "75", "Priya Shah"},
      {"umbrella", "Umbrella Health", "mid-market", "95000", "200", "Lee Chen"},
      {"hooli", "Hooli", "smb", "24000", "15", "Sam Ortiz"},
      {"piedpiper", "Pied Piper", "smb", "18000", "300", "Lee Chen"},
  };
  static final String[] PEOPLE = {
      "Dana Whitfield", "Marco Ruiz", "Aiko Tanaka", "Noor Haddad", "Owen Price", "Lena Vogel",
      "Ravi Menon", "Chloe Martin", "Tomás Silva", "Grace Okafor", "Jonas Berg", "Mei Lin",
      "Hannah Cole", "Arjun Rao", "Sofia Rossi", "Ben Carter", "Yara Nasser", "Kai Müller"};
  static final String[] PRAISE = {
      "Onboarding took a day instead of a week. The checklist is excellent.",
      "Support answered within the hour and actually fixed it.",
      "The new reporting saves me an afternoon every month.",
      "Solid product, the API is a pleasure to work with."};
  static final String[] MEH = {
      "Does the job, but the exports are clunky.",
      "Fine overall; pricing is hard to explain to finance."};
  static final String[] COMPLAINTS = {
      "Exports keep timing out on our larger workspaces, we lose hours each week.",
      "Three tickets, three different answers. Nobody owns our problem.",
      "The invoice was wrong twice and it took weeks to correct.",
      "SSO broke after your update and locked out half the team."};

  String program;
  int programResponses;

  static Chromium chromium;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = Chromium.start("profile-");
    browser = chromium.browser();
    screenshots = chromium.screenshots();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) chromium.close();
  }

  /** About 50 responses over six months from six accounts: a dip three months ago, then a recovery. */
  @BeforeEach
  void responsesOverSixMonths() {
    String suffix = unique("").substring(1, 5);
    program = "Relationship " + suffix;
    String other = "Support follow-up " + suffix;
    // per month, oldest first: {promoters, passives, detractors}
    int[][] months = {{4, 3, 2}, {4, 2, 3}, {2, 2, 5}, {2, 1, 6}, {6, 2, 1}, {4, 1, 3}};
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<String> bodies = new ArrayList<>();
    int i = 0;
    for (int m = 0; m < months.length; m++) {
      int monthsAgo = months.length - 1 - m;
      int k = 0;
      for (int c = 0; c < 3; c++) {
        for (int j = 0; j < months[m][c]; j++, k++, i++) {
          LocalDate day = monthsAgo == 0
              ? today.minusDays(k % today.getDayOfMonth())
              : today.minusMonths(monthsAgo).withDayOfMonth(1 + (k * 3) % 27);
          int score = switch (c) { case 0 -> 9 + (i % 2); case 1 -> 7 + (i % 2); default -> i % 7; };
          String comment = switch (c) {
            case 0 -> PRAISE[i % PRAISE.length];
            case 1 -> i % 3 == 0 ? null : MEH[i % MEH.length];
            default -> COMPLAINTS[i % COMPLAINTS.length];
          };
          // the recent detractors all come from Globex, so one big account ends up at risk
          int ai = c == 2 && monthsAgo <= 1 ? 1 : i % ACCOUNTS.length;
          String[] a = ACCOUNTS[ai];
          int contact = (i / ACCOUNTS.length) % 3; // three people per account
          boolean relationship = i % 4 != 3;
          if (relationship) programResponses++;
          bodies.add("""
              {"sourceId": "%s", "score": %d, "comment": %s, "respondedAt": "%sT%02d:15:00Z",
               "program": "%s", "kind": "%s", "touchpoint": "%s",
               "contact": {"externalId": "%s-c%d", "email": "person%d.%s@%s.example", "name": "%s"},
               "account": {"externalId": "%s-%s", "name": "%s", "tier": "%s", "arr": %s,
                           "renewalDate": "%s", "owner": "%s"}}"""
              .formatted(unique("browser"), score, JSON.writeValueAsString(comment), day, 8 + i % 9,
                  relationship ? program : other, relationship ? "relational" : "transactional",
                  TOUCHPOINTS[i % TOUCHPOINTS.length], a[0] + suffix, contact, contact, suffix, a[0],
                  PEOPLE[ai * 3 + contact],
                  a[0], suffix, a[1], a[2], a[3], today.plusDays(Long.parseLong(a[4])), a[5]));
        }
      }
    }
    for (String body : bodies) {
      Reply r = post("/api/v1/responses", body);
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    assertThat(bodies).hasSizeBetween(45, 55);
  }

  @Test
  void an_admin_signs_in_reads_the_dashboard_filters_it_and_opens_the_responses() throws IOException {
    browser.manage().window().setSize(new Dimension(1440, 1000));
    browser.get(url("/login"));
    browser.manage().deleteAllCookies(); // signed out, whatever the other test left behind
    browser.get(url("/login"));
    shoot("login.png");
    browser.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
    browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    WebElement nps = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nps]")));
    assertThat(nps.getText()).matches("[+\u2212]?\\d+");
    WebElement chart = browser.findElement(By.cssSelector("canvas[data-testid=trend-chart]"));
    wait.until(d -> "true".equals(chart.getDomAttribute("data-chart-ready")));
    assertThat(chart.getSize().getHeight()).isGreaterThan(200);
    shootFullPage("dashboard.png");

    // filter by program: htmx swaps the body without a page load, and the URL becomes bookmarkable
    Object marker = ((JavascriptExecutor) browser).executeScript("return window.__samePage = 'yes';");
    new Select(browser.findElement(By.id("f-program"))).selectByVisibleText(program);
    wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=n]"), String.valueOf(programResponses)));
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__samePage;")).isEqualTo(marker);
    assertThat(java.net.URLDecoder.decode(browser.getCurrentUrl(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("program=" + program);
    WebElement filteredChart = browser.findElement(By.cssSelector("canvas[data-testid=trend-chart]"));
    wait.until(d -> "true".equals(filteredChart.getDomAttribute("data-chart-ready")));
    assertThat(browser.findElement(By.cssSelector("[data-testid=verdict]")).getText())
        .containsAnyOf("A real change", "Could be noise", "Nothing to compare yet");
    shootFullPage("dashboard-filtered.png");

    // the week view of the same filter
    browser.findElement(By.cssSelector("[data-every=week]")).click();
    wait.until(ExpectedConditions.urlContains("every=week"));
    WebElement weekChart = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("canvas[data-trend-src*='groupBy=week']")));
    wait.until(d -> "true".equals(weekChart.getDomAttribute("data-chart-ready")));

    browser.findElement(By.linkText("All responses \u2192")).click();
    WebElement count = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=response-count]")));
    assertThat(count.getText()).endsWith("of " + programResponses + " responses");
    assertThat(browser.findElements(By.cssSelector("[data-testid=responses-table] tbody tr"))).hasSize(25);
    shootFullPage("responses.png");

    browser.findElement(By.cssSelector("[data-testid=responses-table] tbody tr td a")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-title")));
    shootFullPage("response-detail.png");

    browser.get(url("/accounts?program=" + program.replace(" ", "+")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=accounts-table]")));
    browser.findElement(By.cssSelector("a[data-sort=nps]")).click();
    wait.until(ExpectedConditions.urlContains("sort=nps"));
    shootFullPage("accounts.png");

    browser.get(url("/settings/api-keys"));
    browser.findElement(By.id("key-name")).sendKeys("Salesforce sync " + program.substring(13));
    new Select(browser.findElement(By.id("key-role"))).selectByVisibleText("agent");
    browser.findElement(By.cssSelector("form[action='/settings/api-keys'] button[type=submit]")).click();
    WebElement token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token")));
    assertThat(token.getText()).startsWith("ft_");
    shootFullPage("api-keys.png");
    browser.get(url("/settings/users"));
    shootFullPage("users.png");

    assertNoScriptErrors();

    browser.manage().window().setSize(new Dimension(390, 900));
    browser.get(url("/?program=" + program.replace(" ", "+")));
    WebElement mobileChart = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("canvas[data-testid=trend-chart]")));
    wait.until(d -> "true".equals(mobileChart.getDomAttribute("data-chart-ready")));
    shootFullPage("dashboard-mobile.png");
    assertNoScriptErrors();
    browser.manage().window().setSize(new Dimension(1440, 1000));
  }

  @Test
  void a_reviewer_confirms_a_low_confidence_coding_and_reads_the_insight_pages() throws IOException {
    browser.manage().window().setSize(new Dimension(1440, 1000));
    browser.get(url("/login"));
    if (!browser.findElements(By.id("username")).isEmpty()) {
      browser.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
      browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
      browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    // the comments posted above are coded asynchronously; wait until some wait for review
    wait.until(d -> jdbc.sql("SELECT count(*) FROM insights_coding WHERE needs_review").query(Long.class).single() > 0);

    browser.get(url("/insights/review"));
    WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=review-table] tbody tr")));
    String codingId = row.getDomAttribute("data-coding");
    assertThat(row.findElement(By.tagName("mark")).getText()).isNotBlank();
    shootFullPage("insights-review.png");
    row.findElement(By.cssSelector("[data-testid=confirm]")).click();
    WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=notice]")));
    assertThat(notice.getText()).contains("confirmed");
    assertThat(jdbc.sql("SELECT status FROM insights_coding WHERE id = :id").param("id", java.util.UUID.fromString(codingId))
        .query(String.class).single()).isEqualTo("confirmed");
    assertThat(browser.findElements(By.cssSelector("[data-coding='" + codingId + "']"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("[data-testid=agreement]")).getText()).matches("\\d+%");

    browser.get(url("/insights/impact"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=fix-first]")));
    assertThat(browser.findElements(By.cssSelector("[data-testid=fix-first] tbody tr"))).isNotEmpty();
    shootFullPage("insights-impact.png");
    browser.get(url("/insights/search?q=exports+time+out&mode=semantic"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=hits] li")));
    shootFullPage("insights-search.png");
    browser.findElement(By.cssSelector("[data-testid=hits] li a")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history-title")));
    for (String page : List.of("themes", "codebook", "backlog")) {
      browser.get(url("/insights/" + page));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
      assertThat(browser.getTitle()).doesNotContain("Error");
      shootFullPage("insights-" + page + ".png");
    }
    assertNoScriptErrors();
    browser.manage().deleteAllCookies(); // the other test starts signed out
  }

  /** The CSP allows no inline script; a violation or a script error shows up in the browser's console log. */
  private void assertNoScriptErrors() {
    List<String> severe = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
            || e.getMessage().contains("Content Security Policy"))
        .map(e -> e.getMessage())
        .filter(m -> !m.contains("favicon.ico"))
        .toList();
    assertThat(severe).isEmpty();
  }

  private void shoot(String name) throws IOException {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Grows the window to the page's height first, so the screenshot shows the whole page. */
  private void shootFullPage(String name) throws IOException {
    Dimension before = browser.manage().window().getSize();
    long height = ((Number) ((JavascriptExecutor) browser)
        .executeScript("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);")).longValue();
    browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(6000, height + 140)));
    try {
      Thread.sleep(400); // let Chart.js resize to the new viewport
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    shoot(name);
    browser.manage().window().setSize(before);
  }
}
