package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.followup.CaseQueries;
import dev.followthrough.followup.FollowUps;
import dev.followthrough.platform.Role;
import dev.followthrough.support.IntegrationTest;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.FollowUpRequested;
import dev.followthrough.triggers.OwnerPolicy;
import dev.followthrough.triggers.Play;
import dev.followthrough.triggers.PriorityFactor;
import dev.followthrough.triggers.SlaCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The inbox, the case page and the rules page over HTTP, signed in as the roles that use them. */
class CasePagesTest extends IntegrationTest {

  private final FollowUps followUps;
  private final CaseQueries cases;

  @Autowired
  CasePagesTest(FollowUps followUps, CaseQueries cases) {
    this.followUps = followUps;
    this.cases = cases;
  }

  /** A stored response the default rules ignore (30 days old), and a case opened for it by hand. */
  static UUID aCase(java.util.function.BiFunction<String, String, Reply> post, FollowUps followUps, String comment, String accountOwner, int score) {
    String id = unique("web-case");
    String respondedAt = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    Reply r = post.apply("/api/v1/responses", """
        {"source": "web-test", "sourceId": "%s", "score": %d, "comment": %s, "respondedAt": "%s",
         "contact": {"externalId": "%s", "email": "%s@example.com", "name": "Robin Example"},
         "account": {"externalId": "%s", "name": "Initech %s", "tier": "enterprise", "arr": 240000,
                     "renewalDate": "2030-01-31"%s}}"""
        .formatted(id, score, JSON.writeValueAsString(comment), respondedAt, id, id, id, id,
            accountOwner == null ? "" : ", \"owner\": \"" + accountOwner + "\""));
    if (r.status() != 201) throw new AssertionError(r.toString());
    JsonNode b = r.json();
    UUID responseId = UUID.fromString(b.get("id").asString());
    Instant received = Instant.parse(b.get("receivedAt").asString());
    var request = new FollowUpRequested(responseId, 1, UUID.fromString(b.get("contact").get("id").asString()),
        UUID.fromString(b.get("account").get("id").asString()), score, score <= 6 ? "detractor" : "passive", received,
        UUID.randomUUID(), "web test rule", Channel.CALL, Play.RECOVER, Duration.ofHours(48), SlaCalendar.CALENDAR, 70,
        List.of(new PriorityFactor("severity", 40, "score " + score), new PriorityFactor("ARR", 30, "240k ARR")),
        accountOwner == null ? OwnerPolicy.UNASSIGNED : OwnerPolicy.ACCOUNT_OWNER, null, null, null, null, received);
    return followUps.open(request).orElseThrow();
  }

  static ConsoleSession newUser(int port, Role role) {
    String email = unique(role.key()) + "@example.test";
    var admin = ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    var added = admin.post("/settings/users", Map.of("_csrf", admin.get("/settings/users").csrf(), "email", email,
        "displayName", "Test " + role.key() + " " + email.substring(role.key().length() + 1, role.key().length() + 9),
        "password", "a-long-enough-password", "role", role.key()));
    assertThat(added.status()).as(added.toString()).isEqualTo(302);
    return ConsoleSession.signedIn(port, email, "a-long-enough-password");
  }

  @Test
  void closing_from_the_one_outcome_form_saves_what_was_learned_and_the_commitment_too() {
    UUID id = aCase(this::post, followUps, "Nobody called back about the refund", null, 2);
    var agent = newUser(port, Role.AGENT);
    var page = agent.get("/cases/" + id);
    assertThat(page.body()).contains("data-testid=\"outcome-form\"").contains("formaction=\"/cases/" + id + "/close\"")
        .doesNotContain("data-testid=\"close-form\"");
    var badDate = agent.post("/cases/" + id + "/close", Map.of("_csrf", page.csrf(), "outcome", "resolved",
        "rootCause", "refund stuck", "action", "refunded", "commitmentDue", "next week"));
    assertThat(badDate.status()).isEqualTo(422);
    assertThat(badDate.body()).contains("Must be a date like 2026-09-30.");
    assertThat(cases.find(id).orElseThrow().status()).isEqualTo("open");

    var closed = agent.post("/cases/" + id + "/close", Map.of("_csrf", page.csrf(), "outcome", "resolved",
        "summary", "They waited three weeks for a refund", "rootCause", "refund stuck in approval",
        "action", "refunded and apologised", "commitment", "call back after the next invoice", "commitmentDue", "2030-01-15"));
    assertThat(closed.status()).as(closed.toString()).isEqualTo(302);
    var c = cases.find(id).orElseThrow();
    assertThat(c.status()).isEqualTo("closed");
    assertThat(c.summary()).isEqualTo("They waited three weeks for a refund");
    assertThat(c.commitment()).isEqualTo("call back after the next invoice");
    assertThat(c.rootCause()).isEqualTo("refund stuck in approval");
  }

