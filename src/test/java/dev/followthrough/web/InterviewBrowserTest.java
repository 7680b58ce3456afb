package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.interviews.InterviewFixtures;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.Play;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A customer on a phone-sized screen in a real Chromium completes their interview from the invitation link. */
class InterviewBrowserTest extends InterviewFixtures {

  static Chromium chromium;
  static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = Chromium.start("interview-");
    browser = chromium.browser();
    browser.manage().window().setSize(new Dimension(390, 844));
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) chromium.close();
  }

  @Test
  void a_customer_completes_the_interview_as_a_chat_without_a_page_reload_and_with_the_keyboard() throws IOException {
    Customer c = aCustomerWithACase(3, "The product is too complicated.", Channel.INTERVIEW, Play.RECOVER);
    browser.get(url("/i/" + c.token()));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);

    // honest framing, accessible structure
    assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    assertThat(browser.findElement(By.cssSelector(".iv-intro")).getText()).contains("not a sales").contains("stop at any time");
    assertThat(browser.findElement(By.id("iv-log")).getAttribute("aria-live")).isEqualTo("polite");
    assertThat(browser.findElement(By.cssSelector("label[for=iv-text]")).getText()).contains("Your answer");
    assertThat(browser.findElement(By.id("iv-question")).getText()).contains("Walk me through");
    assertThat(browser.manage().getCookies()).as("no tracking, no session").isEmpty();

    ((JavascriptExecutor) browser).executeScript("window.__samePage = true;");
    int i = 0;
    while (true) {
      String kind = lastKind();
      if (kind.equals("summary")) break;
      int before = messages();
      WebElement box = browser.findElement(By.id("iv-text"));
      box.sendKeys(DETRACTOR_ANSWERS.get(i));
      if (i % 2 == 0) browser.findElement(By.cssSelector("[data-testid=send]")).click();
      else box.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER)); // the keyboard shortcut
      i++;
      wait.until(d -> messages() >= before + 2);
      assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus returns to the answer box").isEqualTo("iv-text");
      assertThat(i).as("reaches the summary").isLessThan(DETRACTOR_ANSWERS.size());
    }
    assertThat(browser.findElement(By.id("iv-question")).getText()).contains("CSV export times out").contains("Did I get that right");
    browser.findElement(By.id("iv-text")).sendKeys("Yes, that's right.");
    browser.findElement(By.cssSelector("[data-testid=send]")).click();
    WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=done]")));
    assertThat(done.getText()).contains("complete");
    assertThat(lastText()).contains("Thank you");
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__samePage === true")).as("no reload").isEqualTo(true);
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), chromium.screenshots().resolve("interview-done.png"),
        StandardCopyOption.REPLACE_EXISTING);

    // nothing broke the CSP or threw
    List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(e -> e.getMessage()).toList();
    assertThat(severe).isEmpty();

    // coming back to the link shows the finished conversation, with no answer box
    browser.get(url("/i/" + c.token()));
    assertThat(browser.findElements(By.id("iv-form"))).isEmpty();
    assertThat(browser.findElement(By.cssSelector("[data-testid=done]")).isDisplayed()).isTrue();
    String status = jdbc.sql("SELECT status FROM interviews_session WHERE case_id = :c").param("c", c.caseId()).query(String.class).single();
    assertThat(status).isEqualTo("completed");
  }

  @Test
  void a_customer_stops_and_later_continues_from_the_same_link() {
    Customer c = aCustomerWithACase(4, null, Channel.INTERVIEW, Play.RECOVER);
    browser.get(url("/i/" + c.token()));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // the page re-renders <main> on stop
    browser.findElement(By.id("iv-text")).sendKeys("Our Salesforce sync dropped 50 contacts on Monday.");
    browser.findElement(By.cssSelector("[data-testid=send]")).click();
    wait.until(d -> messages() >= 3);
    browser.findElement(By.cssSelector("[data-testid=stop]")).click();
    wait.until(d -> "stopped".equals(browser.findElement(By.cssSelector("main")).getAttribute("data-status")));
    assertThat(lastText()).contains("this link still works");
    assertThat(browser.findElement(By.cssSelector("label[for=iv-text]")).getText()).contains("continue");

    browser.get(url("/i/" + c.token()));
    int before = messages();
    browser.findElement(By.id("iv-text")).sendKeys("It started after the May update, every Monday since.");
    browser.findElement(By.cssSelector("[data-testid=send]")).click();
    wait.until(d -> messages() >= before + 2);
    assertThat(browser.findElement(By.cssSelector("main")).getAttribute("data-status")).isEqualTo("in_progress");
  }

  private static int messages() {
    return browser.findElements(By.cssSelector("#iv-log li")).size();
  }

  private static String lastKind() {
    List<WebElement> items = browser.findElements(By.cssSelector("#iv-log li"));
    return items.getLast().getAttribute("data-kind");
  }

  private static String lastText() {
    List<WebElement> items = browser.findElements(By.cssSelector("#iv-log li"));
    return items.getLast().getText();
  }
}
