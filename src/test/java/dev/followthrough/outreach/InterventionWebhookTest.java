package dev.followthrough.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The owning team's notices about an intervention also reach a signed webhook (a tracker such as Jira or Linear). */
class InterventionWebhookTest extends OutreachFixtures {

  @Test
  void a_new_intervention_is_announced_to_webhook_subscribers_of_intervention_notice() throws Exception {
    try (Receiver hook = new Receiver()) {
      var created = post("/api/v1/webhooks", """
          {"url": "%s", "eventTypes": ["intervention.notice"], "description": "tracker"}""".formatted(hook.url("/tracker")));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String subscription = created.json().get("id").asString();
      try {
        String title = "Route every ticket to one named owner " + unique("t");
        var intervention = post("/api/v1/interventions", """
            {"title": "%s", "mechanisms": ["no-ownership"], "outcome": "Every ticket has one owner within an hour",
             "dueOn": "%s"}""".formatted(title, LocalDate.now(ZoneOffset.UTC).plusDays(30)));
        assertThat(intervention.status()).as(intervention.toString()).isEqualTo(201);
        String id = intervention.json().get("id").asString();

        var r = hook.await("intervention.notice", x -> x.body().contains(id), scheduler::triggerCheckForDueExecutions);
        assertThat(r.header("webhook-signature")).startsWith("v1,");
        JsonNode payload = JSON.readTree(r.body());
        assertThat(payload.get("type").asString()).isEqualTo("intervention.notice");
        JsonNode data = payload.get("data");
        assertThat(data.get("notice").asString()).isEqualTo("created");
        assertThat(data.get("team").asString()).isEqualTo(intervention.json().get("team").asString());
        assertThat(data.get("subject").asString()).contains(title);
        assertThat(data.get("link").asString()).endsWith("/actions/" + id);
      } finally {
        assertThat(send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/webhooks/" + subscription)))
            .header("Authorization", "Bearer " + ADMIN_KEY).DELETE()).status()).isEqualTo(204);
      }
    }
  }
}
