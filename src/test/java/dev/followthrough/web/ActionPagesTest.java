package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.platform.Role;
import dev.followthrough.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The actions pages over HTTP: readers read, only managers change, customer text is escaped, htmx gets a fragment. */
class ActionPagesTest extends IntegrationTest {

  private String anIntervention(String title) {
    Reply r = post("/api/v1/interventions", """
        {"title": %s, "mechanisms": ["slow-performance"], "outcome": "pages load in under 2 s", "dueOn": "2030-01-31",
         "notes": "N+1 queries on the <b>report</b> page"}""".formatted(JSON.writeValueAsString(title)));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  @Test
  void a_reader_sees_every_page_with_customer_text_escaped_but_cannot_change_anything() {
    String id = anIntervention(unique("Faster <script>alert('title')</script> reports"));
    UUID contact = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO actions_notice (id, intervention_id, contact_id, mechanism, source_type, source_id, status, notified_at, quote, score_before)
        VALUES (?, ?::uuid, ?, 'slow-performance', 'response', ?, 'queued', ?, ?, 3)""")
        .params(UUID.randomUUID(), id, contact, UUID.randomUUID(), Timestamp.from(Instant.now()),
            "it is <img src=x onerror=alert(1)> slow").update();

    var reader = CasePagesTest.newUser(port, Role.VIEWER);
    var list = reader.get("/actions");
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.body()).contains("data-intervention=\"" + id + "\"").contains("&lt;script&gt;").doesNotContain("<script>alert")
        .doesNotContain("data-testid=\"new-intervention\"").contains("href=\"/actions/sprint\"");

    var detail = reader.get("/actions/" + id);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body()).contains("data-testid=\"evidence\"").contains("data-testid=\"trail\"")
        .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x")
        .contains("&lt;b&gt;report&lt;/b&gt;").doesNotContain("data-testid=\"move-form\"").doesNotContain("data-testid=\"edit-form\"");
    assertThat(reader.get("/actions/sprint").status()).isEqualTo(200);
    var routing = reader.get("/actions/routing");
    assertThat(routing.status()).isEqualTo(200);
    assertThat(routing.body()).contains("data-mechanism=\"slow-performance\"").doesNotContain("data-testid=\"rule-form\"");

    String csrf = list.csrf();
    assertThat(reader.post("/actions/" + id + "/status", Map.of("_csrf", csrf, "status", "committed", "version", "0")).status())
        .isEqualTo(403);
    assertThat(reader.post("/actions/" + id, Map.of("_csrf", csrf, "title", "x", "version", "0")).status()).isEqualTo(403);
    assertThat(reader.post("/actions", Map.of("_csrf", csrf, "title", "x", "mechanisms", "slow-performance")).status()).isEqualTo(403);
    assertThat(reader.post("/actions/routing", Map.of("_csrf", csrf, "kind", "mechanism", "key", "outages", "team", "x")).status())
        .isEqualTo(403);
    assertThat(reader.get("/actions/new").status()).isEqualTo(403);
    assertThat(get("/api/v1/interventions/" + id).json().get("intervention").get("status").asString()).isEqualTo("proposed");
  }

  @Test
  void a_manager_creates_edits_moves_and_routes_from_the_console() {
    var admin = ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    var form = admin.get("/actions/new?mechanism=outages");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("data-testid=\"route\"").contains("option value=\"outages\" selected");

    var invalid = admin.post("/actions", Map.of("_csrf", form.csrf(), "title", "", "mechanisms", "outages"));
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body()).contains("title: is required");

    String title = unique("Status page for outages");
    var created = admin.post("/actions", Map.of("_csrf", form.csrf(), "title", title, "mechanisms", "outages",
        "outcome", "customers hear of an outage within 5 minutes", "dueOn", "2030-03-01"));
    assertThat(created.status()).as(created.toString()).isEqualTo(302);
    String id = created.location().substring(created.location().lastIndexOf('/') + 1);

    var page = admin.get("/actions/" + id);
    assertThat(page.body()).contains(title).contains("data-testid=\"move-form\"");
    var moved = admin.post("/actions/" + id + "/status", Map.of("_csrf", page.csrf(), "status", "committed", "version", "0",
        "note", "agreed"));
    assertThat(moved.status()).isEqualTo(302);
    assertThat(admin.get("/actions/" + id).body()).contains("Moved to committed").contains("proposed → committed");

    // a stale form (version 0 again) is refused with the reason
    admin.post("/actions/" + id, Map.of("_csrf", page.csrf(), "version", "0", "title", "stale edit"));
    assertThat(admin.get("/actions/" + id).body()).contains("version: someone changed this intervention");
    admin.post("/actions/" + id, Map.of("_csrf", page.csrf(), "version", "1", "title", title + " v2"));
    assertThat(admin.get("/actions/" + id).body()).contains(title + " v2").contains("Saved.");

    var partial = admin.get("/actions?status=committed", "HX-Request", "true");
    assertThat(partial.body()).contains("id=\"actions-body\"").contains(id).doesNotContain("<html");

    var routing = admin.get("/actions/routing");
    try {
      assertThat(admin.post("/actions/routing", Map.of("_csrf", routing.csrf(), "kind", "mechanism", "key", "outages",
          "team", "sre")).status()).isEqualTo(302);
      assertThat(admin.get("/actions/routing").body()).contains("Saved: outages → sre");
      assertThat(admin.post("/actions/routing", Map.of("_csrf", routing.csrf(), "kind", "mechanism", "key", "nope",
          "team", "sre")).status()).isEqualTo(302);
      assertThat(admin.get("/actions/routing").body()).contains("key: 'nope' is not a mechanism");
    } finally {
      admin.post("/actions/routing", Map.of("_csrf", routing.csrf(), "kind", "mechanism", "key", "outages", "action", "delete"));
    }
  }
}
