package dev.followthrough.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.followthrough.nps.Interval;
import dev.followthrough.nps.Proportions;
import dev.followthrough.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Program metrics on a constructed world with known answers. The world is a historical shape (cases contacted
 * late, interviews completed months ago, interventions shipped), so it is inserted directly into the owning
 * modules' tables, in 2025 and under a tier of its own so the shared test database's other rows stay out.
 */
class ProgramMetricsTest extends IntegrationTest {

  private static final Instant OPENED = Instant.parse("2025-01-05T10:00:00Z");
  private static final Duration SLA = Duration.ofHours(48);
  private static final byte[] UNIT_VECTOR;
  static {
    float[] v = new float[384];
    v[0] = 1f;
    UNIT_VECTOR = dev.followthrough.insights.jdbc.JdbcInsights.bytes(v);
  }

  /** Inserts the world; returns its tier. */
  private String world() {
    String tier = unique("tier");
    String guide = unique("guide");
    // a real guide body: the test database is shared, and the console lists every guide
    var d = dev.followthrough.interviews.domain.DefaultGuides.DETRACTOR;
    var body = new dev.followthrough.interviews.domain.Guide(guide, d.kind(), 1, d.title(), d.intro(), d.segments(), d.phases(),
        d.summaryLead(), d.closing(), d.invitation(), d.avoid());
    jdbc.sql("INSERT INTO interviews_guide (key, version, kind, body, created_at, created_by) VALUES (:k, 1, 'detractor', CAST(:b AS jsonb), now(), 'test')")
        .param("k", guide).param("b", dev.followthrough.interviews.jdbc.JdbcInterviews.JSON.writeValueAsString(body)).update();
    String m1 = unique("mech"), m2 = unique("mech");
    UUID[] responses = new UUID[11];
    UUID[] contacts = new UUID[11];
    UUID[] accounts = new UUID[11];
    for (int i = 1; i <= 10; i++) {
      accounts[i] = account(tier);
      contacts[i] = contact(accounts[i]);
      responses[i] = response(contacts[i], accounts[i], 3, OPENED.minus(Duration.ofHours(1)));
    }
    // two passives without cases: in the period, not in any detractor metric
    response(contact(accounts[1]), accounts[1], 7, OPENED);
    response(contact(accounts[2]), accounts[2], 8, OPENED);
    // a second detractor at account 9 (never followed up, churned): the account still counts once in churn
    response(contact(accounts[9]), accounts[9], 2, OPENED);

    // cases: 1–4 within SLA (2, 4, 6, 8 h), 5–6 late (60, 72 h), 7 overdue and never contacted, 8 not due yet
    UUID[] cases = new UUID[11];
    int[] hours = {0, 2, 4, 6, 8, 60, 72};
    for (int i = 1; i <= 6; i++) {
      cases[i] = followUpCase(responses[i], contacts[i], accounts[i], OPENED.plus(SLA), OPENED.plus(Duration.ofHours(hours[i])),
          i == 6 ? "closed" : "contacted", i == 6 ? "not_resolved" : null);
    }
    cases[7] = followUpCase(responses[7], contacts[7], accounts[7], OPENED.plus(SLA), null, "open", null);
    cases[8] = followUpCase(responses[8], contacts[8], accounts[8], Instant.parse("2099-01-01T00:00:00Z"), null, "open", null);

    // interviews: 1, 2 completed; 3 started; 4, 5 invited only
    UUID s1 = session(cases[1], responses[1], guide, true, true);
    UUID s2 = session(cases[2], responses[2], guide, true, true);
    session(cases[3], responses[3], guide, true, false);
    session(cases[4], responses[4], guide, false, false);
    session(cases[5], responses[5], guide, false, false);

    // codings: interview 1 → m1; interview 2 → rejected; response 6's comment → m2
    coding(text("interview", s1, tier, OPENED.plus(Duration.ofDays(1))), m1, "machine");
    coding(text("interview", s2, tier, OPENED.plus(Duration.ofDays(1))), m1, "rejected");
    coding(text("response", responses[6], tier, OPENED), m2, "confirmed");

    // interventions: m1 shipped on 2025-01-20, m2 only proposed
    Instant shipped = Instant.parse("2025-01-20T00:00:00Z");
    intervention(m1, "shipped", shipped);
    intervention(m2, "proposed", null);
    // after shipping, m1's weekly mention rate halves every week: 8, 4, 2, 1 of 10 coded texts
    int[] mentions = {8, 4, 2, 1};
    for (int week = 0; week < 4; week++) {
      for (int t = 0; t < 10; t++) {
        UUID text = text("response", UUID.randomUUID(), tier, shipped.plus(Duration.ofDays(7L * week + 1)));
        coding(text, t < mentions[week] ? m1 : m2, "machine");
      }
    }

    // later scores within 90 days: contacted detractors 8, 9, 6, 7, 5 (case 6: none); the others 3, 4, 5 (10: none)
    int[] later = {0, 8, 9, 6, 7, 5, -1, 3, 4, 5, -1};
    for (int i = 1; i <= 10; i++) {
      if (later[i] >= 0) response(contacts[i], accounts[i], later[i], Instant.parse("2025-03-01T10:00:00Z"));
    }
    // churn: account 1 (within SLA), 5 (late), 7, 9, 10 (never); account 2 renewed
    for (int i : new int[] {1, 5, 7, 9, 10}) accountEvent(accounts[i], "churned", LocalDate.parse("2025-06-01"));
    accountEvent(accounts[2], "renewed", LocalDate.parse("2025-06-01"));
    return tier;
  }

