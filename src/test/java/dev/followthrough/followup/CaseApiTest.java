package dev.followthrough.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.FollowUpRequested;
import dev.followthrough.triggers.OwnerPolicy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class CaseApiTest extends CaseFixtures {

  @Autowired FollowUps followUps;

  @Test
  void a_request_opens_one_case_that_the_response_id_finds_even_when_delivered_twice_at_once() throws Exception {
    Stored s = aResponse(3, "Priya Raman", "enterprise");
    FollowUpRequested request = aDetractorRequest(s);
    var a = CompletableFuture.supplyAsync(() -> followUps.open(request));
    var b = CompletableFuture.supplyAsync(() -> followUps.open(request));
    assertThat(List.of(a.get(), b.get()).stream().filter(java.util.Optional::isPresent)).hasSize(1);
    followUps.open(request); // and once more, later

    JsonNode found = get("/api/v1/cases?responseId=" + s.responseId()).json();
    assertThat(found.get("total").asInt()).isEqualTo(1);
    JsonNode c = found.get("items").get(0);
    assertThat(c.get("owner").asString()).isEqualTo("Priya Raman");
    assertThat(c.get("status").asString()).isEqualTo("open");
    assertThat(c.get("channel").asString()).isEqualTo("call");
    assertThat(c.get("dueAt").asString()).isEqualTo(s.receivedAt().plus(Duration.ofHours(48)).toString());
    assertThat(jdbc.sql("SELECT count(*) FROM followup_case WHERE response_id = ?").param(s.responseId())
        .query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void a_contact_with_an_open_case_gets_the_next_response_linked_not_a_second_case() {
    Stored first = aResponse(2, null, "smb");
    UUID caseId = followUps.open(aDetractorRequest(first)).orElseThrow();
    Stored second = new Stored(UUID.fromString(postFor(first, 1)), first.contactId(), first.accountId(), 1,
        first.receivedAt());

    assertThat(followUps.open(aRequest(second, Channel.CALL, Duration.ofHours(24), OwnerPolicy.TEAM, null, null, 90)))
        .isEmpty();
    assertThat(get("/api/v1/cases/" + caseId).json().get("timeline").findValuesAsString("type")).contains("opened", "linked");
    assertThat(get("/api/v1/cases?contactId=" + first.contactId()).json().get("total").asInt()).isEqualTo(1);
  }

  /** Posts another response for the same contact and returns its id. */
  private String postFor(Stored s, int score) {
    String contactExt = jdbc.sql("SELECT external_id FROM responses_contact WHERE id = ?").param(s.contactId())
        .query(String.class).single();
    Reply r = post("/api/v1/responses", """
        {"source": "case-test", "sourceId": "%s", "score": %d, "respondedAt": "2026-10-01T10:00:00Z",
         "contact": {"externalId": "%s"}}""".formatted(unique("again"), score, contactExt));
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("id").asString();
  }

  @Test
  void an_agent_logs_an_attempt_records_the_diagnosis_and_closes_the_case() {
    Stored s = aResponse(4, "Marcus Bell", "enterprise");
    UUID id = followUps.open(aDetractorRequest(s)).orElseThrow();

    Reply attempt = post("/api/v1/cases/" + id + "/attempts", """
        {"channel": "call", "result": "reached", "note": "Spoke for 20 minutes"}""");
    assertThat(attempt.status()).isEqualTo(200);
    assertThat(attempt.json().get("status").asString()).isEqualTo("contacted");
    assertThat(attempt.json().get("slaMet").asBoolean()).isTrue();

    Reply refused = post("/api/v1/cases/" + id + "/close", """
        {"outcome": "resolved"}""");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("field").asString()).isEqualTo("rootCause");

    assertThat(put("/api/v1/cases/" + id + "/outcome", """
        {"summary": "Exports time out on large workspaces", "rootCause": "Export job has a 30 s limit",
         "commitment": "Fix in the next release", "commitmentDue": "2026-12-15"}""").status()).isEqualTo(200);
    Reply closed = post("/api/v1/cases/" + id + "/close", """
        {"outcome": "resolved", "action": "Raised the export limit for this account"}""");
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    JsonNode c = closed.json();
    assertThat(c.get("status").asString()).isEqualTo("closed");
    assertThat(c.get("outcome").asString()).isEqualTo("resolved");
    assertThat(c.get("rootCause").asString()).isEqualTo("Export job has a 30 s limit");
    assertThat(c.get("commitmentDue").asString()).isEqualTo("2026-12-15");

    Reply late = post("/api/v1/cases/" + id + "/attempts", """
        {"channel": "email", "result": "sent"}""");
    assertThat(late.status()).isEqualTo(409);

    Reply reopened = post("/api/v1/cases/" + id + "/reopen", """
        {"reason": "Customer wrote back: still broken"}""");
    assertThat(reopened.json().get("status").asString()).isEqualTo("open");
    assertThat(reopened.json().get("cycle").asInt()).isEqualTo(2);

    List<String> types = get("/api/v1/cases/" + id).json().get("timeline").findValuesAsString("type");
    assertThat(types).containsSubsequence("opened", "attempt", "status", "outcome", "closed", "reopened");
    JsonNode first = get("/api/v1/cases/" + id).json().get("timeline").get(1);
    assertThat(first.get("actor").asString()).isEqualTo("apikey:bootstrap");
  }

  @Test
  void bad_commands_get_problems_naming_the_field() {
    Stored s = aResponse(5, null, "smb");
    UUID id = followUps.open(aDetractorRequest(s)).orElseThrow();
    assertThat(post("/api/v1/cases/" + id + "/status", "{\"to\": \"shipped\"}").json().get("field").asString()).isEqualTo("to");
    assertThat(post("/api/v1/cases/" + id + "/close", "{\"outcome\": \"fixed\"}").json().get("field").asString()).isEqualTo("outcome");
    assertThat(post("/api/v1/cases/" + id + "/notes", "{\"text\": 5}").json().get("field").asString()).isEqualTo("text");
    assertThat(post("/api/v1/cases/" + id + "/notes", "{\"txt\": \"x\"}").json().get("field").asString()).isEqualTo("txt");
    assertThat(put("/api/v1/cases/" + id + "/outcome", "{\"commitmentDue\": \"next week\"}").json().get("field").asString())
        .isEqualTo("commitmentDue");
    assertThat(post("/api/v1/cases/" + UUID.randomUUID() + "/notes", "{\"text\": \"x\"}").status()).isEqualTo(404);
    assertThat(get("/api/v1/cases/not-a-uuid").status()).isEqualTo(422);
    assertThat(get("/api/v1/cases?view=someday").json().get("field").asString()).isEqualTo("view");
    assertThat(post("/api/v1/cases/" + id + "/status", "{\"to\": \"in_conversation\"}").status()).isEqualTo(200);
    Reply back = post("/api/v1/cases/" + id + "/status", "{\"to\": \"contacted\"}");
    assertThat(back.status()).isEqualTo(409);
    assertThat(get("/api/v1/cases/" + id).json().get("status").asString()).isEqualTo("in_conversation");
  }

  @Test
  void bulk_assignment_reports_each_case_and_the_inbox_views_follow() {
    Stored a = aResponse(3, null, "smb");
    Stored b = aResponse(3, null, "smb");
    UUID ca = followUps.open(aRequest(a, Channel.EMAIL, Duration.ofHours(48), OwnerPolicy.UNASSIGNED, null, null, 10)).orElseThrow();
    UUID cb = followUps.open(aRequest(b, Channel.EMAIL, Duration.ofHours(48), OwnerPolicy.UNASSIGNED, null, null, 10)).orElseThrow();
    String owner = unique("agent") + "@example.test";
    Reply r = post("/api/v1/cases/assign", """
        {"ids": ["%s", "%s", "%s"], "owner": "%s", "reason": "Monday triage"}""".formatted(ca, cb, UUID.randomUUID(), owner));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("results").findValuesAsString("status")).containsExactly("assigned", "assigned", "missing");
    assertThat(get("/api/v1/cases?owner=" + owner).json().get("total").asInt()).isEqualTo(2);
    assertThat(get("/api/v1/cases/" + ca).json().get("timeline").findValuesAsString("reason")).contains("Monday triage");
  }
}
