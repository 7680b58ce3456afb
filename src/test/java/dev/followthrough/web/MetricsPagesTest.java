package dev.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.platform.Role;
import dev.followthrough.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsPagesTest extends IntegrationTest {

  private ConsoleSession viewer() {
    String email = unique("viewer") + "@example.test";
    var admin = ConsoleSession.signedIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
    var added = admin.post("/settings/users", Map.of("_csrf", admin.get("/settings/users").csrf(), "email", email,
        "displayName", "Test viewer", "password", "a-long-enough-password", "role", Role.VIEWER.key()));
    assertThat(added.status()).as(added.toString()).isEqualTo(302);
    return ConsoleSession.signedIn(port, email, "a-long-enough-password");
  }

  @Test
  void a_viewer_reads_the_metrics_with_definitions_targets_and_the_trend_chart() {
    var viewer = viewer();
    var page = viewer.get("/metrics?from=2025-01-01&to=2025-12-31");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.body())
        .contains("Program metrics")
        .contains("href=\"/metrics\"")                         // in the menu
        .contains("Follow-up within SLA").contains("Target: 100%")
        .contains("Interview completion rate").contains("Target: 30–45%")
        .contains("Mechanism identification rate").contains("Target: 85%+")
        .contains("Action conversion rate").contains("Listening dividend").contains("Mechanism half-life")
        .contains("Definition")
        .contains("data-testid=\"metrics-trend\"").contains("/assets/metrics.js")
        .contains("chart.umd.min.js");
    var partial = viewer.get("/metrics?tier=enterprise", "HX-Request", "true");
    assertThat(partial.body()).contains("Follow-up within SLA").doesNotContain("<html");
  }

  @Test
  void filter_values_are_shown_as_text() {
    var page = viewer().get("/metrics?program=" + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
  }

  @Test
  void the_account_page_lists_its_events_and_shows_customer_text_as_text() {
    String ext = unique("acct");
    Reply r = post("/api/v1/responses", """
        {"sourceId": "%s", "score": 4, "account": {"externalId": "%s", "name": "<script>alert(1)</script> & Co", "tier": "smb"}}"""
        .formatted(unique("r"), ext));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(post("/api/v1/accounts/" + ext + "/events", """
        {"kind": "downgraded", "date": "2026-05-31", "arrChange": -1200, "externalId": "<b>crm</b>"}""").status())
        .isEqualTo(201);
    var viewer = viewer();
    String id = jdbc.sql("SELECT id::text FROM responses_account WHERE external_id = :e").param("e", ext)
        .query(String.class).single();
    var page = viewer.get("/accounts/" + id);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.body()).contains("downgraded").contains("2026-05-31").contains("-1200")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co").doesNotContain("<script>alert(1)</script>")
        .contains("&lt;b&gt;crm&lt;/b&gt;");
    assertThat(viewer.get("/accounts/" + unique("none")).status()).isEqualTo(404);
    assertThat(viewer.get("/accounts?from=2020-01-01").body()).contains("href=\"/accounts/");
  }
}