  @Test
  void every_metric_of_the_constructed_world_has_its_known_value() {
    String tier = world();
    JsonNode r = get("/api/v1/metrics?from=2025-01-01&to=2025-01-31&tier=" + tier).json();

    JsonNode sla = metric(r, "follow_up_within_sla");
    assertThat(sla.get("numerator").asLong()).isEqualTo(4);
    assertThat(sla.get("n").asLong()).isEqualTo(7);
    assertThat(sla.get("value").asDouble()).isCloseTo(4.0 / 7, within(1e-9));
    assertThat(sla.get("target").asString()).isEqualTo("100%");
    Interval w = Proportions.wilson(4, 7, 0.95);
    assertThat(sla.get("ci95").get("low").asDouble()).isCloseTo(w.low(), within(1e-9));
    assertThat(sla.get("ci95").get("method").asString()).isEqualTo("wilson");
    assertThat(sla.get("definition").asString()).contains("SLA deadline");

    JsonNode ttfc = metric(r, "time_to_first_contact");
    assertThat(ttfc.get("value").asDouble()).isCloseTo(7.0, within(1e-6));           // median of 2, 4, 6, 8, 60, 72
    assertThat(ttfc.get("parts").get(0).get("value").asDouble()).isCloseTo(66.0, within(1e-6)); // p90, interpolated

    assertRate(r, "follow_up_response", 4, 6);
    assertRate(r, "interview_completion", 2, 5);
    assertRate(r, "mechanism_identification", 2, 3);
    assertRate(r, "action_conversion", 1, 2);
    assertRate(r, "resolution", 1, 1);

    JsonNode recovery = metric(r, "score_recovery");
    assertThat(recovery.get("value").asDouble()).isCloseTo(3.0, within(1e-9));          // 7.0 − 4.0
    assertThat(recovery.get("ci95").get("low").asDouble()).isCloseTo(0.7554113154487392, within(1e-6)); // scipy Welch
    assertThat(recovery.get("ci95").get("high").asDouble()).isCloseTo(5.24458868455126, within(1e-6));

    JsonNode retention = metric(r, "retention_delta");
    assertThat(retention.get("value").asDouble()).isCloseTo(0.5, within(1e-9));          // 3/4 never − 1/4 within SLA
    Interval nc = Proportions.newcombe(3, 4, 1, 4, 0.95);
    assertThat(retention.get("ci95").get("low").asDouble()).isCloseTo(nc.low(), within(1e-9));
    assertThat(retention.get("ci95").get("method").asString()).isEqualTo("newcombe");
    JsonNode parts = retention.get("parts");
    assertThat(parts.get(0).get("numerator").asLong()).isEqualTo(1);
    assertThat(parts.get(0).get("n").asLong()).isEqualTo(4);
    assertThat(parts.get(1).get("numerator").asLong()).isEqualTo(1);
    assertThat(parts.get(1).get("n").asLong()).isEqualTo(2);
    assertThat(parts.get(2).get("numerator").asLong()).isEqualTo(3);
    assertThat(parts.get(2).get("n").asLong()).as("accounts, each once").isEqualTo(4);

    JsonNode halfLife = r.get("halfLives").get(0);
    assertThat(halfLife.get("halfLifeDays").asDouble()).isCloseTo(7.0, within(1e-6)); // halves every week
    assertThat(halfLife.get("weeksUsed").asInt()).isEqualTo(4);

    JsonNode dividend = metric(r, "listening_dividend");
    assertThat(dividend.get("parts").get(0).get("note").asString()).startsWith("not enough data");
    assertThat(r.get("metrics").findValuesAsString("key")).doesNotContain("cost_per_completed_interview");

    JsonNode trend = r.get("trend");
    assertThat(trend).hasSize(1);
    assertThat(trend.get(0).get("month").asString()).isEqualTo("2025-01");
    assertThat(trend.get(0).get("cases").asLong()).isEqualTo(8);
  }

