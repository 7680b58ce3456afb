package dev.followthrough.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** A contact's data: exported whole, then erased with the counts kept; and the whole workspace as CSV and JSON. */
class PersonalDataTest extends IntegrationTest {

  @Test
  void a_contact_is_exported_then_erased_and_the_counts_stay() {
    String source = unique("gdpr");
    String email = source + "@example.test";
    Reply r = post("/api/v1/responses", """
        {"source": "%s", "sourceId": "g-1", "score": 3, "comment": "My manager Kim Lee keeps getting locked out of SSO",
         "attributes": {"phone": "+49 30 1234567"},
         "contact": {"externalId": "%s-c", "email": "%s", "name": "Robin Example"}}""".formatted(source, source, email));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String responseId = r.json().path("id").asString();
    String contactId = r.json().path("contact").path("id").asString();
    await("the case and the coded comment", () -> jdbc.sql("""
            SELECT count(*) FROM insights_text t JOIN followup_case c ON c.response_id = t.source_id WHERE t.source_id = :id::uuid""")
        .param("id", responseId).query(Long.class).optional().filter(n -> n > 0));

    Reply export = get("/api/v1/contacts/" + source + "-c/personal-data"); // by external id
    assertThat(export.status()).as(export.toString()).isEqualTo(200);
    var sections = export.json().path("sections");
    assertThat(sections.path("responses").path("contact").get(0).path("email").asString()).isEqualTo(email);
    assertThat(sections.path("responses").path("responses").get(0).path("comment").asString()).contains("Kim Lee");
    assertThat(sections.path("cases").path("cases").size()).isEqualTo(1);
    assertThat(sections.path("insights").path("texts").get(0).path("body").asString()).contains("locked out");
    assertThat(sections.path("insights").path("texts").get(0).has("embedding")).isFalse();
    assertThat(sections.has("interviews")).isTrue();
    assertThat(sections.has("messages")).isTrue();

    String agentKey = post("/api/v1/api-keys", "{\"name\": \"" + unique("agent") + "\", \"role\": \"agent\"}").json().path("token").asString();
    Reply refused = send(HttpRequest.newBuilder(URI.create(url("/api/v1/contacts/" + contactId + "/personal-data")))
        .header("Authorization", "Bearer " + agentKey).GET());
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);

    Reply unconfirmed = delete("/api/v1/contacts/" + contactId + "/personal-data");
    assertThat(unconfirmed.status()).isEqualTo(422);
    assertThat(unconfirmed.json().path("field").asString()).isEqualTo("confirm");

    long nBefore = count("SELECT count(*) FROM responses_response WHERE source = '" + source + "'");
    Reply erased = delete("/api/v1/contacts/" + contactId + "/personal-data?confirm=" + contactId);
    assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
    assertThat(erased.json().path("erased").path("responses").path("responses").asInt()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT count(*) FROM platform_audit WHERE action = 'personal_data.erased' AND target = :t")
        .param("t", "/api/v1/contacts/" + contactId + "/personal-data").query(Long.class).single())
        .as("the erasure is in the audit log").isEqualTo(1);

    var response = jdbc.sql("SELECT score, comment, attributes::text AS a FROM responses_response WHERE id = :id::uuid")
        .param("id", responseId).query().singleRow();
    assertThat(((Number) response.get("score")).intValue()).isEqualTo(3);
    assertThat(response.get("comment")).isNull();
    assertThat(response.get("a")).isEqualTo("{}");
    var contact = jdbc.sql("SELECT external_id, email, name FROM responses_contact WHERE id = :id::uuid").param("id", contactId).query().singleRow();
    assertThat(contact.get("email")).isNull();
    assertThat(contact.get("name")).isNull();
    assertThat((String) contact.get("external_id")).startsWith("erased-");
    assertThat(jdbc.sql("SELECT body FROM insights_text WHERE source_id = :id::uuid").param("id", responseId).query(String.class).list())
        .containsOnly("");
    assertThat(count("SELECT count(*) FROM insights_coding c JOIN insights_text t ON t.id = c.text_id WHERE t.source_id = '"
        + responseId + "' AND c.evidence <> ''")).isZero();
    // the counts stay: the response, its case and its codings are all still there
    assertThat(count("SELECT count(*) FROM responses_response WHERE source = '" + source + "'")).isEqualTo(nBefore);
    assertThat(count("SELECT count(*) FROM followup_case WHERE response_id = '" + responseId + "'")).isEqualTo(1);
    Reply again = get("/api/v1/contacts/" + contactId + "/personal-data");
    assertThat(again.body()).doesNotContain(email).doesNotContain("Kim Lee").doesNotContain("+49 30");
  }

  @Test
  void the_whole_workspace_exports_as_csv_and_as_json_without_secrets() throws Exception {
    String source = unique("export");
    Reply r = post("/api/v1/responses", """
        {"source": "%s", "sourceId": "e-1", "score": 8, "comment": "fine, \\"mostly\\", thanks", "contact": {"externalId": "%s-c"}}"""
        .formatted(source, source));
    String id = r.json().path("id").asString();

    Map<String, String> csv = zip("/api/v1/export?format=csv");
    assertThat(csv).containsKeys("responses_response.csv", "followup_case.csv", "responses_contact.csv")
        .doesNotContainKeys("platform_api_key.csv", "outreach_secret.csv", "event_publication.csv", "flyway_schema_history.csv");
    assertThat(csv.get("responses_response.csv").lines().findFirst().orElseThrow()).startsWith("id,source,source_id,");
    assertThat(csv.get("responses_response.csv")).contains(id + "," + source + ",e-1,").contains("\"fine, \"\"mostly\"\", thanks\"");
    assertThat(csv.getOrDefault("insights_text.csv", "id")).doesNotContain("embedding");
    assertThat(csv.get("platform_user.csv")).doesNotContain("password");

    Map<String, String> json = zip("/api/v1/export?format=json");
    String line = json.get("responses_response.ndjson").lines().filter(l -> l.contains(id)).findFirst().orElseThrow();
    assertThat(JSON.readTree(line).path("comment").asString()).isEqualTo("fine, \"mostly\", thanks");

    Reply bad = get("/api/v1/export?format=xml");
    assertThat(bad.status()).isEqualTo(422);
  }

  private Map<String, String> zip(String path) throws Exception {
    HttpResponse<byte[]> res = HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + ADMIN_KEY).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(res.statusCode()).isEqualTo(200);
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(res.body()))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    return files;
  }

  private Reply delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + ADMIN_KEY).DELETE());
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
