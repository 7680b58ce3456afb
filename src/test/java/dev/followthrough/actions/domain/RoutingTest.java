package dev.followthrough.actions.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.actions.domain.Routing.Kind;
import dev.followthrough.actions.domain.Routing.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {

  static final List<Rule> RULES = List.of(
      new Rule(Kind.CATEGORY, "support", "support-ops"),
      new Rule(Kind.MECHANISM, "slow-support", "cs-leadership"));

  @Test
  void a_mechanism_rule_beats_its_category_rule() {
    var r = Routing.route("slow-support", "support", "implementation", RULES, "product");
    assertThat(r.team()).isEqualTo("cs-leadership");
    assertThat(r.because()).contains("mechanism slow-support");
  }

  @Test
  void a_category_rule_beats_the_codebook_owner() {
    assertThat(Routing.route("unhelpful-support", "support", "implementation", RULES, "product").team()).isEqualTo("support-ops");
  }

  @Test
  void without_a_rule_the_codebook_owner_owns_it_and_without_an_owner_the_fallback_team() {
    assertThat(Routing.route("billing-errors", "commercial", "finance", RULES, "product").team()).isEqualTo("finance");
    var fallback = Routing.route("new-thing", null, " ", RULES, "product");
    assertThat(fallback.team()).isEqualTo("product");
    assertThat(fallback.because()).isEqualTo("fallback team");
  }
}
