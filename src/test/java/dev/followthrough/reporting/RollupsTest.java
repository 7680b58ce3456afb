package dev.followthrough.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.reporting.ProgramMetrics.Report;
import dev.followthrough.reporting.ProgramMetrics.Segment;
import dev.followthrough.responses.ResponseQueries.Grouping;
import dev.followthrough.responses.ResponseQueries.ResponseFilter;
import dev.followthrough.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rollups answer exactly what the rows answer: a random program (responses, decisions, cases, interviews,
 * codings, churn) in a tier of its own, then rounds of random inserts, updates and deletes; after each round the
 * program metrics and NPS reports are compared, value for value, with the row-level computation — once before the
 * fold (dirty days read from the rows) and once after it (clean days read from the rollup).
 */
class RollupsTest extends IntegrationTest {

  private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
  private static final int DAYS = 40;

  @Autowired ProgramMetrics metrics;
  @Autowired NpsReports nps;
  @Autowired Rollups rollups;

  private final Random random = new Random(14);
  private String tier;
  private String otherTier;
  private String program;
  private String guide;
  private final List<UUID> accounts = new ArrayList<>();
  private final List<UUID> contacts = new ArrayList<>();
  private final List<UUID> responses = new ArrayList<>();
  private final List<UUID> cases = new ArrayList<>();
  private final List<String> mechanisms = new ArrayList<>();

  @Test
  void rollup_answers_equal_the_row_level_ones_through_random_changes() {
    assertThat(rollups.ready()).as("reads use the rollup").isTrue();
    world();
    rollups.fold(Duration.ZERO);
    assertThat(jdbc.sql("SELECT count(*) FROM reporting_rollup_day WHERE tier IN (:a, :b)").param("a", tier)
        .param("b", otherTier).query(Long.class).single()).as("the world is in the rollup").isPositive();
    assertThat(jdbc.sql("SELECT count(*) FROM reporting_rollup_unit WHERE tier IN (:a, :b)").param("a", tier)
        .param("b", otherTier).query(Long.class).single()).as("with outcome units").isPositive();
    assertSame("folded world");
    for (int round = 0; round < 2; round++) {
      changes(30);
      assertSame("round " + round + ", before the fold");
      rollups.fold(Duration.ZERO);
      assertSame("round " + round + ", after the fold");
    }
  }

  private void assertSame(String when) {
    Instant end = START.plus(Duration.ofDays(DAYS + 5));
    List<Segment> segments = List.of(
        new Segment(START.minus(Duration.ofDays(3)), end, tier, null, null, null, null),
        new Segment(START.plus(Duration.ofHours(77)), START.plus(Duration.ofDays(23)).plusSeconds(4_321), tier, null, null, null, null),
        new Segment(START.minus(Duration.ofDays(3)), end, tier, program, "onboarding", null, null),
        new Segment(START.plus(Duration.ofHours(30)), START.plus(Duration.ofHours(40)), tier, null, null, null, null));
    for (Segment s : segments) {
      Report rolled = metrics.report(s), rows = metrics.rowLevel(s);
      assertThat(rolled.metrics()).as(when + " " + s).isEqualTo(rows.metrics());
      assertThat(rolled.trend()).as(when + " trend " + s).isEqualTo(rows.trend());
      assertThat(rolled.halfLives()).as(when + " half-lives " + s).isEqualTo(rows.halfLives());
    }
    for (Grouping g : List.of(Grouping.WEEK, Grouping.TOUCHPOINT, Grouping.TIER)) {
      ResponseFilter f = new ResponseFilter(START.plus(Duration.ofHours(5)), end, null, null, tier, null, null, null, null, null);
      assertThat(nps.report(f, g)).as(when + " NPS by " + g).isEqualTo(nps.rowLevel(f, g));
      ResponseFilter p = new ResponseFilter(START, end, program, "transactional", null, "onboarding", null, "detractor", null, null);
      assertThat(nps.report(p, g)).as(when + " NPS of a program by " + g).isEqualTo(nps.rowLevel(p, g));
    }
  }

  // ------------------------------------------------------------------ the world

