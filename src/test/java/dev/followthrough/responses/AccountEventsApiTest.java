package dev.followthrough.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import dev.followthrough.support.RecordedEvents;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AccountEventsApiTest extends IntegrationTest {

  @Autowired RecordedEvents recorded;

  /** An account, created the way accounts arrive: named by a response. */
  private String account() {
    String ext = unique("acct");
    Reply r = post("/api/v1/responses", """
        {"sourceId": "%s", "score": 6, "account": {"externalId": "%s", "name": "Globex", "tier": "mid"}}"""
        .formatted(unique("r"), ext));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return ext;
  }

  private Reply event(String account, String json) {
    return post("/api/v1/accounts/" + account + "/events", json);
  }

  @Test
  void an_event_is_recorded_once_and_sent_again_is_the_same_event() {
    String acct = account();
    Reply first = event(acct, """
        {"kind": "churned", "date": "2026-10-31", "arrChange": -42000, "externalId": "crm-1"}""");
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().get("status").asString()).isEqualTo("recorded");
    assertThat(first.json().get("kind").asString()).isEqualTo("churned");
    String id = first.json().get("id").asString();

    Reply again = event(acct, """
        {"kind": "churned", "date": "2026-10-31", "arrChange": -42000.00, "externalId": "crm-1"}""");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("status").asString()).isEqualTo("duplicate");
    assertThat(again.json().get("id").asString()).isEqualTo(id);

    // without the external id, the same kind and date for the account is the same event
    Reply sameDay = event(acct, """
        {"kind": "churned", "date": "2026-10-31", "arrChange": -42000}""");
    assertThat(sameDay.status()).isEqualTo(200);
    assertThat(sameDay.json().get("id").asString()).isEqualTo(id);

    JsonNode list = get("/api/v1/accounts/" + acct + "/events").json().get("items");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("arrChange").asDouble()).isEqualTo(-42000.0);
    assertThat(recorded.of(AccountEventRecorded.class).stream()
        .filter(e -> e.eventId().toString().equals(id)).count()).isEqualTo(1);
  }

  @Test
  void the_same_identity_with_other_content_is_a_conflict_naming_the_field() {
    String acct = account();
    assertThat(event(acct, """
        {"kind": "renewed", "date": "2026-09-30", "arrChange": 10000, "externalId": "crm-2"}""").status()).isEqualTo(201);
    Reply conflict = event(acct, """
        {"kind": "renewed", "date": "2026-09-30", "arrChange": 12000, "externalId": "crm-2"}""");
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.contentType()).startsWith("application/problem+json");
    assertThat(conflict.json().get("field").asString()).isEqualTo("arrChange");
    assertThat(conflict.json().get("existing").get("arrChange").asDouble()).isEqualTo(10000.0);

    Reply otherDate = event(acct, """
        {"kind": "renewed", "date": "2026-10-01", "arrChange": 10000, "externalId": "crm-2"}""");
    assertThat(otherDate.status()).isEqualTo(409);
    assertThat(otherDate.json().get("field").asString()).isEqualTo("date");
  }

  @Test
  void our_id_works_like_the_external_id_and_an_unknown_account_is_404() {
    String acct = account();
    String ourId = jdbc.sql("SELECT id::text FROM responses_account WHERE external_id = :e").param("e", acct)
        .query(String.class).single();
    assertThat(event(ourId, """
        {"kind": "expanded", "date": "2026-08-01", "arrChange": 5000}""").status()).isEqualTo(201);
    assertThat(get("/api/v1/accounts/" + acct + "/events").json().get("items")).hasSize(1);
    Reply unknown = event(unique("nobody"), """
        {"kind": "expanded", "date": "2026-08-01"}""");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("field").asString()).isEqualTo("id");
    assertThat(get("/api/v1/accounts/" + unique("nobody") + "/events").status()).isEqualTo(404);
  }

  @Test
  void bad_input_is_a_problem_naming_the_field() {
    String acct = account();
    assertField(event(acct, "{\"kind\": \"cancelled\", \"date\": \"2026-01-01\"}"), "kind");
    assertField(event(acct, "{\"kind\": \"churned\"}"), "date");
    assertField(event(acct, "{\"kind\": \"churned\", \"date\": \"31/10/2026\"}"), "date");
    assertField(event(acct, "{\"kind\": \"churned\", \"date\": \"2026-10-31\", \"arrChange\": \"lots\"}"), "arrChange");
    assertField(event(acct, "{\"kind\": \"churned\", \"date\": \"2026-10-31\", \"reason\": \"x\"}"), "reason");
  }

  private static void assertField(Reply r, String field) {
    assertThat(r.status()).as(r.toString()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("field").asString()).isEqualTo(field);
  }

  @Test
  void a_batch_answers_per_item() {
    String acct = account();
    Reply r = post("/api/v1/accounts/events/batch", """
        {"items": [
          {"account": "%s", "kind": "renewed", "date": "2026-03-31", "arrChange": 1000},
          {"account": "%s", "kind": "renewed", "date": "2026-03-31", "arrChange": 1000},
          {"account": "%s", "kind": "renewed", "date": "2026-03-31", "arrChange": 2000},
          {"account": "%s", "kind": "nope", "date": "2026-03-31"},
          {"kind": "renewed", "date": "2026-03-31"}
        ]}""".formatted(acct, acct, acct, acct));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode results = r.json().get("results");
    assertThat(results.get(0).get("status").asString()).isEqualTo("recorded");
    assertThat(results.get(1).get("status").asString()).isEqualTo("duplicate");
    assertThat(results.get(2).get("status").asString()).isEqualTo("conflict");
    assertThat(results.get(2).get("field").asString()).isEqualTo("arrChange");
    assertThat(results.get(3).get("field").asString()).isEqualTo("kind");
    assertThat(results.get(4).get("field").asString()).isEqualTo("account");
    assertThat(r.json().get("summary").get("recorded").asLong()).isEqualTo(1);
    assertThat(r.json().get("summary").get("rejected").asLong()).isEqualTo(2);
  }

  @Test
  void a_csv_import_reports_each_bad_row_and_a_second_run_gives_duplicates() {
    String acct = account();
    String csv = """
        account,kind,date,arr_change,event_id
        %s,renewed,2026-01-31,1500,r-1
        %s,churned,2026-02-30,-1500,r-2
        %s,expanded,2026-03-15,abc,r-3
        %s,churned,2026-04-30,-9000,r-4

        %s,churned,2026-04-30,-9000,r-5
        """.formatted(acct, acct, acct, unique("ghost"), acct);
    Reply r = csv(csv);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("rows").asLong()).isEqualTo(5);
    assertThat(body.get("recorded").asLong()).isEqualTo(2);
    assertThat(body.get("rejected").asLong()).isEqualTo(3);
    assertThat(body.get("conflict").asLong()).isEqualTo(0);
    JsonNode errors = body.get("errors");
    assertThat(errors.get(0).get("row").asLong()).isEqualTo(3);
    assertThat(errors.get(0).get("field").asString()).isEqualTo("date");
    assertThat(errors.get(1).get("row").asLong()).isEqualTo(4);
    assertThat(errors.get(1).get("field").asString()).isEqualTo("arrChange");
    assertThat(errors.get(2).get("row").asLong()).isEqualTo(5);
    assertThat(errors.get(2).get("field").asString()).isEqualTo("account");
    // the same file again: what was stored comes back as duplicates, nothing is doubled
    Reply again = csv(csv);
    assertThat(again.json().get("duplicate").asLong()).isEqualTo(2);
    assertThat(again.json().get("recorded").asLong()).isEqualTo(0);
    assertThat(get("/api/v1/accounts/" + acct + "/events").json().get("items")).hasSize(2);

    Reply noKind = csv("account,date\n" + acct + ",2026-01-01\n");
    assertThat(noKind.status()).isEqualTo(422);
    assertThat(noKind.json().get("field").asString()).isEqualTo("kind");
  }

  private Reply csv(String body) {
    return send(HttpRequest.newBuilder(URI.create(url("/api/v1/imports/account-events")))
        .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
