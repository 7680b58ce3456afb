package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.platform.Role;
import dev.followthrough.support.IntegrationTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConsolePagesTest extends IntegrationTest {

  private ConsoleSession admin() {
    return ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  /** Added the way an admin does it, through the users page. */
  private ConsoleSession newUser(Role role) {
    String email = unique(role.key()) + "@example.test";
    var admin = admin();
    var added = admin.post("/settings/users", Map.of("_csrf", admin.get("/settings/users").csrf(), "email", email,
        "displayName", "Test " + role.key(), "password", "a-long-enough-password", "role", role.key()));
    assertThat(added.status()).as(added.toString()).isEqualTo(302);
    return ConsoleSession.signedIn(port, email, "a-long-enough-password");
  }

  private void respond(String program, int score, String comment) {
    Reply r = post("/api/v1/responses", """
        {"sourceId": "%s", "score": %d, "comment": %s, "program": "%s", "touchpoint": "support",
         "contact": {"email": "%s@example.com", "name": "Robin"},
         "account": {"externalId": "%s", "name": "Initech", "tier": "smb", "arr": 42000}}"""
        .formatted(unique("r"), score, JSON.writeValueAsString(comment), program, unique("c"), unique("acct")));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
  }

  @Test
  void an_anonymous_visitor_is_sent_to_the_login_page() {
    var page = new ConsoleSession(port).get("/");
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).endsWith("/login");
  }

  @Test
  void the_login_page_says_when_a_sign_in_failed_and_when_the_user_signed_out() {
    var s = new ConsoleSession(port);
    var failed = s.signIn(ADMIN_EMAIL, "not-the-password");
    assertThat(failed.location()).endsWith("/login?error");
    assertThat(s.get("/login?error").body()).contains("do not match");

    var admin = admin();
    var dashboard = admin.get("/");
    var out = admin.post("/logout", Map.of("_csrf", dashboard.csrf()));
    assertThat(out.location()).endsWith("/login?logout");
    assertThat(admin.get("/login?logout").body()).contains("You are signed out");
    assertThat(admin.get("/").status()).as("the session is gone").isEqualTo(302);
  }

  @Test
  void a_viewer_sees_the_dashboard_but_cannot_open_user_settings() {
    var viewer = newUser(Role.VIEWER);
    var dashboard = viewer.get("/");
    assertThat(dashboard.status()).isEqualTo(200);
    assertThat(dashboard.body()).contains("viewer").doesNotContain("href=\"/settings/users\"");

    var settings = viewer.get("/settings/users");
    assertThat(settings.status()).isEqualTo(403);
    assertThat(settings.body()).contains("You don't have access to this page");
    assertThat(viewer.post("/settings/users", Map.of("_csrf", dashboard.csrf(), "email", "x@example.test",
        "password", "a-long-enough-password", "role", "admin")).status()).isEqualTo(403);
  }

  @Test
  void a_script_in_a_comment_is_shown_as_text_everywhere() {
    String program = unique("xss");
    respond(program, 2, "<script>alert(1)</script> and \"quotes\" & <b>tags</b>");
    var admin = admin();

    for (String path : new String[] {"/responses?program=" + program, "/?program=" + program}) {
      String body = admin.get(path).body();
      assertThat(body).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
          .doesNotContain("<script>alert(1)</script>").doesNotContain("<b>tags</b>");
    }
    Matcher detail = Pattern.compile("href=\"(/responses/[0-9a-f-]{36})\"").matcher(admin.get("/responses?program=" + program).body());
    assertThat(detail.find()).isTrue();
    assertThat(admin.get(detail.group(1)).body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)</script>");
  }

  @Test
  void the_dashboard_shows_nps_with_its_interval_and_flags_a_small_sample() {
    String program = unique("onboarding");
    for (int score : new int[] {10, 9, 9, 7, 3}) respond(program, score, "score " + score);
    String body = admin().get("/?program=" + program).body();
    // 3 promoters, 1 passive, 1 detractor of 5: NPS +40
    assertThat(body).contains("data-testid=\"nps\"").contains(">+40<").contains("data-testid=\"n\">5<")
        .contains("n &lt; 30").contains("95% CI").contains("data-trend-src=\"/console/nps.json?program=" + program);
  }

  @Test
  void filters_that_make_no_sense_are_explained_not_fatal() {
    var page = admin().get("/?from=yesterday&kind=sideways");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("must be a date like 2026-03-01").contains("must be one of relational, transactional");
  }

  @Test
  void htmx_gets_only_the_part_of_the_page_it_swaps() {
    var admin = admin();
    var part = admin.get("/?every=week", "HX-Request", "true");
    assertThat(part.status()).isEqualTo(200);
    assertThat(part.body()).doesNotContain("<html").doesNotContain("class=\"sidebar\"");
    var restore = admin.get("/?every=week", "HX-History-Restore-Request", "true");
    assertThat(restore.body()).contains("<html");
  }

  @Test
  void console_json_has_the_shape_of_the_api() {
    String program = unique("json");
    respond(program, 9, null);
    respond(program, 4, null);
    var admin = admin();
    var page = admin.getJson("/console/nps.json?groupBy=month&program=" + program);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("application/json");
    JsonNode console = JSON.readTree(page.body());
    JsonNode api = get("/api/v1/nps?groupBy=month&program=" + program).json();
    assertThat(console.get("overall")).isEqualTo(api.get("overall"));
    assertThat(console.get("groups")).isEqualTo(api.get("groups"));
    assertThat(console.get("overall").get("n").asLong()).isEqualTo(2);

    assertThat(new ConsoleSession(port).getJson("/console/nps.json").status()).as("needs a session").isIn(302, 401);
  }

  @Test
  void an_admin_creates_an_api_key_whose_token_is_shown_once_and_works() {
    var admin = admin();
    var page = admin.get("/settings/api-keys");
    String name = unique("crm-sync");
    var created = admin.post("/settings/api-keys", Map.of("_csrf", page.csrf(), "name", name, "role", "viewer"));
    assertThat(created.status()).isEqualTo(302);

    String shown = admin.get("/settings/api-keys").body();
    Matcher token = Pattern.compile("id=\"new-token\">(ft_[A-Za-z0-9_-]+)<").matcher(shown);
    assertThat(token.find()).as(shown).isTrue();
    assertThat(admin.get("/settings/api-keys").body()).as("shown once").doesNotContain(token.group(1)).contains(name);

    Reply withKey = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/nps")))
        .header("Authorization", "Bearer " + token.group(1)).GET());
    assertThat(withKey.status()).isEqualTo(200);
  }

  @Test
  void an_admin_adds_a_user_who_can_then_sign_in() {
    var admin = admin();
    String email = unique("dana") + "@example.test";
    var page = admin.get("/settings/users");
    var tooShort = admin.post("/settings/users", Map.of("_csrf", page.csrf(), "email", email, "displayName", "Dana",
        "password", "short", "role", "manager"));
    assertThat(tooShort.status()).isEqualTo(422);
    assertThat(tooShort.body()).contains("at least 12 characters");

    var ok = admin.post("/settings/users", Map.of("_csrf", page.csrf(), "email", email, "displayName", "Dana",
        "password", "a-long-enough-password", "role", "manager"));
    assertThat(ok.status()).isEqualTo(302);
    assertThat(admin.get("/settings/users").body()).contains(email).contains("can now sign in as manager");
    assertThat(ConsoleSession.signedIn(port, email, "a-long-enough-password").get("/").body()).contains("manager");
  }

  @Test
  void a_form_without_its_csrf_token_is_refused() {
    var admin = admin();
    var page = admin.post("/settings/api-keys", Map.of("name", "forged", "role", "admin"));
    assertThat(page.status()).isEqualTo(403);
  }

  @Test
  void responses_and_accounts_pages_list_what_arrived() {
    String program = unique("renewal");
    respond(program, 10, "Renewal went smoothly");
    var admin = admin();
    var list = admin.get("/responses?program=" + program);
    assertThat(list.body()).contains("Renewal went smoothly").contains("1–1 of <strong>1</strong>");
    var accounts = admin.get("/accounts?program=" + program + "&sort=nps&dir=asc");
    assertThat(accounts.status()).isEqualTo(200);
    assertThat(accounts.body()).contains("Initech").contains("aria-sort=\"ascending\"");
    assertThat(admin.get("/accounts").status()).isEqualTo(200);
    assertThat(admin.get("/responses/not-a-uuid").status()).isEqualTo(404);
  }

  @Test
  void a_response_sent_again_with_changes_shows_its_revisions() {
    String sourceId = unique("rev");
    String body = """
        {"sourceId": "%s", "score": %d, "comment": "%s", "program": "revisions"}""";
    assertThat(post("/api/v1/responses", body.formatted(sourceId, 4, "Slow support")).status()).isEqualTo(201);
    Reply second = post("/api/v1/responses", body.formatted(sourceId, 8, "Slow support, but they fixed it"));
    assertThat(second.status()).as(second.toString()).isIn(200, 201);
    String id = second.json().get("id").asString();

    String detail = admin().get("/responses/" + id).body();
    assertThat(detail).contains("data-testid=\"history\"").contains("Slow support, but they fixed it")
        .contains("revision 2").containsPattern(">\\s*1\\s*</th>");
  }

  @Test
  void a_response_page_says_whether_it_is_followed_up_and_why() {
    Reply old = post("/api/v1/responses", """
        {"sourceId": "%s", "score": 2, "respondedAt": "2026-01-05T10:00:00Z", "program": "why"}""".formatted(unique("old")));
    String oldId = old.json().get("id").asString();
    String page = await("the decision on " + oldId, () -> {
      String body = admin().get("/responses/" + oldId).body();
      return body.contains("No follow-up") ? java.util.Optional.of(body) : java.util.Optional.empty();
    });
    assertThat(page).contains("data-testid=\"follow-up\"").contains("historical import");

    Reply fresh = post("/api/v1/responses", """
        {"sourceId": "%s", "score": 1, "comment": "Nobody called back", "program": "why",
         "contact": {"externalId": "%s"}}""".formatted(unique("new"), unique("c")));
    String freshId = fresh.json().get("id").asString();
    String withCase = await("a case for " + freshId, () -> {
      String body = admin().get("/responses/" + freshId).body();
      return body.contains("/cases/") ? java.util.Optional.of(body) : java.util.Optional.empty();
    });
    assertThat(withCase).contains("Follow up").contains("Detractors");
  }
}
