package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every console page in real Chromium at a laptop (1280×800) and a phone (390×844): a full-page
 * screenshot of each under {@code <build dir>/screenshots/layout}, and a failure naming the page
 * when the page scrolls sideways, when a table or its container runs past the content column (cut
 * off), or — on the laptop — when a table needs sideways scrolling at all. The verdicts and page
 * heights are written to {@code layout/verdicts.txt} beside the screenshots.
 */
class LayoutBrowserTest extends IntegrationTest {

  record Viewport(String name, int width, int height, boolean mobile) {}

  static final List<Viewport> VIEWPORTS = List.of(new Viewport("laptop", 1280, 800, false),
      new Viewport("phone", 390, 844, true));

  /** Detail pages: the first link of each kind found on the list pages is visited too. */
  static final Pattern DETAIL = Pattern.compile(
      "^/(cases|accounts|responses|actions|surveys|reports|interviews|hooks)/(?!new$|sprint$|routing$)[A-Za-z0-9_.-]{6,}$");

  static Chromium chromium;

  @BeforeAll
  static void startBrowser() throws IOException {
    chromium = Chromium.start("layout-");
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) chromium.close();
  }

  /** What the checks in the page found: problems fail the test, heights go into the verdicts. */
  static final String CHECK = """
      const problems = [];
      const de = document.documentElement;
      const main = document.querySelector('main') || document.body;
      const mr = main.getBoundingClientRect();
      const laptop = arguments[0];
      const label = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
          + (e.dataset && e.dataset.testid ? '[data-testid=' + e.dataset.testid + ']' : '')
          + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
      const scrolls = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
      if (de.scrollWidth > de.clientWidth + 1) {
        // name the outermost elements that stick out, so the verdict says where to look
        const wide = [];
        for (const e of document.body.querySelectorAll('*')) {
          const r = e.getBoundingClientRect();
          if (!r.width || r.right <= de.clientWidth + 1 || wide.length >= 3) continue;
          // inside a scroller it is clipped, unless it is positioned against something outside it (sr-only text)
          let a = e.parentElement, clipped = false;
          const absolute = getComputedStyle(e).position === 'absolute';
          while (a && a !== document.body) {
            if (scrolls(a) && (!absolute || getComputedStyle(a).position !== 'static')) { clipped = true; break; }
            a = a.parentElement;
          }
          if (clipped) continue;
          const p = e.parentElement;
          if (p && p !== document.body && p.getBoundingClientRect().right > de.clientWidth + 1) continue;
          wide.push(label(e) + ' (' + Math.round(r.right) + ' px)');
        }
        // content spilling out of a box that neither clips nor scrolls (a long word, a wide select)
        for (const e of document.body.querySelectorAll('*')) {
          if (wide.length >= 3) break;
          const r = e.getBoundingClientRect();
          if (!r.width || e.children.length > 0 && e.scrollWidth <= e.clientWidth + 1) continue;
          if (getComputedStyle(e).overflowX !== 'visible' || r.left + e.scrollWidth <= de.clientWidth + 1) continue;
          let a = e.parentElement, clipped = false;
          while (a && a !== document.body) { if (scrolls(a)) { clipped = true; break; } a = a.parentElement; }
          if (!clipped && e.scrollWidth > e.clientWidth + 1) wide.push(label(e) + ' overflows its box (' + e.scrollWidth + ' px content in ' + e.clientWidth + ')');
        }
        problems.push('the page scrolls sideways: ' + de.scrollWidth + ' px in ' + de.clientWidth + (wide.length ? ', widest: ' + wide.join(', ') : ''));
      }
      for (const t of main.querySelectorAll('table')) {
        if (!t.getClientRects().length) continue; // hidden (closed details, inactive tab)
        let c = t.parentElement;
        while (c && c !== main && !scrolls(c)) c = c.parentElement;
        const scroller = c && c !== main ? c : null;
        const box = scroller || t.parentElement;
        const tr = t.getBoundingClientRect(), br = box.getBoundingClientRect();
        if (br.right > mr.right + 1) problems.push(label(t) + ': its container ' + label(box) + ' runs ' + Math.round(br.right - mr.right) + ' px past the content column');
        if (!scroller && tr.right > br.right + 1) problems.push(label(t) + ' sticks out of ' + label(box) + ' by ' + Math.round(tr.right - br.right) + ' px');
        if (scroller && laptop && scroller.scrollWidth > scroller.clientWidth + 1)
          problems.push(label(t) + ' needs sideways scrolling at this width (' + (scroller.scrollWidth - scroller.clientWidth) + ' px hidden)');
      }
      // anything cut at the right edge of the content column (not inside something that scrolls)
      let cut = 0;
      for (const e of main.querySelectorAll('*')) {
        const r = e.getBoundingClientRect();
        if (!r.width || r.right <= mr.right + 1 || cut >= 5) continue;
        let a = e.parentElement, inScroller = false;
        while (a && a !== main) { if (scrolls(a)) { inScroller = true; break; } a = a.parentElement; }
        if (inScroller || getComputedStyle(e).position === 'fixed') continue;
        const p = e.parentElement;
        if (p && p !== main && p.getBoundingClientRect().right > mr.right + 1) continue; // report the outermost only
        problems.push(label(e) + ' runs ' + Math.round(r.right - mr.right) + ' px past the content column');
        cut++;
      }
      // the brand and its DEMO badge must fit in the sidebar
      const side = document.querySelector('.sidebar');
      if (side && getComputedStyle(side).display !== 'none') {
        const sr = side.getBoundingClientRect();
        for (const e of side.querySelectorAll('.brand *, .demo-flag')) {
          const r = e.getBoundingClientRect();
          if (r.width && r.right > sr.right + 1) problems.push(label(e) + ' is cut by the sidebar (' + Math.round(r.right - sr.right) + ' px)');
        }
      }
      return {problems: problems, height: Math.max(de.scrollHeight, document.body.scrollHeight)};
      """;

  @Test
  void every_console_page_fits_a_laptop_and_a_phone_without_sideways_overflow() throws Exception {
    seed();
    var browser = chromium.browser();
    browser.get(url("/login"));
    browser.manage().deleteAllCookies();
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
    browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));

    Set<String> pages = new LinkedHashSet<>();
    for (var a : browser.findElements(By.cssSelector(".sidebar a.nav-link"))) pages.add(path(a.getDomAttribute("href")));
    pages.add("/outreach/preview");
    Map<String, String> details = new LinkedHashMap<>();
    for (String page : List.copyOf(pages)) {
      browser.get(url(page));
      for (var a : browser.findElements(By.cssSelector("main a[href^='/']"))) {
        String href = path(a.getDomAttribute("href"));
        Matcher m = DETAIL.matcher(href);
        if (m.matches()) details.putIfAbsent(m.group(1), href);
      }
    }
    pages.addAll(details.values());

    Path dir = Files.createDirectories(chromium.screenshots().resolve("layout"));
    List<String> verdicts = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Viewport v : VIEWPORTS) {
      browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", v.width(), "height", v.height(),
          "deviceScaleFactor", 1, "mobile", v.mobile()));
      for (String page : pages) {
        browser.get(url(page));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
            "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        Thread.sleep(150); // htmx and charts settle
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(CHECK, !v.mobile());
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) result.get("problems");
        long height = ((Number) result.get("height")).longValue();
        String name = v.name() + "-" + (page.equals("/") ? "dashboard" : page.substring(1).replaceAll("[^A-Za-z0-9]+", "-"));
        shootFullPage(browser, dir.resolve(name + ".png"), v, height);
        String verdict = "%-7s %-60s %6d px  %s".formatted(v.name(), page, height, problems.isEmpty() ? "ok" : String.join("; ", problems));
        verdicts.add(verdict);
        if (!problems.isEmpty()) failures.add(verdict);
      }
    }
    browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    Files.write(dir.resolve("verdicts.txt"), verdicts);
    assertThat(pages).as("pages visited").hasSizeGreaterThan(20);
    assertThat(failures).as("layout problems (all verdicts in %s)", dir.resolve("verdicts.txt")).isEmpty();
  }

  private static String path(String href) {
    int q = href.indexOf('?');
    return q < 0 ? href : href.substring(0, q);
  }

  /** The whole page in one image, up to 16,000 px tall (Chromium's own limit is near there). */
  private static void shootFullPage(ChromeDriver browser, Path file, Viewport v, long height) throws IOException {
    long h = Math.min(16_000, Math.max(v.height(), height));
    // a viewport as tall as the page, so the sticky sidebar (100vh) spans the whole shot
    browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", v.width(), "height", h,
        "deviceScaleFactor", 1, "mobile", v.mobile()));
    try {
      Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
          "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", v.width(), "height", h, "scale", 1)));
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    } finally {
      browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", v.width(), "height", v.height(),
          "deviceScaleFactor", 1, "mobile", v.mobile()));
    }
  }

  /**
   * Content that stresses the layout: long comments and names, big accounts, detractors recent enough
   * to open cases, an intervention; then waits until the comments are coded.
   */
  private void seed() {
    String s = unique("layout");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String[] comments = {
        "Exports keep timing out on our larger workspaces and we lose hours every single week rebuilding the spreadsheets by hand.",
        "Three tickets, three different answers. Nobody owns our problem and the escalation path is a mystery to everyone here.",
        "The invoice was wrong twice and it took weeks to correct; finance now asks me to double-check every renewal quote.",
        "SSO broke after your update and locked out half the team — see https://status.example.com/incidents/2026-12-01-sso-outage-details",
        "Great support, quick answers.", "Fine, does the job.", "Love the new reporting!"};
    int[] scores = {1, 2, 3, 4, 9, 7, 10};
    for (int i = 0; i < 14; i++) {
      int k = i % comments.length;
      Reply r = post("/api/v1/responses", """
          {"sourceId": "%s-%d", "score": %d, "comment": %s, "respondedAt": "%sT10:00:00Z", "program": "Relationship %s",
           "kind": "relational", "touchpoint": "support",
           "contact": {"externalId": "%s-c%d", "email": "a.really.long.address.for.testing.%d@very-long-customer-domain-name.example", "name": "Bartholomew Fitzgerald-Montgomery %d"},
           "account": {"externalId": "%s-a%d", "name": "Consolidated Intercontinental Holdings %d", "tier": "enterprise",
                       "arr": %d, "renewalDate": "%s", "owner": "Priya Shah"}}"""
          .formatted(s, i, scores[k], JSON.writeValueAsString(comments[k]), today.minusDays(i % 3), s, s, i, i, i, s, i % 4, i % 4,
              1_250_000 + i * 10_000, today.plusDays(30 + i)));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    await("comments coded", () -> jdbc.sql("SELECT count(*) FROM insights_coding").query(Long.class).single() > 0
        ? java.util.Optional.of(true) : java.util.Optional.empty());
  }
}
