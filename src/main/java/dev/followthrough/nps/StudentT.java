package dev.followthrough.nps;

/**
 * Student's t distribution for any positive (also fractional, as Welch's test needs) degrees of freedom, through
 * the regularised incomplete beta function (Lentz's continued fraction, as in Numerical Recipes §6.4). The quantile
 * is found by bisection on the CDF, to about 1e-12.
 */
public final class StudentT {

  private StudentT() {}

  /** P(T &lt;= t) with {@code df} degrees of freedom. */
  public static double cdf(double t, double df) {
    if (!(df > 0)) throw new IllegalArgumentException("degrees of freedom must be positive, was " + df);
    if (Double.isNaN(t)) return Double.NaN;
    if (Double.isInfinite(df)) return Statistics.normalCdf(t);
    double x = df / (df + t * t);
    double tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
    return t > 0 ? 1 - tail : tail;
  }

  /** The t with {@code cdf(t, df) == p}. */
  public static double quantile(double p, double df) {
    if (!(p > 0 && p < 1)) throw new IllegalArgumentException("probability must be strictly between 0 and 1, was " + p);
    if (p == 0.5) return 0;
    if (p > 0.5) return -quantile(1 - p, df);
    double lo = -1;
    while (cdf(lo, df) > p) lo *= 2;
    double hi = 0;
    for (int i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo)); i++) {
      double mid = (lo + hi) / 2;
      if (cdf(mid, df) < p) lo = mid; else hi = mid;
    }
    return (lo + hi) / 2;
  }

  /** The two-sided critical value, e.g. 2.228139 for 95% and 10 degrees of freedom. */
  public static double critical(double confidence, double df) {
    return -quantile((1 - confidence) / 2, df);
  }

  /** I_x(a, b). */
  static double regularizedBeta(double x, double a, double b) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
    if (x < (a + 1) / (a + b + 2)) return Math.exp(lnFront) * betaFraction(x, a, b) / a;
    return 1 - Math.exp(lnFront) * betaFraction(1 - x, b, a) / b;
  }

  private static double betaFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1, d = 1 - qab * x / qap;
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 500; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      double del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) break;
    }
    return h;
  }

  // Lanczos approximation (g = 7, n = 9), about 1e-15 relative for positive arguments.
  private static final double[] LANCZOS = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
  };

  static double logGamma(double x) {
    if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    x -= 1;
    double a = LANCZOS[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }
}