  @Test
  void the_listening_dividend_compares_the_followed_up_arm_with_the_holdout() {
    String tier = unique("tier");
    Instant at = Instant.parse("2025-04-02T10:00:00Z");
    for (int i = 0; i < 60; i++) {
      boolean holdout = i >= 30;
      int k = i % 30;
      UUID account = account(tier);
      UUID contact = contact(account);
      UUID response = response(contact, account, 5, at);
      jdbc.sql("""
          INSERT INTO triggers_decision (response_id, revision, contact_id, follow_up, holdout, reason, decided_at)
          VALUES (:r, 1, :c, :f, :h, 'test', :at)""")
          .param("r", response).param("c", contact).param("f", !holdout).param("h", holdout)
          .param("at", Timestamp.from(at)).update();
      // followed up: later scores 8 and 6 (mean 7), churn 3 of 30; holdout: 5 and 7 (mean 6), churn 9 of 30
      int later = holdout ? (k < 15 ? 5 : 7) : (k < 15 ? 8 : 6);
      response(contact, account, later, at.plus(Duration.ofDays(30)));
      if (k < (holdout ? 9 : 3)) accountEvent(account, "churned", LocalDate.parse("2025-08-01"));
    }
    JsonNode r = get("/api/v1/metrics?from=2025-04-01&to=2025-04-30&tier=" + tier).json();
    JsonNode parts = metric(r, "listening_dividend").get("parts");
    JsonNode score = parts.get(0);
    assertThat(score.get("value").asDouble()).isCloseTo(1.0, within(1e-9));
    assertThat(score.get("ci95").get("low").asDouble()).isCloseTo(0.47432323512790175, within(1e-6)); // scipy Welch
    assertThat(score.get("ci95").get("high").asDouble()).isCloseTo(1.5256767648720984, within(1e-6));
    JsonNode churn = parts.get(1);
    assertThat(churn.get("value").asDouble()).isCloseTo(0.2, within(1e-9));
    Interval nc = Proportions.newcombe(9, 30, 3, 30, 0.95);
    assertThat(churn.get("ci95").get("low").asDouble()).isCloseTo(nc.low(), within(1e-9));
    assertThat(churn.get("ci95").get("high").asDouble()).isCloseTo(nc.high(), within(1e-9));
  }

