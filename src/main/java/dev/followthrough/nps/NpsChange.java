package dev.followthrough.nps;

import java.util.Objects;
import java.util.Optional;

/**
 * How far the NPS moved from a previous sample to the current one, and whether that is more than noise.
 *
 * <p>{@code difference}, {@code standardError} and {@code ci95} are in points (current minus previous, so a rise is
 * positive); {@code z} is the signed test statistic difference / SE and {@code pValue} is two-sided, so swapping
 * the samples flips the signs and keeps the p-value. The test is the two-sample Wald test on independent samples:
 *
 * <pre>
 *   SE_diff = sqrt(variance_current / n_current + variance_previous / n_previous)
 *   z = (NPS_current - NPS_previous) / SE_diff
 *   95% CI = difference ± 1.959964 · SE_diff
 * </pre>
 */
public record NpsChange(
    double difference, Interval ci95, double standardError, double z, double pValue, boolean significant) {

  /** Method of {@code ci95} when the raw variances were both zero and Rocks-adjusted variances stood in. */
  public static final String WALD_ADJUSTED_VARIANCE = "wald-adjusted-variance";

  private static final double POINTS = 100;
  private static final double ALPHA = 0.05;
  private static final double Z95 = Statistics.zFor(0.95);

  public NpsChange {
    Objects.requireNonNull(ci95, "ci95");
  }

  /** Empty when either sample has no respondents: there is nothing to compare. */
  public static Optional<NpsChange> between(NpsCounts previous, NpsCounts current) {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    if (previous.n() == 0 || current.n() == 0) return Optional.empty();

    double difference = current.nps() - previous.nps();
    double se = Math.sqrt(current.variance() / current.n() + previous.variance() / previous.n());
    String method = Interval.WALD;
    if (se == 0) {
      // Both samples are unanimous (all promoters, all passives or all detractors), so the raw SE is 0 and z would
      // be 0/0 or ±infinity. Rocks' pseudo-respondents give each side a small, sample-size-aware variance, which
      // keeps the test defined: 10 vs 10 promoters is "no change", all promoters vs all detractors is significant.
      // The difference itself stays the observed one.
      se = Math.sqrt(square(current.adjustedStandardError()) + square(previous.adjustedStandardError()));
      method = WALD_ADJUSTED_VARIANCE;
    }
    double z = difference / se;
    double pValue = Statistics.twoSidedPValue(z);
    // A difference of two NPS values cannot leave [-2, 2], however wide the interval arithmetic makes it.
    Interval ci95 = Interval.around(difference, Z95 * se, method).clampedTo(-2, 2).scaled(POINTS);
    return Optional.of(new NpsChange(difference * POINTS, ci95, se * POINTS, z, pValue, pValue < ALPHA));
  }

  private static double square(double x) {
    return x * x;
  }
}
