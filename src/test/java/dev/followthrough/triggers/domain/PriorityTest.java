package dev.followthrough.triggers.domain;

import static dev.followthrough.triggers.domain.Subjects.NOW;
import static dev.followthrough.triggers.domain.Subjects.aDetractor;
import static dev.followthrough.triggers.domain.Subjects.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.triggers.PriorityFactor;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PriorityTest {

  private static Map<String, PriorityFactor> factors(Priority.Score p) {
    return p.factors().stream().collect(Collectors.toMap(PriorityFactor::name, f -> f));
  }

  @Test
  void a_severe_drop_from_a_big_account_near_renewal_scores_high_and_says_why() {
    var p = Priority.of(aResponse(2).arr(1_000_000).previous(8).renewal(LocalDate.of(2026, 12, 10)).withComment()
        .build(), 0, NOW);
    var f = factors(p);
    assertThat(f.get("account value").points()).isEqualTo(25);
    assertThat(f.get("account value").why()).isEqualTo("ARR 1,000,000");
    assertThat(f.get("severity").why()).isEqualTo("score 2 (0–3: severe)");
    assertThat(f.get("score trend").points()).isEqualTo(15);
    assertThat(f.get("score trend").why()).isEqualTo("down 6 since the previous score");
    assertThat(f.get("renewal").why()).isEqualTo("renews in 17 days");
    assertThat(f.get("recency").points()).isEqualTo(10);
    assertThat(f.get("engagement").points()).isEqualTo(5);
    assertThat(p.total()).isEqualTo(100);
  }

  @Test
  void severity_zero_to_three_outranks_four_to_six_outranks_passives() {
    assertThat(Priority.of(aResponse(3).build(), 0, NOW).total())
        .isGreaterThan(Priority.of(aResponse(5).build(), 0, NOW).total());
    assertThat(Priority.of(aResponse(5).build(), 0, NOW).total())
        .isGreaterThan(Priority.of(aResponse(8).build(), 0, NOW).total());
  }

  @Test
  void arr_is_log_scaled() {
    assertThat(Priority.accountValue(java.math.BigDecimal.valueOf(10_000)).points()).isEqualTo(8);
    assertThat(Priority.accountValue(java.math.BigDecimal.valueOf(100_000)).points()).isEqualTo(17);
    assertThat(Priority.accountValue(null).points()).isZero();
  }

  @Test
  void older_answers_and_far_renewals_add_nothing_and_the_boost_is_a_factor() {
    var p = Priority.of(aDetractor().respondedAt(NOW.minus(Duration.ofDays(10))).renewal(LocalDate.of(2027, 9, 1))
        .build(), 10, NOW);
    var f = factors(p);
    assertThat(f.get("recency").points()).isZero();
    assertThat(f.get("renewal").points()).isZero();
    assertThat(f.get("rule boost").points()).isEqualTo(10);
    assertThat(p.total()).isEqualTo(30 + 10);
  }
}
