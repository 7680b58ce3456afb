package dev.followthrough.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.OwnerPolicy;
import dev.followthrough.triggers.Play;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Slack incoming webhooks and signed outbound webhooks, received by a real local HTTP server. */
class SlackAndWebhookTest extends OutreachFixtures {

  @Test
  void a_new_detractor_and_its_escalation_reach_the_teams_slack_channel_as_block_kit() throws Exception {
    try (Receiver slack = new Receiver()) {
      String team = unique("team");
      String lead = unique("lead") + "@us.example";
      assertThat(put("/api/v1/teams", """
          {"teams": [{"name": "cx-leads", "lead": "head.of.cx@example.test", "fallback": true},
                     {"name": "%s", "lead": "%s", "members": ["%s"]}]}""".formatted(team, lead, unique("m") + "@us.example"))
          .status()).isEqualTo(200);
      var saved = put("/api/v1/slack-channels", """
          {"channels": [{"team": "%s", "webhookUrl": "%s"}]}""".formatted(team, slack.url("/services/T000/B000/secret")));
      assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
      assertThat(saved.body()).doesNotContain("secret\"").contains(team);

      Customer c = aCustomer(1, "The <b>export</b> is broken & nobody cares", null, null);
      UUID caseId = openCase(c, Channel.CALL, Play.RECOVER, Duration.ofHours(24), OwnerPolicy.TEAM, team);

      var posted = slack.await("new detractor", r -> r.body().contains(caseId.toString()), scheduler::triggerCheckForDueExecutions);
      assertThat(posted.path()).isEqualTo("/services/T000/B000/secret");
      assertThat(posted.header("Content-Type")).startsWith("application/json");
      JsonNode msg = JSON.readTree(posted.body());
      assertThat(msg.get("text").asString()).startsWith("New detractor");
      assertThat(msg.get("blocks").get(0).get("type").asString()).isEqualTo("header");
      assertThat(msg.get("blocks").toString()).contains("&lt;b&gt;export&lt;/b&gt; is broken &amp; nobody cares")
          .contains("/cases/" + caseId).contains("240,000");
      awaitRow(caseId, "slack.new_detractor", "sent");

      assertThat(post("/api/v1/cases/" + caseId + "/escalate", "{\"reason\": \"customer threatens to churn\"}").status())
          .isEqualTo(200);
      slack.await("escalation", r -> r.body().contains("Escalated (level 1)") && r.body().contains(caseId.toString()), scheduler::triggerCheckForDueExecutions);
      var mail = awaitMail(lead);
      assertThat(mail.getSubject()).contains("Escalated (level 1)");
    } finally {
      put("/api/v1/slack-channels", "{\"channels\": []}");
    }
  }

  @Test
  void webhook_subscribers_get_signed_payloads_they_can_verify_independently() throws Exception {
    try (Receiver hook = new Receiver()) {
      var created = post("/api/v1/webhooks", """
          {"url": "%s", "eventTypes": ["case.opened", "case.closed", "response.recorded"], "description": "CRM"}""".formatted(hook.url("/crm")));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String secret = created.json().get("secret").asString();
      String subscription = created.json().get("id").asString();
      assertThat(secret).startsWith("whsec_");
      assertThat(post("/api/v1/webhooks", "{\"url\": \"ftp://x\", \"eventTypes\": [\"case.opened\"]}").status()).isEqualTo(422);
      assertThat(post("/api/v1/webhooks", "{\"url\": \"http://x.example\", \"eventTypes\": [\"case.eaten\"]}").status()).isEqualTo(422);
      try {
        Customer c = aCustomer(6, null, null, zoneAt(12));
        UUID caseId = anInterviewCase(c);
        var r = hook.await("case.opened", x -> x.body().contains(caseId.toString()), scheduler::triggerCheckForDueExecutions);

        String id = r.header("webhook-id");
        String timestamp = r.header("webhook-timestamp");
        String signature = r.header("webhook-signature");
        assertThat(id).startsWith("msg_");
        assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
            mac.doFinal((id + "." + timestamp + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(signature.split(" ")).contains(expected);

        JsonNode payload = JSON.readTree(r.body());
        assertThat(payload.get("type").asString()).isEqualTo("case.opened");
        assertThat(payload.get("data").get("caseId").asString()).isEqualTo(caseId.toString());
        assertThat(payload.get("data").get("channel").asString()).isEqualTo("interview");
        assertThat(payload.get("data").get("openedAt").isString()).isTrue();
        var recorded = hook.await("response.recorded", x -> x.body().contains("\"response.recorded\"")
            && x.body().contains(c.responseId().toString()), scheduler::triggerCheckForDueExecutions);
        assertThat(JSON.readTree(recorded.body()).get("data").get("score").asInt()).isEqualTo(6);
        var rows = get("/api/v1/messages?caseId=" + caseId).json().get("items");
        assertThat(rows.toString()).contains("\"eventType\":\"case.opened\"");
      } finally {
        assertThat(send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/webhooks/" + subscription)))
            .header("Authorization", "Bearer " + ADMIN_KEY).DELETE()).status()).isEqualTo(204);
      }
    }
  }
}
