package dev.followthrough.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void normal_cdf_at_the_95_percent_critical_value_is_0_975() {
    assertThat(Statistics.normalCdf(1.959964)).isCloseTo(0.975, within(1e-6));
  }

  @Test
  void normal_cdf_matches_reference_values_across_the_range() {
    // Reference values from scipy.stats.norm.cdf.
    assertThat(Statistics.normalCdf(0)).isEqualTo(0.5);
    assertThat(Statistics.normalCdf(0.5)).isCloseTo(0.6914624612740131, within(1e-14));
    assertThat(Statistics.normalCdf(0.6744)).isCloseTo(0.7499714786270594, within(1e-14));
    assertThat(Statistics.normalCdf(-1)).isCloseTo(0.15865525393145707, within(1e-14));
    assertThat(Statistics.normalCdf(1.959964)).isCloseTo(0.9750000009035577, within(1e-14));
    assertThat(Statistics.normalCdf(3)).isCloseTo(0.9986501019683699, within(1e-14));
    assertThat(Statistics.normalCdf(-3)).isCloseTo(0.0013498980316300933, within(1e-16));
    assertThat(Statistics.normalCdf(6)).isCloseTo(0.9999999990134123, within(1e-15));
  }

  @Test
  void normal_cdf_keeps_relative_precision_far_in_the_lower_tail() {
    assertThat(Statistics.normalCdf(-8)).isCloseTo(6.22096057427174e-16, withinPercentage(1e-9));
    assertThat(Statistics.normalCdf(-37)).isCloseTo(5.7255712225239266e-300, withinPercentage(1e-9));
  }

  @Test
  void normal_cdf_saturates_and_propagates_nan() {
    assertThat(Statistics.normalCdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(Statistics.normalCdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    assertThat(Statistics.normalCdf(40)).isEqualTo(1.0);
    assertThat(Statistics.normalCdf(Double.NaN)).isNaN();
  }

  @Test
  void normal_cdf_is_symmetric() {
    for (double z = 0; z <= 8; z += 0.125) {
      assertThat(Statistics.normalCdf(z) + Statistics.normalCdf(-z)).isCloseTo(1.0, within(1e-15));
    }
  }

  @Test
  void z_for_95_percent_is_1_959964() {
    assertThat(Statistics.zFor(0.95)).isCloseTo(1.959964, within(1e-6));
    assertThat(Statistics.zFor(0.95)).isCloseTo(1.959963984540054, within(1e-13));
  }

  @Test
  void z_for_other_confidence_levels_matches_reference_values() {
    assertThat(Statistics.zFor(0.80)).isCloseTo(1.2815515655446004, within(1e-13));
    assertThat(Statistics.zFor(0.98)).isCloseTo(2.3263478740408408, within(1e-13));
    assertThat(Statistics.zFor(0.60)).isCloseTo(0.8416212335729143, within(1e-13));
  }

  @Test
  void inverse_normal_cdf_round_trips_through_the_cdf() {
    for (double p : new double[] {1e-300, 1e-10, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.97575, 0.999}) {
      assertThat(Statistics.normalCdf(Statistics.inverseNormalCdf(p))).isCloseTo(p, withinPercentage(1e-10));
    }
    assertThat(Statistics.inverseNormalCdf(1e-10)).isCloseTo(-6.361340902404056, within(1e-12));
  }

  @Test
  void inverse_normal_cdf_is_infinite_at_the_ends_and_rejects_non_probabilities() {
    assertThat(Statistics.inverseNormalCdf(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Statistics.inverseNormalCdf(1)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThatIllegalArgumentException().isThrownBy(() -> Statistics.inverseNormalCdf(-0.1));
    assertThatIllegalArgumentException().isThrownBy(() -> Statistics.inverseNormalCdf(1.1));
    assertThatIllegalArgumentException().isThrownBy(() -> Statistics.inverseNormalCdf(Double.NaN));
  }

  @Test
  void confidence_levels_must_lie_strictly_between_zero_and_one() {
    assertThatIllegalArgumentException().isThrownBy(() -> Statistics.zFor(0));
    assertThatIllegalArgumentException().isThrownBy(() -> Statistics.zFor(1));
    assertThatIllegalArgumentException().isThrownBy(() -> Statistics.zFor(95));
  }

  @Test
  void two_sided_p_value_of_the_critical_value_is_five_percent() {
    assertThat(Statistics.twoSidedPValue(1.959963984540054)).isCloseTo(0.05, within(1e-12));
    assertThat(Statistics.twoSidedPValue(-1.959963984540054)).isCloseTo(0.05, within(1e-12));
    assertThat(Statistics.twoSidedPValue(0)).isEqualTo(1.0);
  }
}
