package dev.followthrough.nps;

/**
 * Ordinary least squares of y on x (y = intercept + slope·x) with the slope's standard error and a t interval on
 * n − 2 degrees of freedom. Used on log rates to fit exponential decay.
 */
public record Regression(double intercept, double slope, double slopeStandardError, long n, Interval slopeInterval) {

  public static final String OLS_T = "ols-t";

  /** Needs at least three points with two distinct x values (else the slope or its error is undefined). */
  public static Regression fit(double[] x, double[] y, double confidence) {
    if (x.length != y.length) throw new IllegalArgumentException("x and y differ in length");
    int n = x.length;
    if (n < 3) throw new IllegalArgumentException("need at least 3 points, was " + n);
    double mx = 0, my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxx = 0, sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (x[i] - mx) * (x[i] - mx);
      sxy += (x[i] - mx) * (y[i] - my);
    }
    if (sxx == 0) throw new IllegalArgumentException("x values are all equal");
    double slope = sxy / sxx;
    double intercept = my - slope * mx;
    double sse = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - intercept - slope * x[i];
      sse += r * r;
    }
    double se = Math.sqrt(sse / (n - 2) / sxx);
    double t = StudentT.critical(confidence, n - 2);
    return new Regression(intercept, slope, se, n, Interval.around(slope, t * se, OLS_T));
  }
}
