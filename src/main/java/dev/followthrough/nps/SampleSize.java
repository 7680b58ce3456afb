package dev.followthrough.nps;

/**
 * How many respondents a survey needs, the question CX leads ask before launching one.
 *
 * <p>Inverts the Wald margin of error MoE = z · sqrt(variance / n):
 *
 * <pre>
 *   a = expected passive share, e = expected NPS as a fraction, m = margin as a fraction, z = 1.959964
 *   p + d = 1 - a  and  p - d = e,  so  variance = (1 - a) - e^2
 *   n = ceil(z^2 · variance / m^2)
 * </pre>
 *
 * Without any expectation, assume NPS 0 and no passives (variance 1, the worst case): ±10 points then needs 385
 * respondents, ±5 points 1537. The adjusted-Wald interval shown on dashboards adds three pseudo-respondents, so it
 * reaches the margin with about three fewer; this plans for the plain Wald figure and errs on the safe side.
 */
public final class SampleSize {

  private static final double Z95 = Statistics.zFor(0.95);

  private SampleSize() {}

  /**
   * Respondents needed for a 95% interval of ± {@code marginPoints}.
   *
   * @param marginPoints half-width of the interval in NPS points, e.g. 5 for ±5
   * @param expectedNps the NPS you expect, in points (-100..+100), e.g. 30; use 0 when unknown
   * @param expectedPassiveShare the share of passives you expect, as a fraction 0..1, e.g. 0.3; use 0 when unknown
   */
  public static long requiredSampleSize(double marginPoints, double expectedNps, double expectedPassiveShare) {
    if (!(marginPoints > 0 && marginPoints <= 200)) {
      throw new IllegalArgumentException("marginPoints must be in (0, 200], was " + marginPoints);
    }
    if (!(expectedNps >= -100 && expectedNps <= 100)) {
      throw new IllegalArgumentException("expectedNps must be -100..100 points, was " + expectedNps);
    }
    if (!(expectedPassiveShare >= 0 && expectedPassiveShare <= 1)) {
      throw new IllegalArgumentException("expectedPassiveShare must be 0..1, was " + expectedPassiveShare);
    }
    double e = expectedNps / 100;
    double nonPassive = 1 - expectedPassiveShare;
    if (Math.abs(e) > nonPassive + 1e-12) {
      // p - d can't exceed p + d: e.g. NPS +80 with 30% passives would need more than 100% of respondents.
      throw new IllegalArgumentException(
          "an NPS of " + expectedNps + " is impossible with a passive share of " + expectedPassiveShare);
    }
    double variance = Math.max(0, nonPassive - e * e);
    double m = marginPoints / 100;
    double exact = Z95 * Z95 * variance / (m * m);
    // Round up, but don't let a product that is an integer up to rounding error (384.0000000001) cost a respondent.
    long n = (long) Math.ceil(exact - 1e-9);
    // A unanimous expectation (variance 0) makes the Wald margin zero at any n; at least ask someone.
    return Math.max(1, n);
  }
}
