package dev.followthrough.responses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class ResponseApiTest extends IntegrationTest {

  @Test
  void a_detractor_is_recorded_with_its_category() {
    String sourceId = unique("r");
    Reply r = post("/api/v1/responses", """
        {"sourceId": "%s", "score": 3, "comment": "Exports keep timing out",
         "contact": {"email": "%s@example.com", "name": "Dana"},
         "account": {"externalId": "%s", "name": "Acme", "tier": "enterprise", "arr": 120000}}""".formatted(sourceId, sourceId, sourceId));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().get("category").asString()).isEqualTo("detractor");
    assertThat(r.json().get("account").get("tier").asString()).isEqualTo("enterprise");
  }
}
