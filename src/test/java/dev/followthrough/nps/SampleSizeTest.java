package dev.followthrough.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class SampleSizeTest {

  @Test
  void plus_minus_ten_points_without_expectations_needs_385_respondents() {
    assertThat(SampleSize.requiredSampleSize(10, 0, 0)).isEqualTo(385);
  }

  @Test
  void plus_minus_five_points_without_expectations_needs_1537_respondents() {
    assertThat(SampleSize.requiredSampleSize(5, 0, 0)).isEqualTo(1537);
  }

  @Test
  void passives_and_a_clear_score_lower_the_variance_and_the_sample_needed() {
    // variance = (1 - 0.3) - 0.3^2 = 0.61; 1.959964^2 * 0.61 / 0.05^2 = 937.3
    assertThat(SampleSize.requiredSampleSize(5, 30, 0.3)).isEqualTo(938);
  }

  @Test
  void the_planned_sample_is_the_smallest_that_reaches_the_margin() {
    long n = SampleSize.requiredSampleSize(5, 30, 0.3);
    double variance = 0.61;

    assertThat(marginPoints(variance, n)).isLessThanOrEqualTo(5.0);
    assertThat(marginPoints(variance, n - 1)).isGreaterThan(5.0);
  }

  private static double marginPoints(double variance, long n) {
    return Statistics.zFor(0.95) * Math.sqrt(variance / n) * 100;
  }

  @Test
  void a_unanimous_expectation_still_asks_at_least_one_respondent() {
    assertThat(SampleSize.requiredSampleSize(5, 100, 0)).isEqualTo(1);
  }

  @Test
  void impossible_or_out_of_range_expectations_are_rejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> SampleSize.requiredSampleSize(0, 0, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> SampleSize.requiredSampleSize(5, 101, 0));
    assertThatIllegalArgumentException().isThrownBy(() -> SampleSize.requiredSampleSize(5, 0, 1.5));
    assertThatIllegalArgumentException().isThrownBy(() -> SampleSize.requiredSampleSize(5, 80, 0.3));
  }
}
