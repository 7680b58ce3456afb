package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.interviews.InterviewFixtures;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.Play;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** An Arabic and a Hebrew customer on a phone-sized screen: the pages lay out right to left and never overflow. */
class RightToLeftBrowserTest extends InterviewFixtures {

  static Chromium chromium;
  static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = Chromium.start("rtl-");
    browser = chromium.browser();
    browser.manage().window().setSize(new Dimension(390, 844));
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) chromium.close();
  }

  void language(UUID contactId, String language) {
    jdbc.sql("UPDATE responses_contact SET attributes = attributes || jsonb_build_object('language', ?::text) WHERE id = ?")
        .params(language, contactId).update();
  }

  Object js(String script, Object... args) {
    return browser.executeScript(script, args);
  }

  void assertRightToLeftWithoutOverflow() {
    assertThat(js("return document.documentElement.dir")).isEqualTo("rtl");
    assertThat(js("return getComputedStyle(document.querySelector('main')).direction")).isEqualTo("rtl");
    Number scroll = (Number) js("return document.documentElement.scrollWidth");
    Number client = (Number) js("return document.documentElement.clientWidth");
    assertThat(scroll.intValue()).as("no horizontal scrolling").isLessThanOrEqualTo(client.intValue());
    Number widest = (Number) js("""
        let w = 0; for (const e of document.querySelectorAll('main *')) { const r = e.getBoundingClientRect();
        if (r.width > 0) w = Math.max(w, r.right, document.documentElement.clientWidth - r.left); } return w;""");
    assertThat(widest.intValue()).as("nothing reaches past the viewport").isLessThanOrEqualTo(client.intValue());
  }

  @Test
  void the_arabic_survey_page_reads_from_the_right() {
    Customer c = aCustomerWithACase(3, "الدعم بطيء جدا", Channel.INTERVIEW, Play.RECOVER);
    language(c.contactId(), "ar");
    String link = links.surveyLink(c.caseId(), c.contactId());
    browser.get(url(link.substring(link.indexOf("/s/"))));

    assertRightToLeftWithoutOverflow();
    assertThat(browser.findElement(By.cssSelector("legend")).getText()).contains("ما مدى احتمال أن توصي بنا");
    // the scale starts on the right: 0 stands right of 1
    WebElement zero = browser.findElement(By.cssSelector("[data-testid=score-0]")).findElement(By.xpath(".."));
    WebElement one = browser.findElement(By.cssSelector("[data-testid=score-1]")).findElement(By.xpath(".."));
    assertThat(zero.getRect().getX()).isGreaterThan(one.getRect().getX());
    // the question's text starts at the right edge of the form
    WebElement form = browser.findElement(By.cssSelector("[data-testid=survey-form]"));
    WebElement label = browser.findElement(By.cssSelector(".sv-label"));
    int formRight = form.getRect().getX() + form.getRect().getWidth();
    int labelRight = label.getRect().getX() + label.getRect().getWidth();
    assertThat(Math.abs(formRight - labelRight)).isLessThanOrEqualTo(2);
    Number textEnd = (Number) js("""
        const r = document.createRange(); r.selectNodeContents(arguments[0]); return r.getBoundingClientRect().right;""", label);
    assertThat(textEnd.doubleValue()).as("Arabic text hugs the right edge").isGreaterThan(formRight - 4);
  }

  @Test
  void the_hebrew_unsubscribe_page_reads_from_the_right() {
    Customer c = aCustomerWithACase(3, "התמיכה איטית", Channel.INTERVIEW, Play.RECOVER);
    language(c.contactId(), "he");
    String link = links.unsubscribeLink(c.contactId());
    browser.get(url(link.substring(link.indexOf("/u/"))));
    assertRightToLeftWithoutOverflow();
    assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("להפסיק לקבל את המיילים האלה?");
  }
}
