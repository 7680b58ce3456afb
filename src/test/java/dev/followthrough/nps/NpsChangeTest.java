package dev.followthrough.nps;

import static dev.followthrough.nps.NpsFixtures.detractors;
import static dev.followthrough.nps.NpsFixtures.detractorsPassivesPromoters;
import static dev.followthrough.nps.NpsFixtures.promoters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NpsChangeTest {

  private static final NpsCounts X = detractorsPassivesPromoters(20, 30, 50);
  private static final NpsCounts Y = detractorsPassivesPromoters(30, 30, 40);

  @Test
  void worked_example_d_twenty_point_rise_is_not_significant() {
    NpsChange change = NpsChange.between(Y, X).orElseThrow();

    assertThat(change.difference()).isCloseTo(20.0, within(1e-9));
    assertThat(change.standardError()).isCloseTo(11.4018, within(1e-2));
    assertThat(change.ci95().low()).isCloseTo(-2.35, within(1e-2));
    assertThat(change.ci95().high()).isCloseTo(42.35, within(1e-2));
    assertThat(change.ci95().method()).isEqualTo("wald");
    assertThat(change.z()).isCloseTo(1.7541, within(1e-4));
    assertThat(change.pValue()).isCloseTo(0.0794, within(1e-4));
    assertThat(change.significant()).isFalse();
  }

  @Test
  void swapping_previous_and_current_negates_the_difference_and_keeps_the_p_value() {
    NpsChange forward = NpsChange.between(Y, X).orElseThrow();
    NpsChange backward = NpsChange.between(X, Y).orElseThrow();

    assertThat(backward.difference()).isCloseTo(-forward.difference(), within(1e-12));
    assertThat(backward.z()).isCloseTo(-forward.z(), within(1e-12));
    assertThat(backward.pValue()).isCloseTo(forward.pValue(), within(1e-15));
    assertThat(backward.standardError()).isCloseTo(forward.standardError(), within(1e-12));
    assertThat(backward.ci95().low()).isCloseTo(-forward.ci95().high(), within(1e-9));
    assertThat(backward.ci95().high()).isCloseTo(-forward.ci95().low(), within(1e-9));
    assertThat(backward.significant()).isEqualTo(forward.significant());
  }

  @Test
  void the_same_twenty_point_rise_is_significant_with_four_times_the_respondents() {
    NpsCounts previous = detractorsPassivesPromoters(120, 120, 160);
    NpsCounts current = detractorsPassivesPromoters(80, 120, 200);

    NpsChange change = NpsChange.between(previous, current).orElseThrow();

    assertThat(change.difference()).isCloseTo(20.0, within(1e-9));
    assertThat(change.standardError()).isCloseTo(11.4018 / 2, within(1e-2));
    assertThat(change.pValue()).isLessThan(0.05);
    assertThat(change.significant()).isTrue();
  }

  @Test
  void no_change_has_p_value_one() {
    NpsChange change = NpsChange.between(X, X).orElseThrow();

    assertThat(change.difference()).isZero();
    assertThat(change.pValue()).isEqualTo(1.0);
    assertThat(change.significant()).isFalse();
  }

  @Test
  void an_empty_sample_on_either_side_gives_no_comparison() {
    assertThat(NpsChange.between(NpsCounts.empty(), X)).isEmpty();
    assertThat(NpsChange.between(X, NpsCounts.empty())).isEmpty();
    assertThat(NpsChange.between(NpsCounts.empty(), NpsCounts.empty())).isEmpty();
  }

  @Test
  void unanimous_promoters_on_both_sides_is_no_change_rather_than_nan() {
    NpsChange change = NpsChange.between(promoters(10), promoters(10)).orElseThrow();

    assertThat(change.difference()).isZero();
    assertThat(change.standardError()).isPositive();
    assertThat(change.z()).isZero();
    assertThat(change.pValue()).isEqualTo(1.0);
    assertThat(change.significant()).isFalse();
    assertThat(change.ci95().method()).isEqualTo("wald-adjusted-variance");
  }

  @Test
  void unanimous_promoters_turning_into_unanimous_detractors_is_significant() {
    NpsChange change = NpsChange.between(promoters(10), detractors(10)).orElseThrow();

    assertThat(change.difference()).isEqualTo(-200.0);
    assertThat(Double.isFinite(change.z())).isTrue();
    assertThat(change.significant()).isTrue();
    assertThat(change.ci95().low()).isGreaterThanOrEqualTo(-200.0);
  }
}
