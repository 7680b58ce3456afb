package dev.followthrough.nps;

/**
 * The few standard-normal functions the NPS intervals and tests need, written out so this package depends on the
 * JDK alone.
 *
 * <p>Accuracy matters more than it seems: p-values near 0.05 decide whether a dashboard says "significant", so the
 * cheap erf approximations (Abramowitz-Stegun 7.1.26, about 1e-7 absolute, worse relative in the tails) are not
 * used. {@link #normalCdf} is W. J. Cody's rational Chebyshev algorithm (ACM TOMS 715), the one R's {@code pnorm}
 * runs, accurate to about 1e-15 relative; {@link #inverseNormalCdf} is Acklam's approximation (about 1e-9) polished
 * with one Halley step against that CDF, which brings it to near machine precision.
 */
public final class Statistics {

  private Statistics() {}

  // Cody's coefficients, in R's nmath/pnorm.c layout.
  private static final double[] A = {
    2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
    0.065682337918207449113
  };
  private static final double[] B = {
    47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956
  };
  private static final double[] C = {
    0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
    2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
    1.0765576773720192317e-8
  };
  private static final double[] D = {
    22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
    18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727
  };
  private static final double[] P = {
    0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
    2.9112874951168792e-5, 0.02307344176494017303
  };
  private static final double[] Q = {
    1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
    7.29751555083966205e-5
  };
  private static final double QUARTILE = 0.67448975; // qnorm(3/4): where Cody switches from the central form
  private static final double SQRT_32 = 5.656854249492380195206754896838;
  private static final double ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
  private static final double SQRT_2PI = 2.506628274631000502415765284811;
  private static final double UNDERFLOW = 37.5193; // beyond this the tail mass is below Double.MIN_VALUE

  // Acklam's coefficients.
  private static final double[] AA = {
    -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
  };
  private static final double[] AB = {
    -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
    6.680131188771972e+01, -1.328068155288572e+01
  };
  private static final double[] AC = {
    -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
  };
  private static final double[] AD = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };
  private static final double ACKLAM_LOW = 0.02425;

  /** P(Z &lt;= z) for a standard normal Z. */
  public static double normalCdf(double z) {
    if (Double.isNaN(z)) return Double.NaN;
    double y = Math.abs(z);
    if (y <= QUARTILE) {
      double num = 0;
      double den = 0;
      if (y > Math.ulp(1.0) / 2) {
        double zsq = z * z;
        num = A[4] * zsq;
        den = zsq;
        for (int i = 0; i < 3; i++) {
          num = (num + A[i]) * zsq;
          den = (den + B[i]) * zsq;
        }
      }
      return 0.5 + z * (num + A[3]) / (den + B[3]);
    }
    // Compute the smaller tail directly and take the complement only at the end, so the lower tail keeps its
    // relative precision far below 1e-16.
    double tail;
    if (y <= SQRT_32) {
      double num = C[8] * y;
      double den = y;
      for (int i = 0; i < 7; i++) {
        num = (num + C[i]) * y;
        den = (den + D[i]) * y;
      }
      tail = gaussian(y) * (num + C[7]) / (den + D[7]);
    } else if (y < UNDERFLOW) {
      double ysq = 1 / (y * y);
      double num = P[5] * ysq;
      double den = ysq;
      for (int i = 0; i < 4; i++) {
        num = (num + P[i]) * ysq;
        den = (den + Q[i]) * ysq;
      }
      double r = ysq * (num + P[4]) / (den + Q[4]);
      tail = gaussian(y) * (ONE_OVER_SQRT_2PI - r) / y;
    } else {
      tail = 0;
    }
    return z > 0 ? 1 - tail : tail;
  }

  // exp(-y^2/2) with y^2 split into a part that is exact in binary (y truncated to 1/16ths) and a small remainder;
  // squaring y directly would lose about y^2 * 1e-16 in the exponent, i.e. most digits of a far tail.
  private static double gaussian(double y) {
    double head = Math.floor(y * 16) / 16;
    double rest = (y - head) * (y + head);
    return Math.exp(-head * head * 0.5) * Math.exp(-rest * 0.5);
  }

  /** The z with {@code normalCdf(z) == p}; infinite at 0 and 1. */
  public static double inverseNormalCdf(double p) {
    if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("probability must be 0..1, was " + p);
    if (p == 0) return Double.NEGATIVE_INFINITY;
    if (p == 1) return Double.POSITIVE_INFINITY;
    // Work in the lower half, where p and the CDF carry full relative precision; 1 - p is exact for p >= 0.5.
    if (p > 0.5) return -inverseNormalCdf(1 - p);
    double x = acklam(p);
    // Halley's step (Acklam's own refinement), cubic convergence: one step is enough.
    double e = normalCdf(x) - p;
    double u = e * SQRT_2PI * Math.exp(x * x / 2);
    if (Double.isFinite(u)) x = x - u / (1 + x * u / 2);
    return x;
  }

  private static double acklam(double p) {
    if (p < ACKLAM_LOW) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((AC[0] * q + AC[1]) * q + AC[2]) * q + AC[3]) * q + AC[4]) * q + AC[5])
          / ((((AD[0] * q + AD[1]) * q + AD[2]) * q + AD[3]) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((AA[0] * r + AA[1]) * r + AA[2]) * r + AA[3]) * r + AA[4]) * r + AA[5]) * q
        / (((((AB[0] * r + AB[1]) * r + AB[2]) * r + AB[3]) * r + AB[4]) * r + 1);
  }

  /** The two-sided critical value for a confidence level, e.g. 1.959964 for 0.95. */
  public static double zFor(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be strictly between 0 and 1, was " + confidence);
    }
    // From the lower tail: (1 - confidence) / 2 is small and exact enough, 0.5 + confidence / 2 would round.
    return -inverseNormalCdf((1 - confidence) / 2);
  }

  /** P(|Z| &gt;= |z|): the two-sided p-value of a z statistic. */
  public static double twoSidedPValue(double z) {
    if (Double.isNaN(z)) return Double.NaN;
    return Math.min(1, 2 * normalCdf(-Math.abs(z)));
  }
}