  private void world() {
    tier = unique("rollup-tier");
    otherTier = unique("rollup-tier");
    program = unique("rollup-program");
    for (int i = 0; i < 6; i++) mechanisms.add(unique("rollup-mech"));
    guide = unique("rollup-guide");
    var d = dev.followthrough.interviews.domain.DefaultGuides.DETRACTOR; // a real body: the console lists every guide
    var body = new dev.followthrough.interviews.domain.Guide(guide, d.kind(), 1, d.title(), d.intro(), d.segments(), d.phases(),
        d.summaryLead(), d.closing(), d.invitation(), d.avoid());
    jdbc.sql("INSERT INTO interviews_guide (key, version, kind, body, created_at, created_by) VALUES (:k, 1, 'detractor', CAST(:b AS jsonb), now(), 'test')")
        .param("k", guide).param("b", dev.followthrough.interviews.jdbc.JdbcInterviews.JSON.writeValueAsString(body)).update();
    for (int i = 0; i < 12; i++) {
      UUID id = UUID.randomUUID();
      jdbc.sql("INSERT INTO responses_account (id, external_id, name, tier, created_at, updated_at) VALUES (:id, :ext, 'R', :tier, now(), now())")
          .param("id", id).param("ext", unique("acct")).param("tier", i % 3 == 0 ? otherTier : tier).update();
      accounts.add(id);
    }
    for (int i = 0; i < 40; i++) {
      UUID id = UUID.randomUUID();
      jdbc.sql("INSERT INTO responses_contact (id, external_id, account_id, created_at, updated_at) VALUES (:id, :ext, :a, now(), now())")
          .param("id", id).param("ext", unique("contact")).param("a", accounts.get(i % accounts.size())).update();
      contacts.add(id);
    }
    for (int i = 0; i < 160; i++) response();
    // interventions: two committed or later, one shipped, one proposed
    intervention(mechanisms.get(0), "shipped", START.plus(Duration.ofDays(5)));
    intervention(mechanisms.get(1), "committed", null);
    intervention(mechanisms.get(2), "proposed", null);
    for (int i = 0; i < 5; i++) churn();
  }

  private Instant at() {
    return START.plus(Duration.ofSeconds((long) (random.nextDouble() * DAYS * 86_400)));
  }

  private void response() {
    UUID id = UUID.randomUUID();
    int c = random.nextInt(contacts.size());
    Instant at = at();
    int score = random.nextInt(11);
    jdbc.sql("""
        INSERT INTO responses_response (id, source, source_id, contact_id, account_id, score, responded_at, received_at,
                                        updated_at, program, touchpoint, kind)
        VALUES (:id, 'rollup', :sid, :c, :a, :score, :at, :at, :at, :program, :touchpoint, :kind)""")
        .param("id", id).param("sid", id.toString()).param("c", contacts.get(c))
        .param("a", accounts.get(c % accounts.size())).param("score", score).param("at", Timestamp.from(at))
        .param("program", random.nextInt(3) == 0 ? null : program, java.sql.Types.VARCHAR)
        .param("touchpoint", random.nextBoolean() ? "onboarding" : "support")
        .param("kind", random.nextBoolean() ? "relational" : "transactional").update();
    responses.add(id);
    boolean detractor = score <= 6;
    if (detractor || random.nextInt(4) == 0) {
      boolean holdout = random.nextInt(5) == 0;
      jdbc.sql("""
          INSERT INTO triggers_decision (response_id, revision, contact_id, follow_up, holdout, reason, decided_at)
          VALUES (:r, 1, :c, :f, :h, 'test', :at)""")
          .param("r", id).param("c", contacts.get(c)).param("f", !holdout).param("h", holdout)
          .param("at", Timestamp.from(at)).update();
      if (!holdout) followUpCase(id, contacts.get(c), accounts.get(c % accounts.size()), at);
    }
  }

