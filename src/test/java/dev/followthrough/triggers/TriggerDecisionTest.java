package dev.followthrough.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.responses.ResponseRecorded;
import dev.followthrough.support.IntegrationTest;
import dev.followthrough.triggers.domain.DefaultRules;
import dev.followthrough.triggers.domain.Rule;
import dev.followthrough.triggers.jdbc.JdbcRules;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Recorded responses get a decision, with reasons, through the real pipeline stage and work queue. */
class TriggerDecisionTest extends IntegrationTest {

  @Autowired ResponseTriggers triggers;
  @Autowired dev.followthrough.support.RecordedEvents recorded;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcRules rules;

  record Row(boolean followUp, String ruleName, String reason, Integer priority, String channel, String factors) {}

  private String respond(int score, String tier, Instant respondedAt, String contactEmail) {
    String id = unique("trg");
    Reply r = post("/api/v1/responses", """
        {"sourceId": "%s", "score": %d, "comment": "Search is slow", "program": "%s", "respondedAt": "%s",
         "contact": {"email": "%s"},
         "account": {"externalId": "%s", "name": "Acme", "tier": "%s", "arr": 250000, "renewalDate": "%s"}}"""
        .formatted(id, score, unique("prog"), respondedAt, contactEmail, id, tier,
            java.time.LocalDate.now().plusDays(40)));
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
    return r.json().get("id").asString();
  }

