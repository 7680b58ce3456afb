package dev.followthrough.triggers.domain;

import static dev.followthrough.triggers.domain.Subjects.NOW;
import static dev.followthrough.triggers.domain.Subjects.aDetractor;
import static dev.followthrough.triggers.domain.Subjects.aPassive;
import static dev.followthrough.triggers.domain.Subjects.aPromoter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.Play;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RuleBookTest {

  private final RuleBook defaults = new RuleBook(DefaultRules.all(), Limits.defaults());
  private final InMemorySampler sampler = new InMemorySampler();

  private Decision decide(Subject s) {
    return defaults.evaluate(s, sampler, NOW);
  }

  @Test
  void an_enterprise_detractor_gets_a_csm_call_within_24h() {
    var d = (Decision.FollowUp) decide(aDetractor().tier("enterprise").arr(120000).build());
    assertThat(d.rule().id()).isEqualTo(DefaultRules.ENTERPRISE_DETRACTORS);
    assertThat(d.outcome().channel()).isEqualTo(Channel.CALL);
    assertThat(d.outcome().sla()).isEqualTo(Duration.ofHours(24));
    assertThat(d.reasons().getFirst())
        .isEqualTo("matched rule 'Enterprise detractors: CSM call within 24 h' (category = detractor, tier = enterprise)");
    assertThat(d.reason()).endsWith("follow up by call (recover) within 24 h, priority " + d.priority());
  }

  @Test
  void the_first_matching_rule_decides_not_the_best() {
    var d = (Decision.FollowUp) decide(aDetractor().tier("smb").build());
    assertThat(d.rule().id()).isEqualTo(DefaultRules.DETRACTORS);
    assertThat(d.outcome().channel()).isEqualTo(Channel.EMAIL);
    assertThat(d.outcome().overflow()).isEqualTo(Channel.INTERVIEW);
  }

  @Test
  void disabled_rules_are_skipped_and_order_is_by_position() {
    Rule a = rule("A", 2, Conditions.none(), Outcome.none());
    Rule b = rule("B", 1, Conditions.none(), Outcome.followUp(Channel.IN_APP, Play.IMPROVE, Duration.ofDays(1)));
    assertThat(new RuleBook(List.of(a, b), Limits.defaults()).evaluate(aPassive().build(), sampler, NOW).rule().name())
        .isEqualTo("B");
    Rule bOff = new Rule(b.id(), "B", 1, false, b.conditions(), b.outcome(), null, 1);
    assertThat(new RuleBook(List.of(a, bOff), Limits.defaults()).evaluate(aPassive().build(), sampler, NOW).rule().name())
        .isEqualTo("A");
  }

  @Test
  void no_matching_rule_is_no_follow_up_with_the_reason() {
    Rule only = rule("Promoters", 1, new Conditions(Set.of("promoter"), null, null, null, null, null, null, null, null,
        null, null, Map.of(), null, null, null), Outcome.none());
    Decision d = new RuleBook(List.of(only), Limits.defaults()).evaluate(aDetractor().build(), sampler, NOW);
    assertThat(d).isInstanceOf(Decision.NoFollowUp.class);
    assertThat(d.rule()).isNull();
    assertThat(d.reason()).isEqualTo("no follow-up: no enabled rule matched");
  }

  @Test
  void a_rule_can_decide_no_follow_up() {
    Decision d = decide(aResponse(8).build());
    // passives are sampled; the catch-all is tested directly
    Rule none = DefaultRules.all().getLast();
    Decision n = new RuleBook(List.of(none), Limits.defaults()).evaluate(aDetractor().build(), sampler, NOW);
    assertThat(n.reason()).isEqualTo("matched rule 'Everyone else: no follow-up' (no conditions); no follow-up: the rule decides no follow-up");
    assertThat(d).isNotNull();
  }

  private static Subjects.Builder aResponse(int score) {
    return Subjects.aResponse(score);
  }

  @Test
  void an_opted_out_contact_is_never_followed_up() {
    Decision d = decide(aDetractor().tier("enterprise").optedOut().build());
    assertThat(d).isInstanceOf(Decision.NoFollowUp.class);
    assertThat(d.reason()).isEqualTo("no follow-up: the contact opted out of being contacted");
  }

  @Test
  void a_historical_response_opens_no_follow_up() {
    Decision d = decide(aDetractor().respondedAt(NOW.minus(Duration.ofDays(40))).build());
    assertThat(d).isInstanceOf(Decision.NoFollowUp.class);
    assertThat(d.reason()).isEqualTo("no follow-up: response is 40 days old (older than 14 days): historical import");
  }

  @Test
  void no_second_case_while_one_is_open() {
    Decision d = decide(aDetractor().openCase().build());
    assertThat(d).isInstanceOf(Decision.NoFollowUp.class);
    assertThat(d.rule().id()).isEqualTo(DefaultRules.DETRACTORS);
    assertThat(d.reasons().getLast()).isEqualTo("no follow-up: contact has an open case");
  }

  @Test
  void quiet_period_after_a_follow_up_global_and_per_rule() {
    Decision d = decide(aDetractor().lastFollowUp(NOW.minus(Duration.ofDays(5))).build());
    assertThat(d.reasons().getLast()).isEqualTo("no follow-up: contact was followed up 5 days ago (quiet period 30 days)");
    assertThat(decide(aDetractor().lastFollowUp(NOW.minus(Duration.ofDays(31))).build()))
        .isInstanceOf(Decision.FollowUp.class);
    Rule shortQuiet = rule("Short", 1, Conditions.none(),
        Outcome.followUp(Channel.EMAIL, Play.RECOVER, Duration.ofDays(2)).withQuietPeriod(Duration.ofDays(3)));
    assertThat(new RuleBook(List.of(shortQuiet), Limits.defaults())
        .evaluate(aDetractor().lastFollowUp(NOW.minus(Duration.ofDays(5))).build(), sampler, NOW))
        .isInstanceOf(Decision.FollowUp.class);
  }

  @Test
  void suppressed_responses_do_not_use_up_a_sample_turn() {
    Rule all = rule("Half", 1, Conditions.none(),
        Outcome.followUp(Channel.INTERVIEW, Play.IMPROVE, Duration.ofDays(7)).withSampleRate(0.5));
    RuleBook book = new RuleBook(List.of(all), Limits.defaults());
    for (int i = 0; i < 10; i++) book.evaluate(aPassive().openCase().build(), sampler, NOW);
    assertThat(sampler.contact(all.id(), UUID.randomUUID()).eligible()).isZero();
    assertThat(book.evaluate(aPassive().build(), sampler, NOW)).isInstanceOf(Decision.NoFollowUp.class);
    assertThat(book.evaluate(aPassive().build(), sampler, NOW)).isInstanceOf(Decision.FollowUp.class);
  }

  @Test
  void passives_are_sampled_with_a_reason_for_those_not_picked() {
    int picked = 0;
    String skipped = null;
    for (int i = 0; i < 100; i++) {
      Decision d = decide(aPassive().build());
      if (d instanceof Decision.FollowUp f) {
        picked++;
        assertThat(f.outcome().play()).isEqualTo(Play.IMPROVE);
      } else skipped = d.reasons().getLast();
    }
    assertThat(picked).isEqualTo(30);
    assertThat(skipped).startsWith("no follow-up: not sampled (sample 30%");
  }

  @Test
  void promoters_get_a_thank_you_and_referral_ask_on_a_sample() {
    long picked = java.util.stream.IntStream.range(0, 50).mapToObj(i -> decide(aPromoter().build()))
        .filter(d -> d instanceof Decision.FollowUp f && f.outcome().play() == Play.THANK_AND_REFER).count();
    assertThat(picked).isEqualTo(10);
  }

  @Test
  void enterprise_passives_are_always_followed_up_by_a_human() {
    for (int i = 0; i < 5; i++) {
      var d = (Decision.FollowUp) decide(aPassive().tier("enterprise").build());
      assertThat(d.outcome().channel().needsHuman()).isTrue();
    }
  }

  static Rule rule(String name, int position, Conditions c, Outcome o) {
    return new Rule(UUID.randomUUID(), name, position, true, c, o, null, 1);
  }
}