  @Test
  void the_inbox_opens_on_unassigned_for_someone_without_cases_and_on_mine_once_they_have_one() {
    var admin = ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    var agent = newUser(port, Role.AGENT);
    UUID id = aCase(this::post, followUps, "Nobody owns this", null, 3); // unassigned
    var fresh = agent.get("/cases");
    assertThat(fresh.body()).contains("aria-current=\"page\" data-tab=\"unassigned\"")
        .contains("href=\"/cases?tab=mine\"");
    assertThat(agent.post("/cases/" + id + "/take", Map.of("_csrf", fresh.csrf())).status()).isEqualTo(302);
    assertThat(agent.get("/cases").body()).contains("aria-current=\"page\" data-tab=\"mine\"")
        .contains("data-case=\"" + id + "\"");
    assertThat(admin.get("/cases?tab=unassigned").status()).isEqualTo(200);
  }

  @Test
  void the_inbox_renders_every_view_with_filters_and_a_partial_for_htmx() {
    String owner = unique("Owner");
    UUID id = aCase(this::post, followUps, "Exports keep timing out", owner, 2);
    var agent = newUser(port, Role.AGENT);

    var filtered = agent.get("/cases?tab=open&owner=" + owner + "&category=detractor&channel=call&status=open&sort=due");
    assertThat(filtered.status()).as(filtered.toString()).isEqualTo(200);
    assertThat(filtered.body()).contains("data-case=\"" + id + "\"").contains("Robin Example").contains("due in")
        .contains("Exports keep timing out").contains("href=\"/cases\"");
    assertThat(agent.get("/cases?tab=open&owner=" + owner + "&channel=email").body()).doesNotContain("data-case=\"" + id + "\"");

    for (String tab : List.of("mine", "team", "unassigned", "overdue", "escalated", "open", "closed")) {
      var page = agent.get("/cases?tab=" + tab + "&sort=opened");
      assertThat(page.status()).as(tab).isEqualTo(200);
      assertThat(page.body()).contains("aria-current=\"page\" data-tab=\"" + tab + "\"").contains("<html");
    }
    var partial = agent.get("/cases?tab=open&owner=" + owner, "HX-Request", "true");
    assertThat(partial.body().strip()).startsWith("<div id=\"inbox-body\"").doesNotContain("<html").contains("hx-trigger=\"every 15s\"");
    assertThat(agent.get("/cases?tab=nonsense&sort=nonsense&page=x").status()).isEqualTo(200);
  }

  @Test
  void an_agent_assigns_cases_in_bulk_and_each_result_is_reported() {
    UUID first = aCase(this::post, followUps, "Slow", null, 3);
    UUID second = aCase(this::post, followUps, "Slower", null, 4);
    var agent = newUser(port, Role.AGENT);
    String csrf = agent.get("/cases").csrf();
    String body = "_csrf=" + csrf + "&ids=" + first + "&ids=" + second + "&ids=" + UUID.randomUUID() + "&owner=Priya+Raman";
    var done = agent.postRaw("/cases/assign", body);
    assertThat(done.status()).as(done.toString()).isEqualTo(302);
    assertThat(cases.find(first).orElseThrow().owner()).isEqualTo("Priya Raman");
    assertThat(cases.find(second).orElseThrow().owner()).isEqualTo("Priya Raman");
    var inbox = agent.get(done.location().replace("http://127.0.0.1:" + port, ""));
    assertThat(inbox.body()).contains("2 cases assigned to Priya Raman").contains("no such case");
  }