  @Test
  void a_bad_period_or_kind_is_a_problem_naming_the_field() {
    Reply r = get("/api/v1/metrics?from=yesterday");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("field").asString()).isEqualTo("from");
    Reply reversed = get("/api/v1/metrics?from=2025-02-01&to=2025-01-01");
    assertThat(reversed.status()).isEqualTo(422);
    assertThat(reversed.json().get("field").asString()).isEqualTo("from");
    Reply kind = get("/api/v1/metrics?kind=weekly");
    assertThat(kind.status()).isEqualTo(422);
    assertThat(kind.json().get("field").asString()).isEqualTo("kind");
  }

  // ------------------------------------------------------------------ the world's rows

  private static JsonNode metric(JsonNode report, String key) {
    for (JsonNode m : report.get("metrics")) if (m.get("key").asString().equals(key)) return m;
    throw new AssertionError("no metric " + key + " in " + report);
  }

  private static void assertRate(JsonNode report, String key, long k, long n) {
    JsonNode m = metric(report, key);
    assertThat(m.get("numerator").asLong()).as(key).isEqualTo(k);
    assertThat(m.get("n").asLong()).as(key).isEqualTo(n);
    assertThat(m.get("value").asDouble()).as(key).isCloseTo((double) k / n, within(1e-9));
    Interval w = Proportions.wilson(k, n, 0.95);
    assertThat(m.get("ci95").get("low").asDouble()).as(key).isCloseTo(w.low(), within(1e-9));
    assertThat(m.get("ci95").get("high").asDouble()).as(key).isCloseTo(w.high(), within(1e-9));
  }

  private UUID account(String tier) {
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO responses_account (id, external_id, name, tier, created_at, updated_at) VALUES (:id, :ext, 'World', :tier, now(), now())")
        .param("id", id).param("ext", unique("acct")).param("tier", tier).update();
    return id;
  }

  private UUID contact(UUID account) {
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO responses_contact (id, external_id, account_id, created_at, updated_at) VALUES (:id, :ext, :a, now(), now())")
        .param("id", id).param("ext", unique("contact")).param("a", account).update();
    return id;
  }

  private UUID response(UUID contact, UUID account, int score, Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO responses_response (id, source, source_id, contact_id, account_id, score, responded_at, received_at, updated_at)
        VALUES (:id, 'world', :sid, :c, :a, :score, :at, :at, :at)""")
        .param("id", id).param("sid", id.toString()).param("c", contact).param("a", account).param("score", score)
        .param("at", Timestamp.from(at)).update();
    return id;
  }

  private UUID followUpCase(UUID response, UUID contact, UUID account, Instant due, Instant firstContact, String status,
                            String outcome) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO followup_case (id, response_id, revision, contact_id, account_id, score, category, channel, play, priority,
                                   status, outcome, sla_seconds, calendar, received_at, opened_at, due_at, first_contact_at,
                                   closed_at, updated_at)
        VALUES (:id, :r, 1, :c, :a, 3, 'detractor', 'email', 'recover', 50, :status, :outcome, 172800, 'calendar', :opened,
                :opened, :due, :first, :closed, :opened)""")
        .param("id", id).param("r", response).param("c", contact).param("a", account).param("status", status)
        .param("outcome", outcome, java.sql.Types.VARCHAR).param("opened", Timestamp.from(OPENED))
        .param("due", Timestamp.from(due))
        .param("first", firstContact == null ? null : Timestamp.from(firstContact), java.sql.Types.TIMESTAMP)
        .param("closed", status.equals("closed") ? Timestamp.from(OPENED.plus(Duration.ofDays(5))) : null, java.sql.Types.TIMESTAMP)
        .update();
    return id;
  }

  private UUID session(UUID caseId, UUID response, String guide, boolean started, boolean completed) {
    UUID id = UUID.randomUUID();
    Instant invited = OPENED.plus(Duration.ofHours(1));
    jdbc.sql("""
        INSERT INTO interviews_session (id, case_id, response_id, channel, guide_key, guide_version, status, invited_at,
                                        started_at, completed_at, updated_at)
        VALUES (:id, :case, :r, 'interview', :g, 1, :status, :invited, :started, :completed, :invited)""")
        .param("id", id).param("case", caseId).param("r", response).param("g", guide)
        .param("status", completed ? "completed" : started ? "in_progress" : "invited")
        .param("invited", Timestamp.from(invited))
        .param("started", started ? Timestamp.from(invited.plus(Duration.ofHours(1))) : null, java.sql.Types.TIMESTAMP)
        .param("completed", completed ? Timestamp.from(invited.plus(Duration.ofHours(2))) : null, java.sql.Types.TIMESTAMP)
        .update();
    return id;
  }

  private UUID text(String sourceType, UUID source, String tier, Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO insights_text (id, source_type, source_id, revision, codebook_version, body, embedding, best_similarity,
                                   tier, responded_at, coded_at)
        VALUES (:id, :type, :source, 1, 1, 'text', :embedding, 0.5, :tier, :at, :at)""")
        .param("embedding", UNIT_VECTOR) // a real 384-dimension vector: search and themes read every stored text
        .param("id", id).param("type", sourceType).param("source", source).param("tier", tier)
        .param("at", Timestamp.from(at)).update();
    return id;
  }

  private void coding(UUID text, String mechanism, String status) {
    jdbc.sql("""
        INSERT INTO insights_coding (id, text_id, mechanism, category_key, confidence, similarity, evidence_start, evidence_end,
                                     evidence, stated_reason, codebook_version, status, needs_review, machine_mechanism, created_at)
        VALUES (:id, :t, :m, 'cat', 0.9, 0.9, 0, 4, 'text', 'text', 1, :status, false, :m, now())""")
        .param("id", UUID.randomUUID()).param("t", text).param("m", mechanism).param("status", status).update();
  }

  private void intervention(String mechanism, String status, Instant shipped) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO actions_intervention (id, title, team, status, created_by, created_at, committed_at, shipped_at, updated_at)
        VALUES (:id, :title, 'product', :status, 'test', :at, :committed, :shipped, :at)""")
        .param("id", id).param("title", "Fix " + mechanism).param("status", status)
        .param("at", Timestamp.from(OPENED))
        .param("committed", shipped == null ? null : Timestamp.from(OPENED), java.sql.Types.TIMESTAMP)
        .param("shipped", shipped == null ? null : Timestamp.from(shipped), java.sql.Types.TIMESTAMP).update();
    jdbc.sql("INSERT INTO actions_intervention_mechanism (intervention_id, mechanism) VALUES (:id, :m)")
        .param("id", id).param("m", mechanism).update();
  }

  private void accountEvent(UUID account, String kind, LocalDate date) {
    jdbc.sql("""
        INSERT INTO responses_account_event (id, account_id, kind, event_date, source, recorded_at)
        VALUES (:id, :a, :kind, :date, 'test', now())""")
        .param("id", UUID.randomUUID()).param("a", account).param("kind", kind).param("date", java.sql.Date.valueOf(date))
        .update();
  }
}