  private void followUpCase(UUID response, UUID contact, UUID account, Instant opened) {
    UUID id = UUID.randomUUID();
    Instant due = opened.plus(Duration.ofHours(48));
    int kind = random.nextInt(4); // 0 never, 1 in time, 2 late, 3 closed
    Instant first = kind == 0 ? null : opened.plus(Duration.ofSeconds(random.nextInt(kind == 2 ? 400_000 : 150_000)));
    String status = kind == 0 ? "open" : kind == 3 ? "closed" : "contacted";
    String channel = random.nextInt(3) == 0 ? "call" : random.nextBoolean() ? "email" : "interview";
    jdbc.sql("""
        INSERT INTO followup_case (id, response_id, revision, contact_id, account_id, score, category, channel, play, priority,
                                   status, outcome, sla_seconds, calendar, received_at, opened_at, due_at, first_contact_at,
                                   closed_at, updated_at)
        VALUES (:id, :r, 1, :c, :a, 3, 'detractor', :channel, 'recover', 50, :status, :outcome, 172800, 'calendar', :opened,
                :opened, :due, :first, :closed, :opened)""")
        .param("id", id).param("r", response).param("c", contact).param("a", account).param("channel", channel)
        .param("status", status).param("outcome", kind == 3 ? (random.nextBoolean() ? "resolved" : "not_resolved") : null,
            java.sql.Types.VARCHAR)
        .param("opened", Timestamp.from(opened)).param("due", Timestamp.from(due))
        .param("first", first == null ? null : Timestamp.from(first), java.sql.Types.TIMESTAMP)
        .param("closed", kind == 3 ? Timestamp.from(opened.plus(Duration.ofDays(4))) : null, java.sql.Types.TIMESTAMP)
        .update();
    cases.add(id);
    if (random.nextBoolean()) {
      UUID session = UUID.randomUUID();
      boolean started = random.nextBoolean(), completed = started && random.nextBoolean();
      Instant invited = opened.plus(Duration.ofHours(1));
      jdbc.sql("""
          INSERT INTO interviews_session (id, case_id, response_id, channel, guide_key, guide_version, status, invited_at,
                                          started_at, completed_at, updated_at)
          VALUES (:id, :case, :r, 'interview', :guide, 1, :status, :invited, :started, :completed, :invited)""")
          .param("id", session).param("case", id).param("r", response).param("guide", guide)
          .param("status", completed ? "completed" : started ? "in_progress" : "invited")
          .param("invited", Timestamp.from(invited))
          .param("started", started ? Timestamp.from(invited.plus(Duration.ofHours(1))) : null, java.sql.Types.TIMESTAMP)
          .param("completed", completed ? Timestamp.from(invited.plus(Duration.ofHours(2))) : null, java.sql.Types.TIMESTAMP)
          .update();
      if (completed) coded("interview", session, opened);
    }
    if (random.nextBoolean()) coded("response", response, opened);
  }

