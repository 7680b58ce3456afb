package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.followup.CaseQueries;
import dev.followthrough.followup.FollowUps;
import dev.followthrough.platform.Role;
import dev.followthrough.support.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import org.springframework.beans.factory.annotation.Autowired;

/** A CSM works a case end to end in a real Chromium: inbox, take it, log the call, record the outcome, close. */
class InboxBrowserTest extends IntegrationTest {

  static WebDriver browser;
  static Path screenshots;

  private final FollowUps followUps;
  private final CaseQueries cases;

  @Autowired
  InboxBrowserTest(FollowUps followUps, CaseQueries cases) {
    this.followUps = followUps;
    this.cases = cases;
  }

  static Chromium chromium;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = Chromium.start("inbox-");
    browser = chromium.browser();
    screenshots = chromium.screenshots();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) chromium.close();
  }

  @Test
  void an_agent_takes_a_case_logs_the_call_and_closes_it_as_resolved() throws IOException {
    UUID id = CasePagesTest.aCase(this::post, followUps, "The export failed three times before our board meeting.", null, 2);
    String email = unique("csm") + "@example.test";
    var admin = ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    var added = admin.post("/settings/users", Map.of("_csrf", admin.get("/settings/users").csrf(), "email", email,
        "displayName", "Casey Agent", "password", "a-long-enough-password", "role", Role.AGENT.key()));
    assertThat(added.status()).isEqualTo(302);

    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys("a-long-enough-password");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // htmx swaps parts of the page
    wait.until(ExpectedConditions.urlMatches(".*/$"));

    browser.findElement(By.linkText("Inbox")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-tab=open]"))).click();
    wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-tab=open]"), "aria-current", "page"));
    wait.until(d -> { // the tab's htmx swap may replace the filter form under our hands
      try {
        new Select(d.findElement(By.id("f-sort"))).selectByValue("opened"); // htmx swaps the list
        return true;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return false;
      }
    });
    wait.until(ExpectedConditions.urlContains("sort=opened"));
    wait.until(ExpectedConditions.attributeToBe(By.id("f-sort"), "value", "opened"));
    By row = By.cssSelector("tr[data-case='" + id + "']");
    wait.until(d -> {
      try {
        String text = d.findElement(row).getText();
        return text.contains("Robin Example") && text.contains("due in");
      } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
        return false;
      }
    });
    shootFullPage("inbox.png");
    wait.until(d -> {
      try {
        d.findElement(row).findElement(By.cssSelector("a.case-link")).click();
        return true;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return false;
      }
    });

    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=take]"))).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=case-owner]"), "Casey Agent"));

    WebElement attempt = browser.findElement(By.cssSelector("[data-testid=attempt-form]"));
    new Select(attempt.findElement(By.name("channel"))).selectByValue("call");
    new Select(attempt.findElement(By.name("result"))).selectByValue("reached");
    attempt.findElement(By.name("note")).sendKeys("Spoke with Robin; exports on the large workspace time out.");
    attempt.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=notice]"), "Attempt logged."));
    assertThat(browser.findElement(By.cssSelector("[data-testid=case-status]")).getText()).isEqualTo("Contacted");

    WebElement outcome = browser.findElement(By.cssSelector("[data-testid=outcome-form]"));
    outcome.findElement(By.name("rootCause")).sendKeys("Export job times out above 2 GB");
    outcome.findElement(By.name("action")).sendKeys("Raised export limit; engineering fix scheduled");
    outcome.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=notice]"), "Outcome saved."));

    WebElement close = browser.findElement(By.cssSelector("[data-testid=outcome-form]"));
    assertThat(close.findElement(By.name("rootCause")).getDomProperty("value")).isEqualTo("Export job times out above 2 GB");
    assertThat(close.findElement(By.cssSelector("input[name=outcome][value=resolved]")).isSelected()).isTrue();
    close.findElement(By.cssSelector("[data-testid=close]")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=case-status]"), "Closed"));
    shootFullPage("case-closed.png");

    var closed = cases.find(id).orElseThrow();
    assertThat(closed.status()).isEqualTo("closed");
    assertThat(closed.outcome()).isEqualTo("resolved");
    assertThat(closed.rootCause()).isEqualTo("Export job times out above 2 GB");
    assertThat(closed.actionTaken()).isEqualTo("Raised export limit; engineering fix scheduled");
    assertThat(closed.owner()).isEqualTo("Casey Agent");
    List<CaseQueries.Entry> timeline = cases.timeline(id);
    assertThat(timeline).extracting(CaseQueries.Entry::type)
        .containsSubsequence("opened", "assigned", "attempt", "outcome", "closed");
    assertThat(timeline.stream().filter(e -> !e.type().equals("opened"))).allMatch(e -> e.actor().equals(email));
    List<String> actors = browser.findElements(By.cssSelector("[data-testid=timeline] [data-testid=actor]")).stream()
        .map(WebElement::getText).toList();
    assertThat(actors).contains(email, "Trigger rules");
    assertThat(browser.findElement(By.cssSelector("[data-testid=timeline]")).getText())
        .contains("Closed as resolved").contains("Call attempt: reached");
    assertNoScriptErrors();
  }

  private void assertNoScriptErrors() {
    List<String> severe = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
            || e.getMessage().contains("Content Security Policy"))
        .map(e -> e.getMessage())
        .filter(m -> !m.contains("favicon.ico"))
        .toList();
    assertThat(severe).isEmpty();
  }

  private void shootFullPage(String name) throws IOException {
    Dimension before = browser.manage().window().getSize();
    long height = ((Number) ((JavascriptExecutor) browser)
        .executeScript("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);")).longValue();
    browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(6000, height + 140)));
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    browser.manage().window().setSize(before);
  }
}
