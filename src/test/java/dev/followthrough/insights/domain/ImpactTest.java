package dev.followthrough.insights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.followthrough.insights.domain.Impact.Mention;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImpactTest {

  static Mention m(String mechanism, String category, String account, Double arr, String period) {
    return new Mention(mechanism, category, account, arr, period);
  }

  @Test
  void wilson_interval_matches_a_published_example() {
    // Newcombe (1998), method 3: 81 of 263 → 0.2553 to 0.3662
    double[] ci = Impact.wilson(81, 263);
    assertThat(ci[0]).isCloseTo(0.2553, within(5e-4));
    assertThat(ci[1]).isCloseTo(0.3662, within(5e-4));
    assertThat(Impact.wilson(0, 10)[0]).isZero();
  }

  @Test
  void a_rare_mechanism_of_a_big_detractor_account_ranks_above_frequent_mild_praise_and_says_why() {
    List<Mention> mentions = List.of(
        m("exports", "detractor", "globex", 400_000.0, "2026-10"),
        m("ui", "promoter", "a", 10_000.0, "2026-10"), m("ui", "promoter", "b", 10_000.0, "2026-10"),
        m("ui", "passive", "c", 10_000.0, "2026-11"), m("ui", "promoter", "d", 10_000.0, "2026-11"));
    List<Impact.MechanismImpact> ranked = Impact.of(mentions, 4, Map.of("2026-10", 10L, "2026-11", 10L));
    assertThat(ranked).extracting(Impact.MechanismImpact::mechanism).containsExactly("exports", "ui");
    Impact.MechanismImpact exports = ranked.getFirst();
    assertThat(exports.revenueAtRisk()).isEqualTo(400_000);
    assertThat(exports.shareOfDetractors()).isEqualTo(0.25);
    assertThat(exports.quadrant()).isEqualTo("rare but severe");
    assertThat(exports.why()).contains("#1", "1 detractor mention", "25% of all detractors", "$400k");
    assertThat(ranked.get(1).quadrant()).isEqualTo("frequent but mild");
    // ui: 3 promoter accounts × 10k × 0.1 + one passive account × 10k × 0.4
    assertThat(ranked.get(1).impactScore()).isCloseTo(7_000, within(1e-6));
  }

  @Test
  void an_account_counts_its_arr_once_at_its_most_severe_mention() {
    List<Mention> mentions = List.of(m("x", "promoter", "a", 100.0, "p"), m("x", "detractor", "a", 100.0, "p"),
        m("x", "passive", "a", 100.0, "p"));
    assertThat(Impact.of(mentions, 1, Map.of("p", 3L)).getFirst().impactScore()).isEqualTo(100);
  }

  @Test
  void the_trend_says_rising_only_when_the_intervals_separate() {
    List<Mention> rising = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) rising.add(m("x", "detractor", null, null, "2026-10"));
    for (int i = 0; i < 60; i++) rising.add(m("x", "detractor", null, null, "2026-11"));
    Impact.MechanismImpact r = Impact.of(rising, 65, Map.of("2026-10", 100L, "2026-11", 100L)).getFirst();
    assertThat(r.trendVerdict()).startsWith("rising");
    assertThat(r.trend()).hasSize(2);
    List<Mention> flat = List.of(m("x", "detractor", null, null, "2026-10"), m("x", "detractor", null, null, "2026-11"));
    assertThat(Impact.of(flat, 2, Map.of("2026-10", 10L, "2026-11", 9L)).getFirst().trendVerdict()).startsWith("no clear change");
  }
}