  private void coded(String sourceType, UUID source, Instant at) {
    UUID text = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO insights_text (id, source_type, source_id, revision, codebook_version, body, embedding, best_similarity,
                                   tier, responded_at, coded_at)
        VALUES (:id, :type, :source, 1, 1, 'text', :embedding, 0.5, :tier, :at, :at)""")
        .param("id", text).param("type", sourceType).param("source", source).param("tier", tier)
        .param("embedding", vector()).param("at", Timestamp.from(at)).update();
    jdbc.sql("""
        INSERT INTO insights_coding (id, text_id, mechanism, category_key, confidence, similarity, evidence_start, evidence_end,
                                     evidence, stated_reason, codebook_version, status, needs_review, machine_mechanism, created_at)
        VALUES (:id, :t, :m, 'cat', 0.9, 0.9, 0, 4, 'text', 'text', 1, :status, false, :m, now())""")
        .param("id", UUID.randomUUID()).param("t", text).param("m", mechanisms.get(random.nextInt(mechanisms.size())))
        .param("status", random.nextInt(6) == 0 ? "rejected" : "machine").update();
  }

  private static byte[] vector() {
    float[] v = new float[384];
    v[0] = 1f;
    return dev.followthrough.insights.jdbc.JdbcInsights.bytes(v);
  }

  private void intervention(String mechanism, String status, Instant shipped) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO actions_intervention (id, title, team, status, created_by, created_at, committed_at, shipped_at, updated_at)
        VALUES (:id, :title, 'product', :status, 'test', :at, :at, :shipped, :at)""")
        .param("id", id).param("title", "Fix " + mechanism).param("status", status).param("at", Timestamp.from(START))
        .param("shipped", shipped == null ? null : Timestamp.from(shipped), java.sql.Types.TIMESTAMP).update();
    jdbc.sql("INSERT INTO actions_intervention_mechanism (intervention_id, mechanism) VALUES (:id, :m)")
        .param("id", id).param("m", mechanism).update();
  }

  private void churn() {
    jdbc.sql("""
        INSERT INTO responses_account_event (id, account_id, kind, event_date, source, recorded_at)
        VALUES (:id, :a, 'churned', :date, 'test', now())""")
        .param("id", UUID.randomUUID()).param("a", accounts.get(random.nextInt(accounts.size())))
        .param("date", java.sql.Date.valueOf(LocalDate.of(2024, 3, 1).plusDays(random.nextInt(DAYS + 30)))).update();
  }

  // ------------------------------------------------------------------ random changes

  private void changes(int n) {
    for (int i = 0; i < n; i++) {
      UUID r = responses.get(random.nextInt(responses.size()));
      switch (random.nextInt(12)) {
        case 0 -> response();
        case 1 -> jdbc.sql("UPDATE responses_response SET score = :s WHERE id = :id").param("s", random.nextInt(11)).param("id", r).update();
        case 2 -> jdbc.sql("UPDATE responses_response SET responded_at = :at WHERE id = :id").param("at", Timestamp.from(at())).param("id", r).update();
        case 3 -> jdbc.sql("UPDATE responses_response SET touchpoint = 'onboarding', kind = 'relational' WHERE id = :id").param("id", r).update();
        case 4 -> {
          // a response and everything hanging from it goes
          jdbc.sql("DELETE FROM insights_text WHERE source_id = :id OR source_id IN (SELECT id FROM interviews_session WHERE response_id = :id)").param("id", r).update();
          jdbc.sql("DELETE FROM interviews_session WHERE response_id = :id").param("id", r).update();
          jdbc.sql("DELETE FROM followup_case WHERE response_id = :id").param("id", r).update();
          jdbc.sql("DELETE FROM triggers_decision WHERE response_id = :id").param("id", r).update();
          jdbc.sql("DELETE FROM responses_response WHERE id = :id").param("id", r).update();
          responses.remove(r);
        }
        case 5 -> {
          if (!cases.isEmpty()) {
            UUID c = cases.get(random.nextInt(cases.size()));
            jdbc.sql("""
                UPDATE followup_case SET first_contact_at = CASE WHEN first_contact_at IS NULL THEN opened_at + interval '50 hours' END,
                                         status = 'closed', outcome = 'resolved' WHERE id = :id""").param("id", c).update();
          }
        }
        case 6 -> jdbc.sql("""
            UPDATE insights_coding SET status = CASE WHEN status = 'rejected' THEN 'confirmed' ELSE 'rejected' END
             WHERE id = (SELECT k.id FROM insights_coding k JOIN insights_text t ON t.id = k.text_id WHERE t.tier = :tier
                         ORDER BY random() LIMIT 1)""").param("tier", tier).update();
        case 7 -> churn();
        case 8 -> jdbc.sql("DELETE FROM responses_account_event WHERE id = (SELECT id FROM responses_account_event WHERE account_id IN (:a) ORDER BY random() LIMIT 1)")
            .param("a", accounts).update();
        case 9 -> jdbc.sql("UPDATE responses_account SET tier = CASE WHEN tier = :t THEN :o ELSE :t END WHERE id = :id")
            .param("t", tier).param("o", otherTier).param("id", accounts.get(random.nextInt(accounts.size()))).update();
        case 10 -> jdbc.sql("UPDATE triggers_decision SET follow_up = NOT follow_up, holdout = NOT holdout WHERE response_id = :id")
            .param("id", r).update();
        default -> jdbc.sql("UPDATE interviews_session SET completed_at = coalesce(started_at, invited_at) + interval '1 hour', status = 'completed' "
            + "WHERE response_id = :id").param("id", r).update();
      }
    }
  }
}
