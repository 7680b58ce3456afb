package dev.followthrough.insights.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What a coder's score means: the probability that a coding is right, from a logistic (Platt) fit of
 * "was the coded mechanism the right one" on held-out labelled texts, over two features of the coding: its
 * similarity to the mechanism and its margin over the next-best mechanism. Texts that fit no mechanism are in
 * the fit as wrong codings, so a low probability also means "probably fits nothing".
 *
 * <p>The fit is computed by {@code scripts/evaluate-insights --write-calibration} on the labelled sets in
 * {@code ../shared/data} and shipped as the resource {@code insights/calibration.properties}.
 */
public record Calibration(double similarityWeight, double marginWeight, double bias, String fittedOn) {

  public static final String RESOURCE = "insights/calibration.properties";

  /** A probability; never exactly 0 or 1. */
  public double probability(double similarity, double margin) {
    double z = similarityWeight * similarity + marginWeight * margin + bias;
    return 1 / (1 + Math.exp(-z));
  }

  public static Calibration load(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(in);
    return new Calibration(Double.parseDouble(p.getProperty("similarity-weight")), Double.parseDouble(p.getProperty("margin-weight")),
        Double.parseDouble(p.getProperty("bias")), p.getProperty("fitted-on", ""));
  }

  public String toProperties(String comment) {
    return String.format(Locale.ROOT, "# %s%nsimilarity-weight=%.6f%nmargin-weight=%.6f%nbias=%.6f%nfitted-on=%s%n", comment,
        similarityWeight, marginWeight, bias, fittedOn);
  }

  /** One labelled observation: the coding's features, and whether it was right. */
  public record Observation(double similarity, double margin, boolean right) {}

  /** Logistic regression by Newton's method (three parameters, a light ridge so separable data stays finite). */
  public static Calibration fit(List<Observation> data, String fittedOn) {
    double[] w = {0, 0, 0};
    for (int iter = 0; iter < 50; iter++) {
      double[] g = new double[3];
      double[][] h = new double[3][3];
      for (Observation o : data) {
        double[] x = {o.similarity(), o.margin(), 1};
        double z = w[0] * x[0] + w[1] * x[1] + w[2];
        double p = 1 / (1 + Math.exp(-z));
        double y = o.right() ? 1 : 0;
        for (int i = 0; i < 3; i++) {
          g[i] += (p - y) * x[i];
          for (int j = 0; j < 3; j++) h[i][j] += p * (1 - p) * x[i] * x[j];
        }
      }
      for (int i = 0; i < 2; i++) { g[i] += 1e-3 * w[i]; h[i][i] += 1e-3; }
      double[] step = solve(h, g);
      double change = 0;
      for (int i = 0; i < 3; i++) { w[i] -= step[i]; change += Math.abs(step[i]); }
      if (change < 1e-8) break;
    }
    return new Calibration(w[0], w[1], w[2], fittedOn);
  }

  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) { System.arraycopy(a[i], 0, m[i], 0, n); m[i][n] = b[i]; }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
      double[] t = m[c]; m[c] = m[pivot]; m[pivot] = t;
      if (Math.abs(m[c][c]) < 1e-12) continue;
      for (int r = 0; r < n; r++) {
        if (r == c) continue;
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) m[r][k] -= f * m[c][k];
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
    return x;
  }

  /** One bin of a reliability diagram: codings whose probability fell in [low, high), how many, how sure, how right. */
  public record Bin(double low, double high, int count, double meanConfidence, double accuracy) {}

  /** Ten equal-width bins of predicted probability against the observed share right. */
  public static List<Bin> reliability(List<double[]> predictedAndRight, int bins) {
    List<Bin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      double low = (double) b / bins, high = (double) (b + 1) / bins;
      int n = 0;
      double conf = 0, right = 0;
      for (double[] x : predictedAndRight) {
        if (x[0] >= low && (x[0] < high || (b == bins - 1 && x[0] <= high))) { n++; conf += x[0]; right += x[1]; }
      }
      out.add(new Bin(low, high, n, n == 0 ? 0 : conf / n, n == 0 ? 0 : right / n));
    }
    return out;
  }

  /** Expected calibration error: the count-weighted mean gap between confidence and accuracy over the bins. */
  public static double ece(List<Bin> bins) {
    int total = bins.stream().mapToInt(Bin::count).sum();
    double e = 0;
    for (Bin b : bins) e += total == 0 ? 0 : (double) b.count() / total * Math.abs(b.meanConfidence() - b.accuracy());
    return e;
  }
}
