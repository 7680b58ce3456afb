package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.interviews.InterviewCompleted;
import dev.followthrough.interviews.InterviewFixtures;
import dev.followthrough.platform.Role;
import dev.followthrough.support.RecordedEvents;
import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.Play;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The interview page without JavaScript (plain forms), the call guide and notes on the case page, the interviews page. */
class InterviewPagesTest extends InterviewFixtures {

  @Autowired RecordedEvents events;

  private Reply form(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Reply page(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
  }

  @Test
  void the_interview_works_with_plain_form_posts_and_escapes_what_the_customer_wrote() {
    Customer c = aCustomerWithACase(3, null, Channel.INTERVIEW, Play.RECOVER);
    Reply first = page("/i/" + c.token());
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).contains("<label for=\"iv-text\">").contains("aria-live=\"polite\"").contains("Walk me through")
        .contains("src=\"/assets/interview.js\"").doesNotContain("<script>");

    Reply posted = form("/i/" + c.token(), Map.of("text", "<script>alert(1)</script> the export times out every Monday", "turn", "0"));
    assertThat(posted.status()).as(posted.toString()).isEqualTo(302);
    Reply next = page("/i/" + c.token());
    assertThat(next.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    assertThat(next.body()).contains("name=\"turn\" value=\"2\"");

    // a reload of the old form posts the same answer again: recognised, not stored twice
    form("/i/" + c.token(), Map.of("text", "<script>alert(1)</script> the export times out every Monday", "turn", "0"));
    assertThat(jdbc.sql("SELECT count(*) FROM interviews_turn t JOIN interviews_session s ON s.id = t.session_id "
        + "WHERE s.case_id = :c AND t.speaker = 'customer'").param("c", c.caseId()).query(Long.class).single()).isEqualTo(1);

    Reply empty = form("/i/" + c.token(), Map.of("text", " ", "turn", "2"));
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.body()).contains("Please write an answer first");

    Reply stopped = form("/i/" + c.token() + "/stop", Map.of());
    assertThat(stopped.status()).isEqualTo(302);
    assertThat(page("/i/" + c.token()).body()).contains("this link still works").contains("Want to continue?");

    Reply invalid = page("/i/not-a-token");
    assertThat(invalid.status()).isEqualTo(404);
    assertThat(invalid.body()).contains("This link does not work");
  }

  @Test
  void a_call_case_shows_the_call_guide_with_the_customers_context_and_its_notes_become_the_result() {
    Customer c = aCustomerWithACase(2, "Exports keep failing before board meetings.", Channel.CALL, Play.RECOVER);
    var agent = CasePagesTest.newUser(port, Role.AGENT);
    var detail = agent.get("/cases/" + c.caseId());
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.body()).contains("data-testid=\"call-guide\"").contains("Walk me through what was happening")
        .contains("never “why did you give us a 2”").contains("Account: Acme").contains("Score history: 2")
        .contains("Their comment: “Exports keep failing before board meetings.”").contains("data-testid=\"call-notes\"");

    Map<String, String> missing = new LinkedHashMap<>();
    missing.put("_csrf", detail.csrf());
    missing.put("statedReason", "Exports fail");
    var refused = agent.post("/cases/" + c.caseId() + "/call-notes", missing);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("data-testid=\"error-rootCause\"");

    Map<String, String> notes = new LinkedHashMap<>(missing);
    notes.put("_csrf", refused.csrf());
    notes.put("rootCause", "The CSV export times out for reports over 10,000 rows");
    notes.put("howOften", "every month-end");
    notes.put("whoElse", "the finance team of six");
    notes.put("severity", "high");
    notes.put("churnSignals", "renewal doubt");
    var saved = agent.post("/cases/" + c.caseId() + "/call-notes", notes);
    assertThat(saved.status()).as(saved.toString()).isEqualTo(302);

    InterviewCompleted e = await("the call's result", () -> events.of(InterviewCompleted.class).stream()
        .filter(x -> x.caseId().equals(c.caseId())).findFirst());
    assertThat(e.channel()).isEqualTo("call");
    assertThat(e.moderator()).startsWith("human:");
    assertThat(e.rootCause()).contains("CSV export times out");
    assertThat(e.customerText()).contains("every month-end");
    JsonNode kase = await("the case's root cause", () -> {
      JsonNode k = get("/api/v1/cases/" + c.caseId()).json();
      return k.get("rootCause").isNull() || !k.get("status").asString().equals("in_conversation") ? Optional.empty() : Optional.of(k);
    });
    assertThat(kase.get("rootCause").asString()).contains("CSV export times out");
    assertThat(kase.get("status").asString()).isEqualTo("in_conversation");
    assertThat(kase.has("interviewUrl")).as("only interview cases get a link").isFalse();
  }

  @Test
  void the_interviews_page_shows_the_funnel_and_a_manager_saves_a_guide_as_a_new_version() {
    Customer c = aCustomerWithACase(8, null, Channel.INTERVIEW, Play.IMPROVE);
    page("/i/" + c.token());
    var viewer = CasePagesTest.newUser(port, Role.VIEWER);
    var list = viewer.get("/interviews");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("data-testid=\"funnel\"").contains("data-guide=\"passive\"").contains("href=\"/interviews\"");
    var asViewer = viewer.get("/interviews?guide=promoter");
    assertThat(asViewer.body()).doesNotContain("data-testid=\"save-guide\"");
    assertThat(viewer.post("/interviews/guides/promoter", Map.of("_csrf", asViewer.csrf(), "body", "{}")).status()).isEqualTo(403);

    var manager = CasePagesTest.newUser(port, Role.MANAGER);
    var edit = manager.get("/interviews?guide=promoter");
    assertThat(edit.body()).contains("data-testid=\"guide-json\"");
    var broken = manager.post("/interviews/guides/promoter", Map.of("_csrf", edit.csrf(), "body", "{\"kind\": \"promoter\"}"));
    assertThat(broken.status()).isEqualTo(422);
    assertThat(broken.body()).contains("data-testid=\"guide-error\"");
  }
}