  @Test
  void a_viewer_reads_cases_but_cannot_change_them() {
    UUID id = aCase(this::post, followUps, "Nobody called back", null, 1);
    var viewer = newUser(port, Role.VIEWER);
    var page = viewer.get("/cases/" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("action=\"/cases/" + id + "/close\"");
    String csrf = page.csrf();
    for (String path : List.of("/cases/" + id + "/note", "/cases/" + id + "/take", "/cases/" + id + "/close",
        "/cases/" + id + "/assign", "/cases/assign")) {
      var r = viewer.post(path, Map.of("_csrf", csrf, "text", "hi", "outcome", "resolved", "ids", id.toString()));
      assertThat(r.status()).as(path).isEqualTo(403);
    }
    assertThat(viewer.post("/rules/test", Map.of("_csrf", csrf, "score", "3")).status()).isEqualTo(403);
    assertThat(cases.timeline(id)).extracting(CaseQueries.Entry::type).containsExactly("opened");
  }

  @Test
  void a_script_in_the_comment_is_text_on_the_case_page() {
    UUID id = aCase(this::post, followUps, "<script>alert(1)</script> & <b>bold</b>", null, 2);
    var agent = newUser(port, Role.AGENT);
    String body = agent.get("/cases/" + id).body();
    assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
        .doesNotContain("<script>alert(1)").doesNotContain("<b>bold</b>");
    // and what an agent types is escaped too
    agent.post("/cases/" + id + "/note", Map.of("_csrf", agent.get("/cases/" + id).csrf(), "text", "<img src=x onerror=alert(2)>"));
    assertThat(agent.get("/cases/" + id).body()).contains("&lt;img src=x onerror=alert(2)&gt;").doesNotContain("<img src=x");
  }

  @Test
  void the_case_page_shows_context_and_a_refused_command_beside_its_field() {
    UUID id = aCase(this::post, followUps, "Invoices are wrong", null, 2);
    var agent = newUser(port, Role.AGENT);
    var page = agent.get("/cases/" + id);
    assertThat(page.body()).contains("240,000").contains("31 Jan 2030").contains("severity").contains("score 2")
        .contains("web test rule").contains("Call guide").contains("Walk me through what was happening")
        .contains("Their comment: “Invoices are wrong”");

    var refused = agent.post("/cases/" + id + "/close", Map.of("_csrf", page.csrf(), "outcome", "resolved",
        "rootCause", "", "action", "credited the invoice"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("data-testid=\"error-rootCause\"").contains("Is required to close a case as resolved")
        .contains("value=\"credited the invoice\"");
    assertThat(cases.find(id).orElseThrow().status()).isEqualTo("open");

    var moved = agent.post("/cases/" + id + "/status", Map.of("_csrf", page.csrf(), "to", "contacted"));
    assertThat(moved.status()).isEqualTo(302);
    assertThat(cases.find(id).orElseThrow().status()).isEqualTo("contacted");
    var back = agent.post("/cases/" + id + "/status", Map.of("_csrf", page.csrf(), "to", "open"));
    assertThat(back.status()).isEqualTo(422);
  }

  @Test
  void the_rule_test_form_shows_the_decision_and_its_reasons() {
    var agent = newUser(port, Role.AGENT);
    String csrf = agent.get("/rules").csrf();
    var tested = agent.post("/rules/test", Map.of("_csrf", csrf, "score", "2", "tier", "enterprise", "arr", "300000",
        "comment", "yes", "rule", """
            name: Draft for big detractors
            conditions:
              categories: [detractor]
            outcome:
              followUp: true
              channel: call
              play: recover
              sla: 24h
              ownerPolicy: account_owner
            """));
    assertThat(tested.status()).as(tested.toString()).isEqualTo(200);
    assertThat(tested.body()).contains("data-testid=\"decision\"").contains("Draft for big detractors")
        .contains("Follow-up: Call").contains("class=\"reasons\"");

    var invalid = agent.post("/rules/test", Map.of("_csrf", csrf, "score", "11"));
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body()).contains("data-testid=\"test-error\"").contains("score");
  }

  @Test
  void a_manager_adds_edits_disables_and_deletes_a_rule_and_sees_errors_beside_the_yaml() {
    var manager = newUser(port, Role.MANAGER);
    var page = manager.get("/rules");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("href=\"/rules\"").contains("Export YAML").contains("Teams");
    String name = unique("Never matches");
    String program = unique("no-such-program");
    var added = manager.post("/rules/new", Map.of("_csrf", page.csrf(), "yaml", """
        name: %s
        conditions:
          programs: [%s]
        outcome:
          followUp: true
          channel: email
          play: improve
          sla: 72h
          ownerPolicy: unassigned
        """.formatted(name, program)));
    assertThat(added.status()).as(added.toString()).isEqualTo(302);
    var listed = manager.get("/rules").body();
    assertThat(listed).contains(name).contains("program = " + program).contains("Email (improve) within 3d");
    JsonNode rule = null;
    for (JsonNode r : get("/api/v1/rules").json().get("items")) if (r.get("name").asString().equals(name)) rule = r;
    assertThat(rule).isNotNull();
    String id = rule.get("id").asString();

    var broken = manager.post("/rules/" + id, Map.of("_csrf", page.csrf(), "version", rule.get("version").asString(),
        "yaml", "name: " + name + "\nconditions: {}\noutcome:\n  followUp: true\n  channel: carrier-pigeon\n"));
    assertThat(broken.status()).isEqualTo(422);
    assertThat(broken.body()).contains("data-testid=\"rule-error\"").contains("channel").contains("carrier-pigeon");

    var off = manager.post("/rules/" + id + "/enabled", Map.of("_csrf", page.csrf(), "enabled", "false"));
    assertThat(off.status()).isEqualTo(302);
    assertThat(get("/api/v1/rules/" + id).json().get("enabled").asBoolean()).isFalse();

    assertThat(manager.post("/rules/" + id + "/delete", Map.of("_csrf", page.csrf())).status()).isEqualTo(302);
    assertThat(get("/api/v1/rules/" + id).status()).isEqualTo(404);

    var export = manager.get("/rules/export.yaml");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.body()).contains("rules:");

    var viewer = newUser(port, Role.VIEWER);
    var read = viewer.get("/rules");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).doesNotContain("action=\"/rules/new\"");
    assertThat(viewer.post("/rules/new", Map.of("_csrf", read.csrf(), "yaml", "name: x")).status()).isEqualTo(403);
  }
}
