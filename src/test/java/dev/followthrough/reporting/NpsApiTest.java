package dev.followthrough.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.followthrough.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NpsApiTest extends IntegrationTest {

  /** Worked example D of the formulas: January D30/A30/P40 (NPS 10), February D20/A30/P50 (NPS 30). */
  private String exampleD() {
    String program = unique("example-d");
    List<String> items = new ArrayList<>();
    addScores(items, program, "2026-01-15T10:00:00Z", 30, 30, 40);
    addScores(items, program, "2026-02-15T10:00:00Z", 20, 30, 50);
    Reply r = post("/api/v1/responses/batch", "{\"items\": [" + String.join(",", items) + "]}");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("summary").get("recorded").asInt()).isEqualTo(200);
    return program;
  }

  private static void addScores(List<String> items, String program, String at, int detractors, int passives, int promoters) {
    int k = items.size();
    for (int i = 0; i < detractors; i++) items.add(item(program, k++, i % 7, at));
    for (int i = 0; i < passives; i++) items.add(item(program, k++, 7 + i % 2, at));
    for (int i = 0; i < promoters; i++) items.add(item(program, k++, 9 + i % 2, at));
  }

  private static String item(String program, int k, int score, String at) {
    return """
        {"sourceId": "%s-%d", "score": %d, "program": "%s", "respondedAt": "%s", "kind": "relational"}"""
        .formatted(program, k, score, program, at);
  }

  @Test
  void monthly_nps_carries_adjusted_wald_intervals_and_an_honest_change_test() {
    String program = exampleD();
    JsonNode r = get("/api/v1/nps?program=" + program + "&groupBy=month").json();

    JsonNode overall = r.get("overall");
    assertThat(overall.get("n").asInt()).isEqualTo(200);
    assertThat(overall.get("nps").asDouble()).isEqualTo(20.0);
    assertThat(overall.get("ci95").get("method").asString()).isEqualTo("adjusted-wald");
    assertThat(overall.get("ci95").get("low").asDouble()).isLessThan(20.0);
    assertThat(overall.get("ci95").get("high").asDouble()).isGreaterThan(20.0);

    JsonNode groups = r.get("groups");
    assertThat(groups).hasSize(2);
    assertThat(groups.get(0).get("key").asString()).isEqualTo("2026-01");
    assertThat(groups.get(0).get("nps").asDouble()).isEqualTo(10.0);
    assertThat(groups.get(0).has("change")).isFalse();
    JsonNode change = groups.get(1).get("change");
    assertThat(change.get("from").asString()).isEqualTo("2026-01");
    assertThat(change.get("difference").asDouble()).isCloseTo(20.0, within(0.01));
    assertThat(change.get("standardError").asDouble()).isCloseTo(11.40, within(0.01));
    assertThat(change.get("ci95").get("low").asDouble()).isCloseTo(-2.35, within(0.01));
    assertThat(change.get("ci95").get("high").asDouble()).isCloseTo(42.35, within(0.01));
    assertThat(change.get("pValue").asDouble()).isCloseTo(0.0794, within(0.0005));
    assertThat(change.get("significant").asBoolean()).isFalse();
    assertThat(change.get("verdict").asString()).startsWith("Could be noise");
  }

  @Test
  void two_periods_can_be_compared_directly() {
    String program = exampleD();
    JsonNode r = get("/api/v1/nps/compare?program=" + program
        + "&previousFrom=2026-01-01&previousTo=2026-01-31&from=2026-02-01&to=2026-02-28").json();
    assertThat(r.get("previous").get("nps").asDouble()).isEqualTo(10.0);
    assertThat(r.get("current").get("nps").asDouble()).isEqualTo(30.0);
    assertThat(r.get("change").get("significant").asBoolean()).isFalse();
  }

  @Test
  void grouping_by_tier_touchpoint_and_unknown_grouping() {
    String t = unique("tp");
    post("/api/v1/responses", """
        {"sourceId": "%s-1", "score": 10, "touchpoint": "%s", "account": {"externalId": "%s-a", "tier": "%s-gold"}}""".formatted(t, t, t, t));
    post("/api/v1/responses", """
        {"sourceId": "%s-2", "score": 0, "touchpoint": "%s", "account": {"externalId": "%s-b", "tier": "%s-tin"}}""".formatted(t, t, t, t));
    JsonNode byTier = get("/api/v1/nps?touchpoint=" + t + "&groupBy=tier").json();
    assertThat(byTier.get("groups")).hasSize(2);
    assertThat(byTier.get("overall").get("nps").asDouble()).isEqualTo(0.0);
    JsonNode empty = get("/api/v1/nps?touchpoint=" + unique("none")).json();
    assertThat(empty.get("overall").get("n").asInt()).isZero();
    assertThat(empty.get("overall").get("nps").isNull()).isTrue();
    Reply bad = get("/api/v1/nps?groupBy=colour");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(get("/api/v1/nps?from=last-week").status()).isEqualTo(400);
  }

  @Test
  void account_nps_uses_each_contacts_latest_score_and_sums_revenue_at_risk() {
    String a = unique("acct");
    // the champion was unhappy, then recovered; two colleagues are detractors → account NPS −33 → at risk
    post("/api/v1/responses", """
        {"sourceId": "%s-1", "score": 2, "respondedAt": "2026-03-01T00:00:00Z", "program": "%s",
         "contact": {"externalId": "%s-c1"}, "account": {"externalId": "%s-risky", "arr": 250000, "tier": "enterprise"}}""".formatted(a, a, a, a));
    post("/api/v1/responses", """
        {"sourceId": "%s-2", "score": 9, "respondedAt": "2026-06-01T00:00:00Z", "program": "%s",
         "contact": {"externalId": "%s-c1"}, "account": {"externalId": "%s-risky"}}""".formatted(a, a, a, a));
    post("/api/v1/responses", """
        {"sourceId": "%s-3", "score": 4, "respondedAt": "2026-06-02T00:00:00Z", "program": "%s",
         "contact": {"externalId": "%s-c2"}, "account": {"externalId": "%s-risky"}}""".formatted(a, a, a, a));
    post("/api/v1/responses", """
        {"sourceId": "%s-4", "score": 6, "respondedAt": "2026-06-03T00:00:00Z", "program": "%s",
         "contact": {"externalId": "%s-c3"}, "account": {"externalId": "%s-risky"}}""".formatted(a, a, a, a));
    // a happy account
    post("/api/v1/responses", """
        {"sourceId": "%s-5", "score": 10, "respondedAt": "2026-06-01T00:00:00Z", "program": "%s",
         "contact": {"externalId": "%s-c4"}, "account": {"externalId": "%s-happy", "arr": 40000, "tier": "smb"}}""".formatted(a, a, a, a));

    JsonNode r = get("/api/v1/nps/accounts?program=" + a).json();
    assertThat(r.get("accountsAtRisk").asInt()).isEqualTo(1);
    assertThat(r.get("revenueAtRisk").asDouble()).isEqualTo(250000.0);
    assertThat(r.get("totalArr").asDouble()).isEqualTo(290000.0);
    JsonNode risky = r.get("accounts").get(0);
    assertThat(risky.get("externalId").asString()).isEqualTo(a + "-risky");
    assertThat(risky.get("nps").get("n").asInt()).isEqualTo(3);
    assertThat(risky.get("nps").get("nps").asDouble()).isCloseTo(-33.33, within(0.01));
    assertThat(risky.get("atRisk").asBoolean()).isTrue();
    assertThat(r.get("definition").asString()).contains("latest");
  }
}
