package dev.followthrough.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole chain: a score arrives over HTTP, the default rules decide, a case opens — once. */
class ScoreToCaseTest extends IntegrationTest {

  @Test
  void a_detractor_posted_twice_at_once_opens_exactly_one_case_owned_by_the_account_owner() throws Exception {
    String id = unique("e2e");
    String body = """
        {"source": "e2e", "sourceId": "%s", "score": 2, "comment": "Billing double-charged us",
         "respondedAt": "%s", "contact": {"externalId": "%s"},
         "account": {"externalId": "%s", "tier": "enterprise", "arr": 250000, "owner": "Marcus Bell"}}"""
        .formatted(id, Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS), id, id);
    List<CompletableFuture<Reply>> posts = new ArrayList<>();
    for (int i = 0; i < 4; i++) posts.add(CompletableFuture.supplyAsync(() -> post("/api/v1/responses", body)));
    List<Integer> statuses = new ArrayList<>();
    for (var p : posts) statuses.add(p.get().status());
    assertThat(statuses).containsOnly(200, 201).contains(201);
    String responseId = posts.get(0).get().json().get("id").asString();

    JsonNode c = await("a case for " + responseId, () -> {
      JsonNode page = get("/api/v1/cases?responseId=" + responseId).json();
      return page.get("total").asInt() > 0 ? Optional.of(page.get("items").get(0)) : Optional.empty();
    });
    assertThat(c.get("owner").asString()).isEqualTo("Marcus Bell");
    assertThat(c.get("channel").asString()).isEqualTo("call");
    assertThat(c.get("rule").asString()).startsWith("Enterprise detractors");
    assertThat(c.get("priorityFactors").findValuesAsString("name")).isNotEmpty();
    JsonNode decision = get("/api/v1/decisions?responseId=" + responseId).json();
    assertThat(decision.toString()).contains("Enterprise detractors");

    // a late duplicate delivery and the outbox's replays never make a second case
    assertThat(post("/api/v1/responses", body).status()).isEqualTo(200);
    assertThat(jdbc.sql("SELECT count(*) FROM followup_case WHERE response_id = ?::uuid").param(responseId)
        .query(Long.class).single()).isEqualTo(1);
  }
}
