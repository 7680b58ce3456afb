package dev.followthrough.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.responses.ResponseRecorded;
import dev.followthrough.support.IntegrationTest;
import dev.followthrough.triggers.domain.Holdout;
import dev.followthrough.triggers.jdbc.JdbcDecisions;
import dev.followthrough.triggers.jdbc.JdbcRules;
import dev.followthrough.triggers.jdbc.JdbcSampler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The holdout through the real rules and decision table. The running application has the holdout off (the
 * default), so these tests build a second decider with the holdout on over the same beans and decide a revision
 * the application's own listener never sees.
 */
class HoldoutDecisionTest extends IntegrationTest {

  private static final int REVISION = 77;

  @Autowired ResponseQueries responses;
  @Autowired JdbcRules rules;
  @Autowired JdbcDecisions decisions;
  @Autowired JdbcSampler sampler;
  @Autowired TriggerRules triggerRules;
  @Autowired TriggerDecisions triggerDecisions;
  @Autowired TransactionTemplate tx;
  @Autowired Clock clock;

  private final List<Object> published = new ArrayList<>();

  private ResponseTriggers decider(double share, String salt) {
    TriggerSettings s = new TriggerSettings(true, Duration.ofDays(14), Duration.ofDays(30), share, List.of("enterprise"), salt);
    // no ledger: the application's own decision of revision 1 opens a case, which must not suppress this one
    ObjectProvider<FollowUpLedger> noLedger = new StaticListableBeanFactory().getBeanProvider(FollowUpLedger.class);
    return new ResponseTriggers(responses, rules, decisions, sampler, noLedger, published::add, s, triggerRules, clock);
  }

  private record Recorded(UUID responseId, UUID contactId) {}

  private Recorded detractor(String tier) {
    Reply r = post("/api/v1/responses", """
        {"sourceId": "%s", "score": 2, "respondedAt": "%s", "contact": {"email": "%s@example.test"},
         "account": {"externalId": "%s", "tier": "%s"}}"""
        .formatted(unique("h"), clock.instant().minusSeconds(60), unique("c"), unique("a"), tier));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return new Recorded(UUID.fromString(r.json().get("id").asString()),
        UUID.fromString(r.json().get("contact").get("id").asString()));
  }

  /** A salt that puts this contact in (or out of) a 50% arm: the arm is a pure function of salt and contact. */
  private static String salt(UUID contact, boolean inArm) {
    for (int i = 0; ; i++) {
      if ((Holdout.position("salt-" + i, contact) < 0.5) == inArm) return "salt-" + i;
    }
  }

  private java.util.Optional<dev.followthrough.triggers.domain.Decision> decide(ResponseTriggers t, Recorded r) {
    return tx.execute(s -> t.decide(new ResponseRecorded(r.responseId(), REVISION, "api", 2, "detractor", r.contactId(),
        null, Instant.now(), false)));
  }

  @Test
  void a_contact_in_the_holdout_arm_is_decided_holdout_with_its_reason_and_no_follow_up_is_requested() {
    Recorded r = detractor("smb");
    var decision = decide(decider(0.5, salt(r.contactId(), true)), r).orElseThrow();
    assertThat(decision.reasons().getLast()).startsWith("holdout:");
    TriggerDecision stored = triggerDecisions.forResponse(r.responseId()).stream()
        .filter(d -> d.revision() == REVISION).findFirst().orElseThrow();
    assertThat(stored.holdout()).isTrue();
    assertThat(stored.followUp()).isFalse();
    assertThat(stored.ruleName()).isEqualTo("Detractors: follow up within 48 h");
    assertThat(published).noneMatch(e -> e instanceof FollowUpRequested);
  }

  @Test
  void a_contact_outside_the_arm_and_an_enterprise_contact_in_it_are_followed_up() {
    Recorded out = detractor("smb");
    decide(decider(0.5, salt(out.contactId(), false)), out);
    Recorded enterprise = detractor("enterprise");
    decide(decider(0.5, salt(enterprise.contactId(), true)), enterprise);
    for (Recorded r : List.of(out, enterprise)) {
      TriggerDecision d = triggerDecisions.forResponse(r.responseId()).stream()
          .filter(x -> x.revision() == REVISION).findFirst().orElseThrow();
      assertThat(d.followUp()).isTrue();
      assertThat(d.holdout()).isFalse();
    }
    assertThat(published.stream().filter(e -> e instanceof FollowUpRequested)).hasSize(2);
  }
}
