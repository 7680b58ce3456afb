package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The stored-XSS corpus ({@code src/test/resources/hostile/xss.txt}, 100+ payloads) goes in through the
 * customer-supplied fields of the ingest API (comment, contact and account names, attributes, program,
 * touchpoint) and every console page is opened in Chromium with a hook, installed before any page script,
 * that records calls of alert / confirm / prompt / print and every CSP violation; after each page the DOM is
 * searched for event-handler attributes and {@code javascript:} URLs that came from the data. Goal: none.
 */
class StoredXssBrowserTest extends IntegrationTest {

  static final String HOOK = """
      window.__xss = [];
      for (const n of ['alert', 'confirm', 'prompt', 'print']) {
        window[n] = function () { window.__xss.push(n + '(' + Array.from(arguments).join(',') + ')'); };
      }
      document.addEventListener('securitypolicyviolation',
        e => window.__xss.push('csp ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
      """;

  // attributes only the payloads would bring: on… handlers and javascript: URLs outside the app's own markup
  static final String INJECTED = """
      const out = [];
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
          const v = (a.value || '').replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
          if (a.name.startsWith('on') || ((a.name === 'href' || a.name === 'src' || a.name === 'action' || a.name === 'formaction'
              || a.name === 'data' || a.name === 'xlink:href') && (v.startsWith('javascript:') || v.startsWith('data:text/html')))) {
            out.push(el.tagName + ' ' + a.name + '=' + a.value);
          }
        }
      }
      return out.concat(window.__xss || []);
      """;

  static Chromium chromium;

  @BeforeAll
  static void browser() throws Exception {
    chromium = Chromium.start("xss-");
    chromium.browser().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOK));
  }

  @AfterAll
  static void close() {
    if (chromium != null) chromium.close();
  }

  static List<String> payloads() throws Exception {
    return Files.readAllLines(Path.of("src/test/resources/hostile/xss.txt")).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
  }

  @Test
  void no_payload_runs_or_trips_the_csp_on_any_console_page() throws Exception {
    List<String> payloads = payloads();
    assertThat(payloads).hasSizeGreaterThanOrEqualTo(100);
    String tag = unique("xss");
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < payloads.size(); i++) {
      String p = payloads.get(i);
      String s = HostileInputTest.jsonString(p);
      items.append(i == 0 ? "" : ",").append("""
          {"source": "%s", "sourceId": "x-%d", "score": %d, "comment": %s, "program": %s, "touchpoint": %s,
           "attributes": {"plan": %s},
           "contact": {"externalId": "%s-c%d", "email": "xss%d@example.test", "name": %s, "role": %s},
           "account": {"externalId": "%s-a%d", "name": %s, "tier": %s}}""".formatted(tag, i, i % 11, s,
          HostileInputTest.jsonString(clip(p, 200)), HostileInputTest.jsonString(clip(p, 200)), HostileInputTest.jsonString(clip(p, 200)),
          tag, i, i, HostileInputTest.jsonString(clip(p, 200)), HostileInputTest.jsonString(clip(p, 200)),
          tag, i % 20, HostileInputTest.jsonString(clip(p, 200)), HostileInputTest.jsonString(clip(p, 100))));
    }
    var r = post("/api/v1/responses/batch", "{\"items\": [" + items + "]}");
    assertThat(r.status()).as(r.toString()).isLessThan(300);
    assertThat(r.body()).doesNotContain("\"rejected\":" + payloads.size());

    var b = chromium.browser();
    b.get(url("/login"));
    b.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
    b.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
    b.findElement(By.cssSelector("form button[type=submit]")).click();

    List<String> pages = new ArrayList<>(List.of("/", "/responses", "/responses?q=" + tag, "/accounts", "/metrics", "/surveys", "/reports",
        "/cases", "/rules", "/outreach", "/interviews", "/outreach/templates", "/insights/impact", "/insights/review", "/insights/search?q=script",
        "/insights/themes", "/insights/codebook", "/insights/backlog", "/actions", "/actions/sprint", "/actions/routing", "/settings/api-keys",
        "/settings/users", "/settings/sources", "/settings/audit"));
    // the detail pages of some of the stored responses and accounts
    for (String id : jdbc.sql("SELECT id::text FROM responses_response WHERE source = ? ORDER BY source_id LIMIT 15").param(tag).query(String.class).list()) {
      pages.add("/responses/" + id);
    }
    for (String id : jdbc.sql("SELECT a.id::text FROM responses_account a WHERE a.external_id LIKE ? LIMIT 5").param(tag + "%").query(String.class).list()) {
      pages.add("/accounts/" + id);
    }
    List<String> found = new ArrayList<>();
    int showing = 0;
    for (String page : pages) {
      b.get(url(page));
      @SuppressWarnings("unchecked")
      List<Object> hits = (List<Object>) b.executeScript(INJECTED);
      for (Object h : hits) found.add(page + ": " + h);
      if (b.getPageSource().contains(tag) || b.getPageSource().contains("onerror")) showing++;
    }
    System.out.println("stored XSS: " + payloads.size() + " payloads, " + pages.size() + " pages opened, " + showing
        + " of them showing the payloads' data; executed or injected: " + found.size());
    assertThat(showing).as("pages that show the stored payloads").isGreaterThanOrEqualTo(5);
    assertThat(found).as("scripts run, CSP violations or injected handlers").isEmpty();
  }

  private static String clip(String s, int n) {
    return s.length() > n ? s.substring(0, n) : s;
  }
}
