package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.platform.Role;
import dev.followthrough.support.IntegrationTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The insight pages over HTTP as a browser sends them: roles, CSRF, escaping, forms. */
class InsightsConsoleTest extends IntegrationTest {

  private ConsoleSession admin() {
    return ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  private ConsoleSession viewer() {
    String email = unique("viewer") + "@example.test";
    var admin = admin();
    var added = admin.post("/settings/users", Map.of("_csrf", admin.get("/settings/users").csrf(), "email", email,
        "displayName", "Test viewer", "password", "a-long-enough-password", "role", Role.VIEWER.key()));
    assertThat(added.status()).as(added.toString()).isEqualTo(302);
    return ConsoleSession.signedIn(port, email, "a-long-enough-password");
  }

  /** Records a response and waits until the listener has coded it; returns its first coding's id. */
  private UUID codedResponse(String comment) {
    Reply r = post("/api/v1/responses", """
        {"sourceId": "%s", "score": 3, "comment": %s, "contact": {"email": "%s@example.com"},
         "account": {"externalId": "%s", "name": "Initech", "tier": "smb", "arr": 42000}}"""
        .formatted(unique("r"), JSON.writeValueAsString(comment), unique("c"), unique("acct")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    UUID response = UUID.fromString(r.json().get("id").asString());
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(until)) {
      var id = jdbc.sql("SELECT c.id FROM insights_coding c JOIN insights_text t ON t.id = c.text_id WHERE t.source_id = :id LIMIT 1")
          .param("id", response).query(UUID.class).optional();
      if (id.isPresent()) return id.get();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    throw new AssertionError("the comment was not coded within 30 s");
  }

  @Test
  void a_viewer_reads_the_review_queue_but_only_an_agent_or_more_may_decide() {
    UUID coding = codedResponse("The invoice was wrong twice and it took weeks to correct.");
    var viewer = viewer();
    var page = viewer.get("/insights/review");
    assertThat(page.status()).isEqualTo(200);
    assertThat(viewer.post("/insights/review/" + coding, Map.of("_csrf", page.csrf(), "action", "confirm")).status()).isEqualTo(403);
    assertThat(viewer.get("/insights/backlog").status()).isEqualTo(200);
    assertThat(viewer.post("/insights/backlog", Map.of("_csrf", page.csrf(), "scope", "all")).status()).isEqualTo(403);

    var admin = admin();
    var done = admin.post("/insights/review/" + coding, Map.of("_csrf", admin.get("/insights/review").csrf(), "action", "correct",
        "mechanism", "billing-errors"));
    assertThat(done.status()).isEqualTo(302);
    assertThat(URLDecoder.decode(done.location(), StandardCharsets.UTF_8)).contains("billing-errors");
    assertThat(jdbc.sql("SELECT mechanism || ':' || status FROM insights_coding WHERE id = :id").param("id", coding)
        .query(String.class).single()).isIn("billing-errors:confirmed", "billing-errors:corrected");
    assertThat(admin.post("/insights/review/" + coding, Map.of("action", "confirm")).status()).isEqualTo(403); // no CSRF token
  }

  @Test
  void a_script_in_a_comment_is_shown_as_text_on_the_insight_pages() {
    String marker = unique("xss").replace("-", "");
    codedResponse("<script>alert(1)</script> exports keep timing out " + marker);
    var admin = admin();
    String search = admin.get("/insights/search?q=" + marker).body();
    assertThat(search).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");
    assertThat(admin.get("/insights/review").body()).doesNotContain("<script>alert(1)</script>");
    var detail = java.util.regex.Pattern.compile("href=\"(/responses/[0-9a-f-]{36})\"").matcher(search);
    assertThat(detail.find()).isTrue();
    assertThat(admin.get(detail.group(1)).body()).contains("data-testid=\"mechanisms\"").doesNotContain("<script>alert(1)</script>");
  }

  @Test
  void the_codebook_page_exports_json_and_refuses_a_broken_import_naming_the_field() {
    var admin = admin();
    var page = admin.get("/insights/codebook");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Cannot justify the cost internally");
    var export = admin.getJson("/insights/codebook/export");
    assertThat(export.contentType()).startsWith("application/json");
    assertThat(JSON.readTree(export.body()).get("categories").size()).isGreaterThanOrEqualTo(12);
    var refused = admin.post("/insights/codebook", Map.of("_csrf", page.csrf(), "json", "{\"categories\": [{\"key\": \"x\"}]}"));
    assertThat(URLDecoder.decode(refused.location(), StandardCharsets.UTF_8)).contains("Not saved: categories[0].mechanisms");
  }

  @Test
  void a_word_search_with_repeated_or_stop_words_answers_and_marks_only_the_matched_words() {
    String marker = unique("srch").replace("-", "");
    codedResponse("Support never called back. The app and the export both fail for " + marker + " <b>& co</b>.");
    var admin = admin();
    var page = admin.get("/insights/search?q=the+app+and+the+export+" + marker + "&mode=text");
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("The <mark>app</mark> and the <mark>export</mark> both fail for <mark>" + marker + "</mark>")
        .contains("&lt;b&gt;&amp; co&lt;/b&gt;").doesNotContain("<mark>the</mark>").doesNotContain("<mark>The</mark>");
    var repeated = admin.get("/insights/search?q=support+support+" + marker + "&mode=text");
    assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
    assertThat(repeated.body()).contains("<mark>Support</mark> never called back.");
    Reply api = get("/api/v1/insights/search?q=support+support&mode=text&limit=200");
    assertThat(api.status()).as(api.toString()).isEqualTo(200);
    assertThat(api.json().get("items").toString()).contains("<mark>Support</mark> never called back.");
  }
}
