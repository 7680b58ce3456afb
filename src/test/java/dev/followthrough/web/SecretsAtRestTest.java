package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.platform.SecretBox;
import dev.followthrough.platform.SecretsAtRest;
import dev.followthrough.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Source secrets, Slack URLs and outbound webhook secrets are sealed in the database, opened only where
 * they are used, and never appear in API answers (beyond the one answer that creates or rotates them),
 * console pages (unless revealed on request) or the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestTest extends IntegrationTest {

  @Autowired SecretBox box;
  @Autowired SecretsAtRest secrets;

  @Test
  void secrets_are_sealed_in_the_database_and_never_shown_in_listings_pages_or_logs(CapturedOutput output) {
    String key = unique("delighted");
    String sourceSecret = "src-" + unique("secret") + "-0123456789abcdef";
    var created = post("/api/v1/sources", """
        {"key": "%s", "vendor": "delighted", "secret": "%s"}""".formatted(key, sourceSecret));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.body()).as("the creating answer shows it once").contains(sourceSecret);

    String team = unique("team");
    String slackUrl = "https://hooks.slack.com/services/T0001/B0001/" + unique("slacktoken");
    var slack = put("/api/v1/slack-channels", """
        {"channels": [{"team": "%s", "webhookUrl": "%s"}]}""".formatted(team, slackUrl));
    assertThat(slack.status()).as(slack.toString()).isEqualTo(200);

    var hook = post("/api/v1/webhooks", """
        {"url": "https://crm.example.test/hook", "eventTypes": ["case.opened"], "description": "crm"}""");
    assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
    String hookSecret = hook.json().get("secret").asString();
    String hookId = hook.json().get("id").asString();

    // at rest: sealed under the current key, the clear value nowhere in the row
    String storedSource = jdbc.sql("SELECT secret FROM responses_hook_source WHERE source_key = ?").param(key).query(String.class).single();
    String storedSlack = jdbc.sql("SELECT webhook_url FROM outreach_slack_channel WHERE team = ?").param(team).query(String.class).single();
    String storedHook = jdbc.sql("SELECT secret FROM outreach_webhook WHERE id = CAST(? AS uuid)").param(hookId).query(String.class).single();
    for (var v : List.of(storedSource, storedSlack, storedHook)) assertThat(box.isCurrent(v)).as(v).isTrue();
    assertThat(storedSource).doesNotContain(sourceSecret);
    assertThat(box.open(storedSource)).isEqualTo(sourceSecret);
    assertThat(box.open(storedSlack)).isEqualTo(slackUrl);
    assertThat(box.open(storedHook)).isEqualTo(hookSecret);
    assertThat(jdbc.sql("SELECT secret FROM platform_secret_key").query(String.class).optional())
        .as("development: the per-install key").isPresent();
    for (String table : List.of("outreach_secret", "surveys_widget_secret")) {
      jdbc.sql("SELECT secret FROM " + table).query(String.class).list().forEach(v -> assertThat(SecretBox.isSealed(v)).as(table).isTrue());
    }

    // API answers other than the creating ones
    String slackToken = slackUrl.substring(slackUrl.lastIndexOf('/') + 1);
    for (String path : List.of("/api/v1/sources", "/api/v1/sources/" + key, "/api/v1/slack-channels", "/api/v1/webhooks",
        "/api/v1/secrets")) {
      var r = get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).doesNotContain(sourceSecret).doesNotContain(slackToken).doesNotContain(hookSecret)
          .doesNotContain(SecretBox.PREFIX);
    }

    // console pages' source (no reveal asked)
    var admin = ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    for (String path : List.of("/settings/sources", "/settings/sources/" + key, "/outreach", "/settings/api-keys", "/surveys")) {
      var page = admin.get(path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).doesNotContain(sourceSecret).doesNotContain(slackToken).doesNotContain(hookSecret)
          .doesNotContain(SecretBox.PREFIX);
    }
    assertThat(admin.get("/settings/sources/" + key + "?reveal=1").body()).as("an admin may reveal it on purpose").contains(sourceSecret);

    // a delivery signed with the secret is verified with the opened value
    var test = admin.post("/settings/sources/" + key + "/test", Map.of("_csrf", admin.get("/settings/sources/" + key).csrf()));
    assertThat(test.status()).isEqualTo(302);
    assertThat(admin.get("/settings/sources/" + key).body()).contains("Answer: HTTP 201");

    assertThat(output.getAll()).doesNotContain(sourceSecret).doesNotContain(slackToken).doesNotContain(hookSecret);
  }

  @Test
  void a_clear_value_left_from_before_sealing_is_sealed_on_start_and_keeps_working() {
    String key = unique("retently");
    assertThat(post("/api/v1/sources", """
        {"key": "%s", "vendor": "retently", "secret": "old-clear-secret-0123456789"}""".formatted(key)).status()).isEqualTo(201);
    // as an install from before sealing left it
    jdbc.sql("UPDATE responses_hook_source SET secret = 'old-clear-secret-0123456789' WHERE source_key = ?").param(key).update();
    assertThat(get("/api/v1/secrets").body()).contains("\"clear\":1");

    secrets.run(null); // what every start does

    String stored = jdbc.sql("SELECT secret FROM responses_hook_source WHERE source_key = ?").param(key).query(String.class).single();
    assertThat(box.isCurrent(stored)).isTrue();
    assertThat(box.open(stored)).isEqualTo("old-clear-secret-0123456789");
    assertThat(get("/api/v1/secrets").body()).doesNotContain("\"clear\":1");
  }

  @Test
  void the_secrets_api_is_for_admins_and_seals_a_value_for_a_setting() {
    var viewer = post("/api/v1/api-keys", "{\"name\": \"" + unique("viewer") + "\", \"role\": \"viewer\"}").json().get("token").asString();
    var manager = post("/api/v1/api-keys", "{\"name\": \"" + unique("manager") + "\", \"role\": \"manager\"}").json().get("token").asString();
    assertThat(postAs(viewer, "/api/v1/secrets/reseal", "{}").status()).isEqualTo(403);
    assertThat(postAs(manager, "/api/v1/secrets/reseal", "{}").status()).isEqualTo(403);
    var resealed = post("/api/v1/secrets/reseal", "{}");
    assertThat(resealed.status()).isEqualTo(200);
    assertThat(resealed.json().get("keyId").asString()).isEqualTo(box.keyId());

    var sealed = post("/api/v1/secrets/seal", "{\"value\": \"sk-llm-key-123\"}");
    assertThat(sealed.status()).isEqualTo(200);
    assertThat(box.open(sealed.json().get("sealed").asString())).isEqualTo("sk-llm-key-123");
    var bad = post("/api/v1/secrets/seal", "{\"value\": 12}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.body()).contains("value");
  }
}
