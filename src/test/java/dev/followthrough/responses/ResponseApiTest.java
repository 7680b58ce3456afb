package dev.followthrough.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class ResponseApiTest extends IntegrationTest {

  private long stored(String sourceId) {
    return jdbc.sql("SELECT count(*) FROM responses_response WHERE source_id = :s").param("s", sourceId)
        .query(Long.class).single();
  }

  @Test
  void a_detractor_is_recorded_with_its_contact_and_account() {
    String id = unique("r");
    Reply r = post("/api/v1/responses", """
        {"sourceId": "%s", "score": 3, "comment": "Exports keep timing out", "program": "Relational Q3",
         "kind": "relational", "touchpoint": "renewal", "language": "en", "respondedAt": "2026-09-01T10:00:00Z",
         "attributes": {"plan": "pro", "seats": 40},
         "contact": {"email": "%s@example.com", "name": "Dana", "role": "admin"},
         "account": {"externalId": "%s", "name": "Acme", "tier": "enterprise", "arr": 120000, "renewalDate": "2027-01-31"}}"""
        .formatted(id, id, id));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    JsonNode body = r.json();
    assertThat(body.get("status").asString()).isEqualTo("recorded");
    assertThat(body.get("category").asString()).isEqualTo("detractor");
    assertThat(body.get("score").asInt()).isEqualTo(3);
    assertThat(body.get("account").get("tier").asString()).isEqualTo("enterprise");
    assertThat(body.get("contact").get("name").asString()).isEqualTo("Dana");
    assertThat(body.get("attributes").get("seats").asInt()).isEqualTo(40);

    Reply fetched = get("/api/v1/responses/" + body.get("id").asString());
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json().get("comment").asString()).isEqualTo("Exports keep timing out");
  }

  @Test
  void the_same_delivery_twice_is_one_response() {
    String id = unique("dup");
    String json = """
        {"source": "delighted", "sourceId": "%s", "score": 9, "contact": {"externalId": "%s"}}""".formatted(id, id);
    Reply first = post("/api/v1/responses", json);
    Reply second = post("/api/v1/responses", json);
    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("status").asString()).isEqualTo("duplicate");
    assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    assertThat(stored(id)).isEqualTo(1);
  }

  @Test
  void a_later_delivery_with_a_changed_score_and_added_comment_updates_it_and_keeps_history() {
    String id = unique("upd");
    Reply first = post("/api/v1/responses", """
        {"source": "wootric", "sourceId": "%s", "score": 4, "contact": {"email": "%s@example.com"}}""".formatted(id, id));
    Reply second = post("/api/v1/responses", """
        {"source": "wootric", "sourceId": "%s", "score": 6, "comment": "Support took a week to answer",
         "contact": {"email": "%s@example.com"}}""".formatted(id, id));
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(second.json().get("status").asString()).isEqualTo("updated");
    assertThat(second.json().get("revision").asInt()).isEqualTo(2);
    assertThat(second.json().get("score").asInt()).isEqualTo(6);

    JsonNode full = get("/api/v1/responses/" + first.json().get("id").asString()).json();
    assertThat(full.get("comment").asString()).isEqualTo("Support took a week to answer");
    assertThat(full.get("history")).hasSize(1);
    assertThat(full.get("history").get(0).get("score").asInt()).isEqualTo(4);

    // a re-delivery that omits the comment does not erase it
    Reply third = post("/api/v1/responses", """
        {"source": "wootric", "sourceId": "%s", "score": 6, "contact": {"email": "%s@example.com"}}""".formatted(id, id));
    assertThat(third.json().get("status").asString()).isEqualTo("duplicate");
    assertThat(stored(id)).isEqualTo(1);
  }

  @Test
  void the_same_contact_scoring_again_is_a_new_response() {
    String c = unique("c");
    post("/api/v1/responses", """
        {"sourceId": "%s-1", "score": 5, "contact": {"externalId": "%s"}}""".formatted(c, c));
    post("/api/v1/responses", """
        {"sourceId": "%s-2", "score": 8, "contact": {"externalId": "%s"}}""".formatted(c, c));
    long contacts = jdbc.sql("SELECT count(*) FROM responses_contact WHERE external_id = :c").param("c", c).query(Long.class).single();
    long responses = jdbc.sql("SELECT count(*) FROM responses_response r JOIN responses_contact k ON k.id = r.contact_id WHERE k.external_id = :c")
        .param("c", c).query(Long.class).single();
    assertThat(contacts).isEqualTo(1);
    assertThat(responses).isEqualTo(2);
  }

  @Test
  void without_a_source_id_an_exact_redelivery_is_still_a_duplicate() {
    String e = unique("nosid") + "@example.com";
    String json = """
        {"score": 7, "comment": "fine", "respondedAt": "2026-05-01T08:00:00Z", "contact": {"email": "%s"}}""".formatted(e);
    assertThat(post("/api/v1/responses", json).status()).isEqualTo(201);
    assertThat(post("/api/v1/responses", json).json().get("status").asString()).isEqualTo("duplicate");
  }

  @ParameterizedTest(name = "{0} → {1} naming {2}")
  @CsvSource(delimiter = '|', value = {
      "{\"comment\": \"no score\"}                        | 422 | score",
      "{\"score\": 11}                                     | 422 | score",
      "{\"score\": -1}                                     | 422 | score",
      "{\"score\": 7.5}                                    | 422 | score",
      "{\"score\": \"ten\"}                                | 422 | score",
      "{\"score\": \"7\"}                                  | 422 | score",
      "{\"score\": null}                                   | 422 | score",
      "{\"score\": 5, \"comment\": 42}                     | 422 | comment",
      "{\"score\": 5, \"kind\": \"weekly\"}                | 422 | kind",
      "{\"score\": 5, \"respondedAt\": \"yesterday\"}      | 422 | respondedAt",
      "{\"score\": 5, \"contact\": {\"name\": \"x\"}}      | 422 | contact",
      "{\"score\": 5, \"contact\": {\"email\": \"nope\"}}  | 422 | contact.email",
      "{\"score\": 5, \"account\": {\"name\": \"x\"}}      | 422 | account.externalId",
      "{\"score\": 5, \"account\": {\"externalId\": \"a\", \"arr\": \"lots\"}} | 422 | account.arr",
      "{\"score\": 5, \"colour\": \"red\"}                 | 422 | colour",
      "[1, 2]                                              | 422 | body",
      "{\"score\": 5,                                      | 400 | body",
  })
  void invalid_input_is_rejected_with_a_problem_naming_the_field(String json, int status, String field) {
    long before = jdbc.sql("SELECT count(*) FROM responses_response").query(Long.class).single();
    Reply r = post("/api/v1/responses", json);
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("field").asString()).isEqualTo(field);
    assertThat(r.json().get("reason").asString()).isNotBlank();
    assertThat(jdbc.sql("SELECT count(*) FROM responses_response").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void an_oversized_body_is_refused_with_413() {
    String huge = "{\"score\": 5, \"comment\": \"" + "x".repeat(300_000) + "\"}";
    Reply r = post("/api/v1/responses", huge);
    assertThat(r.status()).as(r.toString()).isEqualTo(413);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void a_batch_records_good_items_and_rejects_bad_ones_individually() {
    String b = unique("batch");
    Reply r = post("/api/v1/responses/batch", """
        {"items": [
          {"sourceId": "%s-1", "score": 10, "account": {"externalId": "%s", "tier": "smb"}},
          {"sourceId": "%s-2", "score": 7.5},
          {"sourceId": "%s-3", "score": 2, "comment": "Billing charged us twice", "account": {"externalId": "%s"}},
          {"sourceId": "%s-1", "score": 10, "account": {"externalId": "%s", "tier": "smb"}},
          {"sourceId": "%s-4", "score": "ten"}
        ]}""".formatted(b, b, b, b, b, b, b, b));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode results = r.json().get("results");
    assertThat(results).hasSize(5);
    assertThat(results.get(0).get("status").asString()).isEqualTo("recorded");
    assertThat(results.get(1).get("status").asString()).isEqualTo("rejected");
    assertThat(results.get(1).get("field").asString()).isEqualTo("score");
    assertThat(results.get(2).get("category").asString()).isEqualTo("detractor");
    assertThat(results.get(3).get("status").asString()).isEqualTo("duplicate");
    assertThat(results.get(3).get("id").asString()).isEqualTo(results.get(0).get("id").asString());
    assertThat(results.get(4).get("status").asString()).isEqualTo("rejected");
    assertThat(r.json().get("summary").get("recorded").asInt()).isEqualTo(2);
    long n = jdbc.sql("SELECT count(*) FROM responses_response WHERE source_id LIKE :p").param("p", b + "-%").query(Long.class).single();
    assertThat(n).isEqualTo(2);
  }

  @Test
  void a_batch_larger_than_the_limit_is_refused_whole() {
    StringBuilder sb = new StringBuilder("{\"items\": [");
    for (int i = 0; i < 1001; i++) sb.append(i == 0 ? "" : ",").append("{\"score\": 5}");
    Reply r = post("/api/v1/responses/batch", sb.append("]}").toString());
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("field").asString()).isEqualTo("items");
  }

  @Test
  void the_api_requires_a_valid_key() {
    Reply none = send(HttpRequest.newBuilder(URI.create(url("/api/v1/responses"))).GET());
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.contentType()).startsWith("application/problem+json");
    Reply wrong = send(HttpRequest.newBuilder(URI.create(url("/api/v1/responses")))
        .header("Authorization", "Bearer ft_not_a_real_key_000000000000").GET());
    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  void a_viewer_key_can_read_but_not_write_and_a_revoked_key_stops_working() {
    Reply created = post("/api/v1/api-keys", "{\"name\": \"dashboard reader\", \"role\": \"viewer\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String token = created.json().get("token").asString();
    Reply read = send(HttpRequest.newBuilder(URI.create(url("/api/v1/nps"))).header("Authorization", "Bearer " + token).GET());
    assertThat(read.status()).isEqualTo(200);
    Reply write = postAs(token, "/api/v1/responses", "{\"score\": 5}");
    assertThat(write.status()).isEqualTo(403);
    Reply keys = send(HttpRequest.newBuilder(URI.create(url("/api/v1/api-keys"))).header("Authorization", "Bearer " + token).GET());
    assertThat(keys.status()).isEqualTo(403);

    String id = created.json().get("id").asString();
    Reply revoked = send(HttpRequest.newBuilder(URI.create(url("/api/v1/api-keys/" + id)))
        .header("Authorization", "Bearer " + ADMIN_KEY).DELETE());
    assertThat(revoked.status()).isEqualTo(204);
    Reply after = send(HttpRequest.newBuilder(URI.create(url("/api/v1/nps"))).header("Authorization", "Bearer " + token).GET());
    assertThat(after.status()).isEqualTo(401);
    assertThat(jdbc.sql("SELECT key_hash FROM platform_api_key WHERE id = CAST(:id AS uuid)").param("id", id)
        .query(String.class).single()).doesNotContain(token);
  }

  @Test
  void responses_are_listed_with_filters_and_paging() {
    String program = unique("prog");
    for (int s : new int[] {1, 5, 8, 9, 10}) {
      post("/api/v1/responses", """
          {"sourceId": "%s-%d", "score": %d, "program": "%s"}""".formatted(program, s, s, program));
    }
    JsonNode all = get("/api/v1/responses?program=" + program + "&size=2").json();
    assertThat(all.get("total").asInt()).isEqualTo(5);
    assertThat(all.get("items")).hasSize(2);
    JsonNode detractors = get("/api/v1/responses?program=" + program + "&category=detractor").json();
    assertThat(detractors.get("total").asInt()).isEqualTo(2);
    assertThat(get("/api/v1/responses?size=0").status()).isEqualTo(400);
  }
}
