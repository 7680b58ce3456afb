package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.followthrough.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Security-relevant actions leave an entry; the log is append-only and for admins only. */
class AuditLogTest extends IntegrationTest {

  private long count(String action, String actor) {
    return jdbc.sql("SELECT count(*) FROM platform_audit WHERE action = ? AND actor = ?").params(action, actor).query(Long.class).single();
  }

  @Test
  void key_creation_and_revocation_logins_exports_and_secret_rotation_are_audited_with_who_and_where() {
    String name = unique("audited");
    var created = post("/api/v1/api-keys", "{\"name\": \"" + name + "\", \"role\": \"viewer\"}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asString();
    String viewerKey = created.json().get("token").asString();
    long revokedBefore = count("api_key.revoked", "apikey:bootstrap");
    var revoked = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/api-keys/" + id)))
        .header("Authorization", "Bearer " + ADMIN_KEY).DELETE());
    assertThat(revoked.status()).isLessThan(300);
    assertThat(count("api_key.revoked", "apikey:bootstrap")).isEqualTo(revokedBefore + 1);
    assertThat(get("/api/v1/rules/export").status()).isEqualTo(200);
    assertThat(post("/api/v1/survey-widget/secret/rotate", "{}").status()).isEqualTo(200);

    var admin = ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    var page = admin.get("/settings/api-keys");
    admin.post("/settings/api-keys", Map.of("_csrf", page.csrf(), "name", unique("console-key"), "role", "agent"));

    var log = get("/api/v1/audit?limit=50");
    assertThat(log.status()).isEqualTo(200);
    var items = log.json().get("items");
    assertThat(items.toString())
        .contains("\"action\":\"api_key.created\"", "\"target\":\"/api/v1/api-keys\"", "\"actor\":\"apikey:bootstrap\"")
        .contains("\"action\":\"api_key.revoked\"", "\"target\":\"/api/v1/api-keys/" + id + "\"")
        .contains("\"action\":\"export\"", "\"target\":\"/api/v1/rules/export\"")
        .contains("\"action\":\"secret.rotated\"", "\"target\":\"/api/v1/survey-widget/secret/rotate\"")
        .contains("\"action\":\"login.succeeded\"", "\"actor\":\"" + ADMIN_EMAIL + "\"")
        .contains("\"ip\":\"127.0.0.1\"")
        .doesNotContain(viewerKey);
    assertThat(items.get(0).get("id").asLong()).isGreaterThan(items.get(items.size() - 1).get("id").asLong());
    assertThat(count("api_key.created", ADMIN_EMAIL)).as("the console's key creation, by the signed-in admin").isPositive();

    var filtered = get("/api/v1/audit?action=login&actor=" + ADMIN_EMAIL).json().get("items");
    assertThat(filtered.size()).isPositive();
    filtered.forEach(e -> assertThat(e.get("action").asString()).startsWith("login."));

    // the console page
    var auditPage = admin.get("/settings/audit?action=api_key");
    assertThat(auditPage.status()).isEqualTo(200);
    assertThat(auditPage.body()).contains("Audit log").contains("api_key.created").doesNotContain("login.succeeded");
  }

  @Test
  void the_log_is_append_only_even_for_the_application_database_role() {
    post("/api/v1/secrets/reseal", "{}");
    assertThat(jdbc.sql("SELECT count(*) FROM platform_audit").query(Long.class).single()).isPositive();
    assertThatThrownBy(() -> jdbc.sql("UPDATE platform_audit SET actor = 'someone-else'").update()).rootCause().hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM platform_audit").update()).rootCause().hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE platform_audit").update()).rootCause().hasMessageContaining("append-only");
  }

  @Test
  void only_admins_read_it_and_bad_filters_are_named() {
    String viewer = post("/api/v1/api-keys", "{\"name\": \"" + unique("v") + "\", \"role\": \"viewer\"}").json().get("token").asString();
    String manager = post("/api/v1/api-keys", "{\"name\": \"" + unique("m") + "\", \"role\": \"manager\"}").json().get("token").asString();
    for (String key : new String[] {viewer, manager}) {
      var r = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/audit"))).header("Authorization", "Bearer " + key).GET());
      assertThat(r.status()).isEqualTo(403);
    }
    for (String q : new String[] {"limit=abc", "limit=0", "limit=501", "since=yesterday", "before=-1"}) {
      var bad = get("/api/v1/audit?" + q);
      assertThat(bad.status()).as(q).isEqualTo(422);
      assertThat(bad.contentType()).startsWith("application/problem+json");
      assertThat(bad.body()).contains("\"field\":\"" + q.substring(0, q.indexOf('=')) + "\"");
    }
  }
}
