package dev.followthrough.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The program's own work on /actuator/prometheus, and the pipeline stages on /actuator/health. */
class WorkMetricsTest extends IntegrationTest {

  @Autowired WorkMetrics metrics;
  @Autowired Clock clock;

  @Test
  void responses_decisions_and_stages_are_on_the_prometheus_endpoint() {
    String source = unique("metrics").replace('-', '_');
    for (int i = 0; i < 3; i++) {
      Reply r = post("/api/v1/responses", """
          {"source": "%s", "sourceId": "m-%d", "score": 9, "contact": {"externalId": "%s-c%d"}}""".formatted(source, i, source, i));
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    await("the decisions", () -> jdbc.sql("""
            SELECT count(*) FROM triggers_decision d JOIN responses_response r ON r.id = d.response_id WHERE r.source = :s""")
        .param("s", source).query(Long.class).optional().filter(n -> n == 3));
    metrics.refresh();

    String text = prometheus();
    assertThat(value(text, "followthrough_responses_recorded_total{source=\"" + source + "\"}")).isEqualTo(3.0);
    assertThat(text).contains("# TYPE followthrough_responses_recorded_total counter");
    assertThat(text).containsPattern("followthrough_decisions_total\\{follow_up=\"(true|false)\",rule=\"[^\"]+\"}");
    for (String stage : new String[] {"outbox", "timers", "coding", "stage.triggers.decide", "stage.followup.open", "stage.insights.code"})
      assertThat(text).contains("followthrough_stage_depth{stage=\"" + stage + "\"}").contains("followthrough_stage_oldest_seconds{stage=\"" + stage + "\"}");
    assertThat(text).contains("followthrough_cases_open ").contains("followthrough_cases_sla_breached_total ")
        .contains("followthrough_interviews_completed_total ").contains("followthrough_cases_overdue ");

    // one more response moves the counter on the next refresh: rate() works
    post("/api/v1/responses", """
        {"source": "%s", "sourceId": "m-9", "score": 3, "contact": {"externalId": "%s-c9"}}""".formatted(source, source));
    metrics.refresh();
    assertThat(value(prometheus(), "followthrough_responses_recorded_total{source=\"" + source + "\"}")).isEqualTo(4.0);
  }

  @Test
  void a_stage_whose_oldest_item_waits_too_long_is_reported_stalled_with_200() {
    Reply healthy = send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).header("Authorization", "Bearer " + ADMIN_KEY).GET());
    assertThat(healthy.json().path("components").path("stages").path("details").has("timers")).as(healthy.toString()).isTrue();

    // an event whose listener never completed, published an hour ago
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date)
            VALUES (:id, 'dev.followthrough.metricstest.Listener.on(dev.followthrough.metricstest.Event)', 'x', :body, :at)""")
        .param("id", id).param("body", "{\"test\": \"" + id + "\"}")
        .param("at", Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).update();
    try {
      metrics.refresh();
      Reply admin = send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).header("Authorization", "Bearer " + ADMIN_KEY).GET());
      assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
      var stages = admin.json().path("components").path("stages");
      assertThat(stages.path("status").asString()).isEqualTo("STALLED");
      assertThat(stages.path("details").path("events.metricstest").path("stalled").asBoolean()).isTrue();
      assertThat(stages.path("details").path("events.metricstest").path("oldestSeconds").asLong()).isGreaterThanOrEqualTo(3600);
      assertThat(admin.json().path("status").asString()).isEqualTo("STALLED");
      assertThat(value(prometheus(), "followthrough_stage_depth{stage=\"events.metricstest\"}")).isEqualTo(1.0);

      Reply anonymous = send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).GET());
      assertThat(anonymous.status()).isEqualTo(200);
      assertThat(anonymous.json().path("components").path("stages").path("status").asString()).isEqualTo("STALLED");
      assertThat(anonymous.json().path("components").path("stages").has("details")).as("details only for admins").isFalse();
    } finally {
      jdbc.sql("DELETE FROM event_publication WHERE id = :id").param("id", id).update();
    }
    metrics.refresh();
    assertThat(value(prometheus(), "followthrough_stage_depth{stage=\"events.metricstest\"}")).as("an emptied stage reads 0").isEqualTo(0.0);
  }

  @Test
  void every_metric_the_dashboard_and_the_alerts_use_is_published() throws Exception {
    String source = unique("dash").replace('-', '_');
    Reply r = post("/api/v1/responses", """
        {"source": "%s", "sourceId": "d-1", "score": 2, "comment": "The export keeps timing out on large projects",
         "contact": {"externalId": "%s-c1"}}""".formatted(source, source));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String id = r.json().path("id").asString();
    await("the comment coded", () -> jdbc.sql("SELECT count(*) FROM insights_text WHERE source_id = :id::uuid").param("id", id)
        .query(Long.class).optional().filter(n -> n > 0));
    // one delivered and one dead message, as the outbox leaves them
    for (String status : new String[] {"sent", "dead"}) {
      jdbc.sql("""
              INSERT INTO outreach_message (id, idempotency_key, kind, channel, customer, status, attempts, not_before, created_at, updated_at)
              VALUES (:id, :key, 'webhook', 'webhook', false, :status, 2, :now, :now, :now)""")
          .param("id", UUID.randomUUID()).param("key", unique("metrics-" + status)).param("status", status)
          .param("now", Timestamp.from(clock.instant())).update();
    }
    metrics.refresh();
    String text = prometheus();
    java.util.Set<String> used = new java.util.TreeSet<>();
    for (String file : new String[] {"ops/grafana/followthrough.json", "ops/prometheus/alerts.yml"}) {
      Matcher m = Pattern.compile("followthrough_[a-z_]+").matcher(java.nio.file.Files.readString(java.nio.file.Path.of(file)));
      while (m.find()) used.add(m.group());
    }
    assertThat(used).hasSizeGreaterThan(10);
    for (String name : used) assertThat(text).as("published: " + name).containsPattern("(?m)^" + name + "[{ ]");
    jdbc.sql("DELETE FROM outreach_message WHERE idempotency_key LIKE 'metrics-%'").update();
  }

  private String prometheus() {
    Reply r = get("/actuator/prometheus");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.body();
  }

  private static double value(String text, String series) {
    Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
    if (!m.find()) throw new AssertionError("no series " + series);
    return Double.parseDouble(m.group(1));
  }
}
