package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.platform.Role;
import dev.followthrough.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The survey sources pages: admin only; the URL, secret, test delivery and delivery log. */
class HooksPagesTest extends IntegrationTest {

  private ConsoleSession admin() {
    return ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  @Test
  void an_admin_creates_a_source_sees_its_url_and_secret_once_and_a_test_delivery_arrives() {
    var admin = admin();
    var list = admin.get("/settings/sources");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("Survey sources");
    String key = unique("typeform");
    var created = admin.post("/settings/sources", Map.of("_csrf", list.csrf(), "vendor", "typeform", "key", key,
        "program", "Onboarding", "kind", "transactional"));
    assertThat(created.status()).as(created.toString()).isEqualTo(302);
    assertThat(created.location()).endsWith("/settings/sources/" + key);

    var fresh = admin.get("/settings/sources/" + key);
    assertThat(fresh.body()).contains("/hooks/" + key).contains("Copy the secret").contains("whsec_");
    var later = admin.get("/settings/sources/" + key);
    assertThat(later.body()).as("the secret is shown once, then on request").doesNotContain("whsec_").contains("Reveal secret");
    assertThat(admin.get("/settings/sources/" + key + "?reveal=1").body()).contains("whsec_");

    var test = admin.post("/settings/sources/" + key + "/test", Map.of("_csrf", later.csrf()));
    assertThat(test.status()).isEqualTo(302);
    var after = admin.get("/settings/sources/" + key);
    assertThat(after.body()).contains("Answer: HTTP 201").contains("accepted");
    long stored = jdbc.sql("SELECT count(*) FROM responses_response WHERE source = :s").param("s", key).query(Long.class).single();
    assertThat(stored).isEqualTo(1);

    admin.post("/settings/sources/" + key + "/rotate", Map.of("_csrf", after.csrf()));
    assertThat(admin.get("/settings/sources/" + key).body()).contains("A new secret is in force");
    admin.post("/settings/sources/" + key + "/test", Map.of("_csrf", after.csrf()));
    assertThat(admin.get("/settings/sources/" + key).body()).as("the sample is signed with the new secret")
        .contains("Answer: HTTP 200").contains("duplicate");
  }

  @Test
  void a_disabled_source_refuses_deliveries_with_403_and_logs_them() {
    var admin = admin();
    var list = admin.get("/settings/sources");
    String key = unique("retently");
    admin.post("/settings/sources", Map.of("_csrf", list.csrf(), "vendor", "retently", "key", key));
    var page = admin.get("/settings/sources/" + key);
    admin.post("/settings/sources/" + key + "/enabled", Map.of("_csrf", page.csrf(), "enabled", "false"));
    assertThat(admin.get("/settings/sources/" + key).body()).contains("refuses deliveries");
    admin.post("/settings/sources/" + key + "/test", Map.of("_csrf", page.csrf()));
    var after = admin.get("/settings/sources/" + key);
    assertThat(after.body()).contains("Answer: HTTP 403").contains("the source is disabled").contains("Enable source");
  }

  @Test
  void a_bad_key_is_explained() {
    var admin = admin();
    var list = admin.get("/settings/sources");
    var bad = admin.post("/settings/sources", Map.of("_csrf", list.csrf(), "vendor", "delighted", "key", "Not OK"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("lower-case");
  }

  @Test
  void a_viewer_may_not_open_survey_sources() {
    String email = unique("viewer") + "@example.test";
    var admin = admin();
    admin.post("/settings/users", Map.of("_csrf", admin.get("/settings/users").csrf(), "email", email,
        "displayName", "Viewer", "password", "a-long-enough-password", "role", Role.VIEWER.key()));
    var viewer = ConsoleSession.signedIn(port, email, "a-long-enough-password");
    assertThat(viewer.get("/settings/sources").status()).isEqualTo(403);
    assertThat(viewer.get("/").body()).doesNotContain("Survey sources");
  }
}
