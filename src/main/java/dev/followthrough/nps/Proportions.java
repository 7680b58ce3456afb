package dev.followthrough.nps;

/**
 * Intervals for rates: Wilson's score interval for one proportion, Newcombe's hybrid score interval (his method 10)
 * for the difference of two independent proportions, and Welch's t interval for the difference of two means with
 * unequal variances. All at a given confidence (0.95 for a 95% interval); bounds are NaN when there is no data.
 */
public final class Proportions {

  public static final String WILSON = "wilson";
  public static final String NEWCOMBE = "newcombe";
  public static final String WELCH = "welch";

  private Proportions() {}

  /** Wilson's score interval for {@code k} successes in {@code n} trials (a fraction, 0..1). */
  public static Interval wilson(long k, long n, double confidence) {
    if (k < 0 || n < 0 || k > n) throw new IllegalArgumentException("need 0 <= k <= n, was k=" + k + ", n=" + n);
    if (n == 0) return Interval.undefined(WILSON);
    double z = Statistics.zFor(confidence);
    double p = (double) k / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    // at k = 0 or k = n the formula's bound is exact in theory but rounds a hair past 0 or 1
    return new Interval(k == 0 ? 0 : Math.max(0, centre - half), k == n ? 1 : Math.min(1, centre + half), WILSON);
  }

  /** Newcombe's interval for p1 − p2 (fractions), from the two Wilson intervals. */
  public static Interval newcombe(long k1, long n1, long k2, long n2, double confidence) {
    if (n1 == 0 || n2 == 0) {
      wilson(k1, n1, confidence); // validates
      wilson(k2, n2, confidence);
      return Interval.undefined(NEWCOMBE);
    }
    Interval a = wilson(k1, n1, confidence);
    Interval b = wilson(k2, n2, confidence);
    double p1 = (double) k1 / n1, p2 = (double) k2 / n2;
    double d = p1 - p2;
    double low = d - Math.sqrt(sq(p1 - a.low()) + sq(b.high() - p2));
    double high = d + Math.sqrt(sq(a.high() - p1) + sq(p2 - b.low()));
    return new Interval(low, high, NEWCOMBE);
  }

  /** Mean, sample standard deviation and size of one group. */
  public record Sample(double mean, double sd, long n) {
    public static Sample of(double[] values) {
      long n = values.length;
      if (n == 0) return new Sample(Double.NaN, Double.NaN, 0);
      double mean = 0;
      for (double v : values) mean += v;
      mean /= n;
      double ss = 0;
      for (double v : values) ss += (v - mean) * (v - mean);
      return new Sample(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN, n);
    }
  }

  /** A difference of means with Welch's standard error, degrees of freedom and interval. */
  public record MeanDifference(double difference, double standardError, double df, Interval interval, double pValue) {}

  /** Welch's interval for mean1 − mean2; undefined (NaN) with fewer than two values in a group. */
  public static MeanDifference welch(Sample a, Sample b, double confidence) {
    if (a.n() < 2 || b.n() < 2) {
      return new MeanDifference(a.mean() - b.mean(), Double.NaN, Double.NaN, Interval.undefined(WELCH), Double.NaN);
    }
    double va = a.sd() * a.sd() / a.n(), vb = b.sd() * b.sd() / b.n();
    double se = Math.sqrt(va + vb);
    double d = a.mean() - b.mean();
    if (se == 0) return new MeanDifference(d, 0, Double.NaN, new Interval(d, d, WELCH), d == 0 ? 1 : 0);
    double df = sq(va + vb) / (sq(va) / (a.n() - 1) + sq(vb) / (b.n() - 1));
    double t = StudentT.critical(confidence, df);
    double p = 2 * StudentT.cdf(-Math.abs(d / se), df);
    return new MeanDifference(d, se, df, Interval.around(d, t * se, WELCH), Math.min(1, p));
  }

  private static double sq(double x) {
    return x * x;
  }
}
