package dev.followthrough.nps;

import static dev.followthrough.nps.NpsFixtures.detractorsPassivesPromoters;
import static dev.followthrough.nps.NpsFixtures.promoters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class NpsCountsTest {

  private static final Offset<Double> FRACTION = within(1e-4);

  @Test
  void worked_example_a_matches_published_interval() {
    NpsCounts counts = detractorsPassivesPromoters(54, 108, 162);

    assertThat(counts.n()).isEqualTo(324);
    assertThat(counts.nps()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(counts.variance()).isCloseTo(5.0 / 9, within(1e-12));
    assertThat(counts.standardError()).isCloseTo(Math.sqrt(5.0 / 9) / Math.sqrt(324), within(1e-12));
    assertThat(counts.standardError()).isCloseTo(0.041409, within(1e-6));

    Interval wald = counts.wald(0.95);
    assertThat(wald.low()).isCloseTo(0.25217, FRACTION);
    assertThat(wald.high()).isCloseTo(0.41449, FRACTION);
    assertThat(wald.method()).isEqualTo("wald");

    Interval adjusted = counts.adjustedWald(0.95);
    assertThat(adjusted.low()).isCloseTo(0.24945, FRACTION);
    assertThat(adjusted.high()).isCloseTo(0.41110, FRACTION);
    assertThat(adjusted.method()).isEqualTo("adjusted-wald");
  }

  @Test
  void worked_example_b_raw_scores_give_a_third_with_published_standard_error() {
    NpsCounts counts = NpsCounts.ofScores(0, 7, 7, 9, 9, 9);

    assertThat(counts).isEqualTo(detractorsPassivesPromoters(1, 2, 3));
    assertThat(counts.nps()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(counts.variance()).isCloseTo(5.0 / 9, within(1e-12));
    assertThat(counts.standardError()).isCloseTo(0.3043, FRACTION);
  }

  @Test
  void worked_example_c_telecom_sample_matches_published_interval() {
    NpsCounts counts = detractorsPassivesPromoters(1271, 392, 690);

    assertThat(counts.n()).isEqualTo(2353);
    assertThat(counts.nps()).isCloseTo(-0.24692, FRACTION);
    assertThat(counts.variance()).isCloseTo(0.772435, within(1e-6));
    assertThat(counts.standardError()).isCloseTo(0.018118, within(1e-6));
    Interval wald = counts.wald(0.95);
    assertThat((wald.high() - wald.low()) / 2).isCloseTo(0.03551, FRACTION);
    assertThat(wald.low()).isCloseTo(-0.2824, FRACTION);
    assertThat(wald.high()).isCloseTo(-0.2114, FRACTION);
  }

  @Test
  void variance_matches_brendan_r_nps_unit_tests() {
    assertThat(detractorsPassivesPromoters(1, 2, 3).variance()).isCloseTo(5.0 / 9, within(1e-12));
    assertThat(detractorsPassivesPromoters(1, 0, 1).variance()).isCloseTo(1.0, within(1e-12));
    assertThat(detractorsPassivesPromoters(0, 1, 1).variance()).isCloseTo(0.25, within(1e-12));
    assertThat(detractorsPassivesPromoters(1, 1, 1).variance()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void standard_error_matches_brendan_r_nps_unit_tests() {
    assertThat(detractorsPassivesPromoters(1, 2, 3).standardError()).isCloseTo(0.304, within(1e-3));
    assertThat(detractorsPassivesPromoters(1, 0, 1).standardError()).isCloseTo(0.707, within(1e-3));
    assertThat(detractorsPassivesPromoters(0, 1, 1).standardError()).isCloseTo(0.354, within(1e-3));
    assertThat(detractorsPassivesPromoters(1, 1, 1).standardError()).isCloseTo(0.471, within(1e-3));
  }

  @Test
  void single_answers_score_minus_one_zero_and_one() {
    assertThat(NpsCounts.ofScores(0).nps()).isEqualTo(-1.0);
    assertThat(NpsCounts.ofScores(7).nps()).isEqualTo(0.0);
    assertThat(NpsCounts.ofScores(10).nps()).isEqualTo(1.0);
  }

  @Test
  void whuber_expanded_variance_equals_the_closed_form() {
    NpsCounts counts = detractorsPassivesPromoters(54, 108, 162);
    double nps = counts.nps();
    double expanded = Math.pow(1 - nps, 2) * 162 / 324 + Math.pow(0 - nps, 2) * 108 / 324
        + Math.pow(-1 - nps, 2) * 54 / 324;
    assertThat(counts.variance()).isCloseTo(expanded, within(1e-12));
  }

  @Test
  void all_promoters_adjusted_wald_upper_bound_is_clamped_to_one() {
    NpsCounts counts = promoters(50);

    Interval adjusted = counts.adjustedWald(0.95);

    // Unclamped the interval is [0.866, 1.020]; only the overshooting bound moves.
    assertThat(adjusted.low()).isCloseTo(0.866, within(1e-3));
    assertThat(adjusted.high()).isEqualTo(1.0);
  }

  @Test
  void all_promoters_wald_interval_is_degenerate_and_not_clamped() {
    Interval wald = promoters(50).wald(0.95);

    assertThat(wald.low()).isEqualTo(1.0);
    assertThat(wald.high()).isEqualTo(1.0);
  }

  @Test
  void wald_interval_is_not_clamped_when_it_overshoots() {
    Interval wald = detractorsPassivesPromoters(0, 1, 9).wald(0.95);

    assertThat(wald.high()).isGreaterThan(1.0);
  }

  @Test
  void jjscheng_distributions_aggregate_to_minus_three_tenths() {
    NpsCounts pooled = detractorsPassivesPromoters(2, 0, 3)
        .plus(detractorsPassivesPromoters(4, 3, 1))
        .plus(detractorsPassivesPromoters(4, 3, 0));

    assertThat(pooled).isEqualTo(detractorsPassivesPromoters(10, 6, 4));
    assertThat(pooled.nps()).isCloseTo(-0.3, within(1e-12));
  }

  @Test
  void jjscheng_single_distributions_score_as_published() {
    assertThat(detractorsPassivesPromoters(2, 8, 10).nps()).isCloseTo(0.4, within(1e-12));
    assertThat(detractorsPassivesPromoters(2, 0, 8).nps()).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void samcus_scores_one_nine_ten_give_thirty_three_points() {
    assertThat(Math.round(NpsCounts.ofScores(1, 9, 10).nps() * 100)).isEqualTo(33);
  }

  @Test
  void an_empty_sample_gives_nan_not_exceptions() {
    NpsCounts empty = NpsCounts.empty();

    assertThat(empty.n()).isZero();
    assertThat(empty.nps()).isNaN();
    assertThat(empty.variance()).isNaN();
    assertThat(empty.standardError()).isNaN();
    assertThat(empty.wald(0.95)).isEqualTo(new Interval(Double.NaN, Double.NaN, "wald"));
    assertThat(empty.adjustedWald(0.95)).isEqualTo(new Interval(Double.NaN, Double.NaN, "adjusted-wald"));
    assertThat(NpsCounts.ofScores()).isEqualTo(empty);
  }

  @Test
  void adding_categories_one_by_one_equals_counting_scores() {
    NpsCounts counted = NpsCounts.empty()
        .add(Category.DETRACTOR)
        .add(Category.PASSIVE)
        .add(Category.PASSIVE)
        .add(Category.PROMOTER);

    assertThat(counted).isEqualTo(NpsCounts.ofScores(3, 7, 8, 10));
    assertThat(counted).isEqualTo(new NpsCounts(1, 2, 1));
  }

  @Test
  void negative_counts_are_rejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> new NpsCounts(-1, 0, 0)).withMessageContaining("promoters");
    assertThatIllegalArgumentException().isThrownBy(() -> new NpsCounts(0, -1, 0)).withMessageContaining("passives");
    assertThatIllegalArgumentException().isThrownBy(() -> new NpsCounts(0, 0, -1)).withMessageContaining("detractors");
  }

  @Test
  void scores_outside_zero_to_ten_are_rejected_when_counting() {
    assertThatIllegalArgumentException().isThrownBy(() -> NpsCounts.ofScores(5, 11));
    assertThatIllegalArgumentException().isThrownBy(() -> NpsCounts.ofScores(-1));
  }

  @Test
  void a_wider_confidence_level_gives_a_wider_interval() {
    NpsCounts counts = detractorsPassivesPromoters(54, 108, 162);

    Interval ninety = counts.adjustedWald(0.90);
    Interval ninetyNine = counts.adjustedWald(0.99);

    assertThat(ninetyNine.low()).isLessThan(ninety.low());
    assertThat(ninetyNine.high()).isGreaterThan(ninety.high());
  }
}
