package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.surveys.SurveyFixtures;
import dev.followthrough.surveys.SurveySend;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A customer on a phone-sized screen opens the survey email's scale link in a real Chromium and answers. */
class SurveyBrowserTest extends SurveyFixtures {

  static Chromium chromium;
  static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = Chromium.start("survey-");
    browser = chromium.browser();
    browser.manage().window().setSize(new Dimension(390, 844));
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) chromium.close();
  }

  @Test
  void one_click_in_the_email_saves_the_score_and_the_comment_and_opt_in_are_added_on_the_page() {
    Surveyed x = surveyedByEmail("browser", "Europe/Berlin", "");
    UUID contact = x.contact();
    UUID program = x.program();

    // the link exactly as the email's HTML part carries it
    Matcher m = Pattern.compile("data-score=\"7\" href=\"([^\"]+)\"").matcher(html(x.mail()));
    assertThat(m.find()).isTrue();
    // the app's public base URL is not configured in tests: the link names the fallback host
    String link = url(m.group(1).replace("&amp;", "&").replaceFirst("^https?://[^/]+", ""));
    assertThat(link).contains("/s/").endsWith("?score=7");

    browser.get(link);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    assertThat(browser.findElement(By.cssSelector("[data-testid=score-7]")).isSelected()).isTrue();
    assertThat(browser.findElement(By.cssSelector("legend")).getText()).contains("How likely are you to recommend");
    // the page's script posts the score after a moment: the thank-you page follows without a click
    WebElement thanks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=thanks]")));
    assertThat(thanks.getText()).contains("Thank you");
    SurveySend saved = sendOf(program, contact);
    assertThat(saved.status()).isEqualTo("responded");
    assertThat(saved.score()).isEqualTo(7);
    assertThat(browser.manage().getCookies()).as("no tracking, no session").isEmpty();

    // the comment page is pre-filled with the score; the customer adds a reason and opts in
    assertThat(browser.findElement(By.cssSelector("[data-testid=score-7]")).isSelected()).isTrue();
    assertThat(browser.findElement(By.cssSelector("label[for=sv-comment]")).getText())
        .isEqualTo("What is the primary reason for your score?");
    browser.findElement(By.cssSelector("[data-testid=comment]")).sendKeys("Onboarding took too long.");
    browser.findElement(By.cssSelector("[data-testid=opt-in]")).click();
    WebElement before = browser.findElement(By.cssSelector("[data-testid=survey]"));
    browser.findElement(By.cssSelector("[data-testid=send]")).click();
    // the typed value is already in the old page: wait for the page the POST answers with, then read it
    wait.until(ExpectedConditions.stalenessOf(before));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> "Onboarding took too long.".equals(d.findElement(By.cssSelector("[data-testid=comment]")).getAttribute("value")));

    var row = jdbc.sql("SELECT score, comment, attributes->>'followUpOptIn', revision FROM responses_response WHERE id = ?")
        .param(saved.responseId()).query((rs, i) -> List.of(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
        .single();
    assertThat(row).containsExactly(7, "Onboarding took too long.", "true", 2);
    assertThat(browser.findElement(By.cssSelector("[data-testid=opt-in]")).isSelected()).isTrue();
  }
}
