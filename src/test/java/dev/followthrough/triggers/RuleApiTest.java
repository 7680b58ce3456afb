package dev.followthrough.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RuleApiTest extends IntegrationTest {

  private Reply putJson(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + ADMIN_KEY)
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private Reply remove(String path) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + ADMIN_KEY).DELETE());
  }

  private Reply postYaml(String path, String yaml) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + ADMIN_KEY)
        .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(yaml)));
  }

  private static String aRule(String name, String program) {
    return """
        {"name": "%s", "description": "test rule",
         "conditions": {"categories": ["detractor"], "programs": ["%s"], "droppedBy": 3, "attributes": {"plan": ["pro"]}},
         "outcome": {"followUp": true, "channel": "call", "play": "recover", "sla": "12h", "priorityBoost": 5,
                     "ownerPolicy": "team", "team": "cx-emea", "overflow": "interview", "sampleRate": 1}}"""
        .formatted(name, program);
  }

  private JsonNode rules() {
    return get("/api/v1/rules").json().get("items");
  }

  @Test
  void a_rule_is_created_read_updated_and_deleted() {
    String name = unique("Drop in program");
    Reply created = post("/api/v1/rules", aRule(name, unique("prog")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode rule = created.json();
    String id = rule.get("id").asString();
    assertThat(rule.get("version").asInt()).isEqualTo(1);
    assertThat(rule.get("summary").asString()).contains("category = detractor", "dropped ≥ 3 points");
    assertThat(rule.get("outcome").get("sla").asString()).isEqualTo("12h");
    JsonNode all = rules();
    assertThat(all.get(all.size() - 1).get("name").asString()).as("a new rule goes before the catch-all")
        .isEqualTo("Everyone else: no follow-up");
    assertThat(all.get(all.size() - 2).get("id").asString()).isEqualTo(id);

    String changed = aRule(name, "other").replace("\"12h\"", "\"6h\"").replaceFirst("\\{", "{\"version\": 1, ");
    Reply updated = putJson("/api/v1/rules/" + id, changed);
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().get("version").asInt()).isEqualTo(2);
    assertThat(get("/api/v1/rules/" + id).json().get("outcome").get("sla").asString()).isEqualTo("6h");

    Reply stale = putJson("/api/v1/rules/" + id, changed);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().get("field").asString()).isEqualTo("version");

    assertThat(remove("/api/v1/rules/" + id).status()).isEqualTo(204);
    assertThat(get("/api/v1/rules/" + id).status()).isEqualTo(404);
    assertThat(remove("/api/v1/rules/" + id).status()).isEqualTo(404);
  }

  @Test
  void invalid_rules_are_rejected_naming_the_field() {
    record Case(String body, String field, String reasonStart) {}
    String name = unique("bad");
    for (Case c : new Case[] {
        new Case("{\"outcome\": {\"followUp\": false}}", "name", "is required"),
        new Case("{\"name\": \"%s\", \"outcome\": {\"followUp\": true, \"play\": \"recover\", \"sla\": \"2d\"}}".formatted(name),
            "outcome.channel", "is required"),
        new Case("{\"name\": \"%s\", \"conditions\": {\"categories\": [\"angry\"]}, \"outcome\": {\"followUp\": false}}".formatted(name),
            "conditions.categories", "must be detractor, passive or promoter"),
        new Case("{\"name\": \"%s\", \"conditions\": {\"scoreMin\": 11}, \"outcome\": {\"followUp\": false}}".formatted(name),
            "conditions.scoreMin", "must be a whole number from 0 to 10"),
        new Case("{\"name\": \"%s\", \"outcome\": {\"followUp\": true, \"channel\": \"call\", \"play\": \"recover\", \"sla\": \"2d\", \"sampleRate\": 2}}".formatted(name),
            "outcome.sampleRate", "must be from 0 to 1"),
        new Case("{\"name\": \"%s\", \"colour\": \"red\", \"outcome\": {\"followUp\": false}}".formatted(name),
            "colour", "is not a known field"),
        new Case("{\"name\": \"Detractors: follow up within 48 h\", \"outcome\": {\"followUp\": false}}", "name",
            "another rule is already called")}) {
      Reply r = post("/api/v1/rules", c.body());
      assertThat(r.status()).as(c.body() + " → " + r).isEqualTo(422);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.json().get("field").asString()).isEqualTo(c.field());
      assertThat(r.json().get("reason").asString()).startsWith(c.reasonStart());
    }
  }

  @Test
  void only_managers_change_rules() {
    Reply key = post("/api/v1/api-keys", "{\"name\": \"%s\", \"role\": \"agent\"}".formatted(unique("agent")));
    assertThat(key.status()).as(key.toString()).isIn(200, 201);
    Reply r = postAs(key.json().get("token").asString(), "/api/v1/rules", aRule(unique("x"), "p"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }

  @Test
  void reordering_needs_every_rule_once() {
    JsonNode all = rules();
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < all.size(); i++) ids.append(i == 0 ? "" : ",").append('"').append(all.get(i).get("id").asString()).append('"');
    Reply same = post("/api/v1/rules/order", "{\"ids\": [" + ids + "]}");
    assertThat(same.status()).as(same.toString()).isEqualTo(200);
    Reply partial = post("/api/v1/rules/order", "{\"ids\": [\"" + all.get(0).get("id").asString() + "\"]}");
    assertThat(partial.status()).isEqualTo(422);
    assertThat(partial.json().get("field").asString()).isEqualTo("ids");
  }

  @Test
  void rule_order_changes_and_the_first_match_then_decides() {
    String program = unique("order");
    String a = post("/api/v1/rules", aRule(unique("A"), program)).json().get("id").asString();
    String b = post("/api/v1/rules", aRule(unique("B"), program)).json().get("id").asString();
    try {
      JsonNode all = rules();
      java.util.List<String> ids = new java.util.ArrayList<>();
      for (JsonNode r : all) ids.add(r.get("id").asString());
      ids.remove(b);
      ids.add(0, b);
      Reply ordered = post("/api/v1/rules/order", JSON.writeValueAsString(java.util.Map.of("ids", ids)));
      assertThat(ordered.status()).as(ordered.toString()).isEqualTo(200);
      assertThat(rules().get(0).get("id").asString()).isEqualTo(b);
      Reply test = post("/api/v1/rules/test", """
          {"response": {"score": 2, "program": "%s", "previousScore": 9, "attributes": {"plan": "Pro"}}}""".formatted(program));
      assertThat(test.json().get("ruleId").asString()).isEqualTo(b);
    } finally {
      remove("/api/v1/rules/" + a);
      remove("/api/v1/rules/" + b);
    }
    JsonNode after = rules();
    assertThat(after.get(0).get("name").asString()).isEqualTo("Enterprise detractors: CSM call within 24 h");
    assertThat(after.get(after.size() - 1).get("position").asInt()).isEqualTo(after.size());
  }

  @Test
  void the_export_imports_back_unchanged_and_a_replace_import_can_be_undone() {
    Reply export = get("/api/v1/rules/export");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.contentType()).startsWith("application/yaml");
    assertThat(export.body()).contains("version: 1", "name: 'Detractors: follow up within 48 h'", "sla: 48h");

    Reply same = postYaml("/api/v1/rules/import?mode=replace", export.body());
    assertThat(same.status()).as(same.toString()).isEqualTo(200);
    assertThat(same.json().get("created").asInt() + same.json().get("updated").asInt() + same.json().get("deleted").asInt())
        .isZero();

    String name = unique("Imported first");
    String withOneMore = export.body().replace("rules:\n", """
        rules:
          - name: %s
            conditions:
              programs: [%s]
              comment: present
              arrMin: 50000.5
            outcome:
              followUp: true
              channel: in_app
              play: improve
              sla: 3d
              sampleRate: 25%%
        """.formatted(name, unique("imp")));
    Reply replaced = postYaml("/api/v1/rules/import?mode=replace", withOneMore);
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(replaced.json().get("created").asInt()).isEqualTo(1);
    assertThat(rules().get(0).get("name").asString()).isEqualTo(name);
    assertThat(rules().get(0).get("outcome").get("sampleRate").asDouble()).isEqualTo(0.25);
    assertThat(get("/api/v1/rules/export").body()).contains("arrMin: 50000.5");

    Reply undone = postYaml("/api/v1/rules/import?mode=replace", export.body());
    assertThat(undone.json().get("deleted").asInt()).isEqualTo(1);
    assertThat(get("/api/v1/rules/export").body()).isEqualTo(export.body());
  }

  @Test
  void a_merge_import_adds_by_name_before_the_catch_all() {
    String name = unique("Merged");
    String yaml = """
        version: 1
        rules:
          - name: %s
            enabled: false
            outcome: {followUp: false}
        """.formatted(name);
    Reply merged = postYaml("/api/v1/rules/import?mode=merge", yaml);
    assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
    JsonNode all = rules();
    assertThat(all.get(all.size() - 2).get("name").asString()).isEqualTo(name);
    assertThat(all.get(all.size() - 2).get("enabled").asBoolean()).isFalse();
    Reply again = postYaml("/api/v1/rules/import?mode=merge", yaml);
    assertThat(again.json().get("created").asInt()).isZero();
    assertThat(remove("/api/v1/rules/" + all.get(all.size() - 2).get("id").asString()).status()).isEqualTo(204);
  }

  @Test
  void bad_yaml_changes_nothing_and_names_the_problem() {
    String before = get("/api/v1/rules/export").body();
    Reply broken = postYaml("/api/v1/rules/import", "rules: [ {name: x\n");
    assertThat(broken.status()).isEqualTo(422);
    assertThat(broken.json().get("field").asString()).isEqualTo("body");
    assertThat(broken.json().get("reason").asString()).startsWith("not valid YAML");
    Reply unknown = postYaml("/api/v1/rules/import", """
        version: 1
        rules:
          - name: ok
            outcome: {followUp: false}
          - name: bad
            outcome: {followUp: true, channel: pigeon, play: recover, sla: 1d}
        """);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("field").asString()).isEqualTo("rules[1].outcome.channel");
    Reply tagged = postYaml("/api/v1/rules/import", "!!java.io.File [\"/etc/passwd\"]\n");
    assertThat(tagged.status()).isEqualTo(422);
    assertThat(get("/api/v1/rules/export").body()).isEqualTo(before);
  }

  @Test
  void a_dry_run_explains_the_decision_and_records_nothing() {
    Reply r = post("/api/v1/rules/test", """
        {"response": {"score": 2, "tier": "enterprise", "arr": 400000, "comment": "Slow", "previousScore": 8,
                      "renewalDate": "%s"}}""".formatted(java.time.LocalDate.now().plusDays(20)));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode d = r.json();
    assertThat(d.get("followUp").asBoolean()).isTrue();
    assertThat(d.get("ruleName").asString()).isEqualTo("Enterprise detractors: CSM call within 24 h");
    assertThat(d.get("channel").asString()).isEqualTo("call");
    assertThat(d.get("priority").asInt()).isGreaterThan(80);
    assertThat(d.get("factors").toString()).contains("renews in 20 days", "down 6 since the previous score");

    Reply draft = post("/api/v1/rules/test", """
        {"rule": {"name": "draft", "conditions": {"languages": ["de"]}, "outcome": {"followUp": false}},
         "response": {"score": 5, "language": "en"}}""");
    assertThat(draft.json().get("followUp").asBoolean()).isFalse();
    assertThat(draft.json().get("reason").asString()).isEqualTo("no follow-up: no enabled rule matched");

    Reply bad = post("/api/v1/rules/test", "{\"response\": {\"score\": \"ten\"}}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().get("field").asString()).isEqualTo("response.score");
  }
}