  private Row decision(String responseId, int revision) {
    return poll(() -> jdbc.sql("""
            SELECT follow_up, rule_name, reason, priority, channel, factors::text FROM triggers_decision
            WHERE response_id = :id AND revision = :rev""")
        .param("id", UUID.fromString(responseId)).param("rev", revision)
        .query((rs, i) -> new Row(rs.getBoolean(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
            rs.getString(5), rs.getString(6))).optional().orElse(null));
  }

  static <T> T poll(Supplier<T> probe) {
    long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < until) {
      T value = probe.get();
      if (value != null) return value;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("nothing appeared within 15 s");
  }

  private static String email() {
    return unique("c") + "@example.test";
  }

  @Test
  void a_detractor_gets_a_follow_up_decision_and_a_follow_up_request() {
    String id = respond(4, "smb", Instant.now().minusSeconds(600), email());
    Row d = decision(id, 1);
    assertThat(d.followUp()).isTrue();
    assertThat(d.ruleName()).isEqualTo("Detractors: follow up within 48 h");
    assertThat(d.channel()).isEqualTo("email");
    assertThat(d.reason()).startsWith("matched rule 'Detractors: follow up within 48 h' (category = detractor)");
    assertThat(d.factors()).contains("account value", "severity", "renewal");

    // the request is published once, and so queued once for the follow-up stage
    Long published = poll(() -> {
      long n = recorded.of(FollowUpRequested.class).stream().filter(e -> e.responseId().toString().equals(id)).count();
      return n > 0 ? n : null;
    });
    assertThat(published).isEqualTo(1);

    JsonNode api = get("/api/v1/decisions?responseId=" + id).json();
    assertThat(api.get("latest").get("followUp").asBoolean()).isTrue();
    assertThat(api.get("latest").get("factors").get(0).get("name").asString()).isEqualTo("account value");
    assertThat(api.get("items")).hasSize(1);
  }

  @Test
  void an_enterprise_detractor_gets_a_csm_call() {
    Row d = decision(respond(2, "Enterprise", Instant.now().minusSeconds(60), email()), 1);
    assertThat(d.ruleName()).isEqualTo("Enterprise detractors: CSM call within 24 h");
    assertThat(d.channel()).isEqualTo("call");
    assertThat(d.priority()).isGreaterThan(60);
  }

  @Test
  void a_historical_response_gets_no_follow_up_and_says_why() {
    Row d = decision(respond(1, "smb", Instant.now().minus(Duration.ofDays(60)), email()), 1);
    assertThat(d.followUp()).isFalse();
    assertThat(d.ruleName()).isNull();
    assertThat(d.reason()).matches("no follow-up: response is 6\\d days old \\(older than 14 days\\): historical import");
  }

  @Test
  void an_opted_out_contact_gets_no_follow_up() {
    String email = email();
    String first = respond(10, "smb", Instant.now().minusSeconds(3600), email);
    String contactId = get("/api/v1/responses/" + first).json().get("contact").get("id").asString();
    Reply optOut = post("/api/v1/contacts/" + contactId + "/opt-out", "");
    assertThat(optOut.status()).as(optOut.toString()).isEqualTo(200);
    assertThat(optOut.json().get("optedOut").asBoolean()).isTrue();
    assertThat(post("/api/v1/contacts/not-a-uuid/opt-out", "").status()).isEqualTo(400);
    assertThat(post("/api/v1/contacts/" + UUID.randomUUID() + "/opt-out", "").status()).isEqualTo(404);
    Row d = decision(respond(0, "enterprise", Instant.now().minusSeconds(60), email), 1);
    assertThat(d.followUp()).isFalse();
    assertThat(d.reason()).isEqualTo("no follow-up: the contact opted out of being contacted");
  }

  @Test
  void a_changed_score_is_decided_again_and_a_redelivery_decides_nothing() {
    String source = unique("src");
    String email = email();
    String body = """
        {"source": "%s", "sourceId": "x", "score": %d, "respondedAt": "%s", "contact": {"email": "%s"}}""";
    Instant at = Instant.now().minusSeconds(120);
    String id = post("/api/v1/responses", body.formatted(source, 8, at, email)).json().get("id").asString();
    decision(id, 1);
    post("/api/v1/responses", body.formatted(source, 3, at, email));
    Row second = decision(id, 2);
    assertThat(second.reason()).contains("category = detractor");

    var again = tx.execute(s -> triggers.decide(new ResponseRecorded(UUID.fromString(id), 2, source, 3, "detractor",
        null, null, at, false)));
    assertThat(again).isEmpty();
    assertThat(jdbc.sql("SELECT count(*) FROM triggers_decision WHERE response_id = :id")
        .param("id", UUID.fromString(id)).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void passives_are_sampled_in_rotation_and_those_left_out_are_told_why() {
    String program = unique("passives");
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      if (i > 0) items.append(',');
      items.append("""
          {"sourceId": "%s", "score": 7, "program": "%s", "contact": {"email": "%s"}, "account": {"externalId": "%s", "tier": "smb"}}"""
          .formatted(unique("p"), program, email(), unique("a")));
    }
    Reply batch = post("/api/v1/responses/batch", "{\"items\": [" + items + "]}");
    assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
    var rows = poll(() -> {
      var list = jdbc.sql("""
              SELECT d.follow_up, d.rule_name, d.reason FROM triggers_decision d
              JOIN responses_response r ON r.id = d.response_id WHERE r.program = :p""")
          .param("p", program).query((rs, i) -> new Row(rs.getBoolean(1), rs.getString(2), rs.getString(3), null, null, null))
          .list();
      return list.size() == 20 ? list : null;
    });
    assertThat(rows).allMatch(r -> r.ruleName().equals("Passives: 30% rotating sample"));
    long picked = rows.stream().filter(Row::followUp).count();
    assertThat(picked).as("30% of 20, give or take the credit carried from other tests").isBetween(3L, 9L);
    assertThat(rows).filteredOn(r -> !r.followUp())
        .allMatch(r -> r.reason().contains("no follow-up: not sampled (sample 30%"));
  }

  @Test
  void the_seeded_rules_are_the_documented_defaults() {
    for (Rule expected : DefaultRules.all()) {
      Rule stored = rules.find(expected.id()).orElseThrow();
      assertThat(stored.name()).isEqualTo(expected.name());
      assertThat(stored.conditions()).isEqualTo(expected.conditions());
      assertThat(stored.outcome()).isEqualTo(expected.outcome());
    }
  }
}
