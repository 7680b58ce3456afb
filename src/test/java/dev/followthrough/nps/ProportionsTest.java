package dev.followthrough.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Known answers: Newcombe (1998) Stat Med 17:857 and 17:873 worked examples; scipy 1.17 for t and Welch. */
class ProportionsTest {

  @Test
  void wilson_interval_matches_newcombes_worked_example_81_of_263() {
    Interval i = Proportions.wilson(81, 263, 0.95);
    assertThat(i.low()).isCloseTo(0.2553, within(5e-5));
    assertThat(i.high()).isCloseTo(0.3662, within(5e-5));
    assertThat(i.method()).isEqualTo("wilson");
  }

  @Test
  void wilson_interval_at_zero_successes_starts_at_zero_and_is_undefined_without_data() {
    Interval i = Proportions.wilson(0, 10, 0.95);
    assertThat(i.low()).isEqualTo(0.0);
    assertThat(i.high()).isCloseTo(0.2775328, within(1e-6));
    assertThat(Proportions.wilson(10, 10, 0.95).high()).isEqualTo(1.0);
    assertThat(Proportions.wilson(0, 0, 0.95).low()).isNaN();
    assertThatIllegalArgumentException().isThrownBy(() -> Proportions.wilson(3, 2, 0.95));
  }

  @Test
  void newcombe_difference_matches_his_worked_example_56_of_70_against_48_of_80() {
    Interval i = Proportions.newcombe(56, 70, 48, 80, 0.95);
    assertThat(i.low()).isCloseTo(0.0524, within(5e-5));
    assertThat(i.high()).isCloseTo(0.3339, within(5e-5));
    assertThat(Proportions.newcombe(0, 0, 1, 2, 0.95).low()).isNaN();
  }

  @Test
  void student_t_quantiles_and_cdf_match_reference_values() {
    assertThat(StudentT.critical(0.95, 10)).isCloseTo(2.228138851986274, within(1e-9));
    assertThat(StudentT.critical(0.95, 1)).isCloseTo(12.706204736174694, within(1e-8));
    assertThat(StudentT.critical(0.95, 5.5)).isCloseTo(2.501858617589239, within(1e-9));
    assertThat(StudentT.cdf(2.0, 3)).isCloseTo(0.9303370157205785, within(1e-12));
    assertThat(StudentT.cdf(-1.3, 7.25)).isCloseTo(0.11670181692169457, within(1e-12));
  }

  @Test
  void welch_interval_matches_scipy_on_two_small_samples() {
    var a = Proportions.Sample.of(new double[] {3, 4, 5, 8, 9, 1, 2, 4, 5});
    var b = Proportions.Sample.of(new double[] {6, 19, 3, 2, 14, 4, 5, 17, 1});
    var d = Proportions.welch(a, b, 0.95);
    assertThat(d.df()).isCloseTo(10.255208532019596, within(1e-9));
    assertThat(d.interval().low()).isCloseTo(-8.76718307015173, within(1e-8));
    assertThat(d.interval().high()).isCloseTo(2.100516403485063, within(1e-8));
    assertThat(d.pValue()).isCloseTo(0.20229392336867796, within(1e-9));
    assertThat(d.difference() / d.standardError()).isCloseTo(-1.3622298275594995, within(1e-12));
  }

  @Test
  void welch_needs_two_values_in_each_group() {
    var d = Proportions.welch(Proportions.Sample.of(new double[] {5}), Proportions.Sample.of(new double[] {3, 4}), 0.95);
    assertThat(d.interval().low()).isNaN();
  }

  @Test
  void least_squares_slope_and_its_t_interval_match_scipy_linregress() {
    double[] x = {0, 7, 14, 21, 28};
    double[] y = {Math.log(.2), Math.log(.15), Math.log(.1), Math.log(.08), Math.log(.05)};
    Regression r = Regression.fit(x, y, 0.95);
    assertThat(r.slope()).isCloseTo(-0.048588534023745085, within(1e-12));
    assertThat(r.intercept()).isCloseTo(-1.5858813053028236, within(1e-12));
    assertThat(r.slopeStandardError()).isCloseTo(0.002813769992120642, within(1e-12));
    assertThat(r.slopeInterval().low()).isCloseTo(-0.057543205939087586, within(1e-9));
    assertThat(r.slopeInterval().high()).isCloseTo(-0.039633862108402584, within(1e-9));
  }
}
