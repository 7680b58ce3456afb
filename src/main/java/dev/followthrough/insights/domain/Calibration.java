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
public record Calibration(double similarityWeight, double marginWeight, double bias, String fittedOn, FitsNone fitsNone) {

  public static final String RESOURCE = "insights/calibration.properties";

  public Calibration(double similarityWeight, double marginWeight, double bias, String fittedOn) {
    this(similarityWeight, marginWeight, bias, fittedOn, FitsNone.NEVER);
  }

  public Calibration withFitsNone(FitsNone f) {
    return new Calibration(similarityWeight, marginWeight, bias, fittedOn, f);
  }

  /**
   * The probability that a text fits no mechanism at all, from a logistic fit of "the text fits no category" on
   * held-out labelled texts and texts that fit none (a separate decision from "this coding is right"), over
   * {@link MechanismCoder#features the text's features}: its best score, margin, best raw cosine, lexical
   * support of the best mechanism, share of problem clauses, length, and how far the best stands out.
   */
  public record FitsNone(double[] weights, double bias) {
    /** Without a fit: never sure a text fits nothing. */
    public static final FitsNone NEVER = new FitsNone(new double[0], -50);

    public double probability(double[] features) {
      double z = bias;
      for (int i = 0; i < weights.length && i < features.length; i++) z += weights[i] * features[i];
      return 1 / (1 + Math.exp(-z));
    }

    public static FitsNone fit(List<double[]> features, List<Boolean> none) {
      double[] w = newton(features, none, 1e-2);
      return new FitsNone(java.util.Arrays.copyOf(w, w.length - 1), w[w.length - 1]);
    }
  }

  /** A probability; never exactly 0 or 1. */
  public double probability(double similarity, double margin) {
    double z = similarityWeight * similarity + marginWeight * margin + bias;
    return 1 / (1 + Math.exp(-z));
  }

  public static Calibration load(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(in);
    FitsNone none = FitsNone.NEVER;
    if (p.getProperty("fits-none-weights") != null) {
      double[] w = java.util.Arrays.stream(p.getProperty("fits-none-weights").split(",")).map(String::trim)
          .mapToDouble(Double::parseDouble).toArray();
      none = new FitsNone(w, Double.parseDouble(p.getProperty("fits-none-bias")));
    }
    return new Calibration(Double.parseDouble(p.getProperty("similarity-weight")), Double.parseDouble(p.getProperty("margin-weight")),
        Double.parseDouble(p.getProperty("bias")), p.getProperty("fitted-on", ""), none);
  }

  public String toProperties(String comment) {
    StringBuilder w = new StringBuilder();
    for (double x : fitsNone.weights()) w.append(w.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "%.6f", x));
    return String.format(Locale.ROOT, "# %s%nsimilarity-weight=%.6f%nmargin-weight=%.6f%nbias=%.6f%nfitted-on=%s%n"
            + "# fits none: %s%nfits-none-weights=%s%nfits-none-bias=%.6f%n", comment,
        similarityWeight, marginWeight, bias, fittedOn, String.join(", ", MechanismCoder.FEATURES), w, fitsNone.bias());
  }

  /** One labelled observation: the coding's features, and whether it was right. */
  public record Observation(double similarity, double margin, boolean right) {}

  /** Logistic regression by Newton's method (three parameters, a light ridge so separable data stays finite). */
  public static Calibration fit(List<Observation> data, String fittedOn) {
    List<double[]> x = data.stream().map(o -> new double[] {o.similarity(), o.margin()}).toList();
    double[] w = newton(x, data.stream().map(Observation::right).toList(), 1e-3);
    return new Calibration(w[0], w[1], w[2], fittedOn);
  }

  /** Weights (one per feature, then the bias) of a logistic regression of y on x, with a ridge on the weights. */
  static double[] newton(List<double[]> xs, List<Boolean> ys, double ridge) {
    int n = xs.getFirst().length + 1;
    double[] w = new double[n];
    for (int iter = 0; iter < 50; iter++) {
      double[] g = new double[n];
      double[][] h = new double[n][n];
      for (int r = 0; r < xs.size(); r++) {
        double[] x = java.util.Arrays.copyOf(xs.get(r), n);
        x[n - 1] = 1;
        double z = 0;
        for (int i = 0; i < n; i++) z += w[i] * x[i];
        double p = 1 / (1 + Math.exp(-z));
        double y = ys.get(r) ? 1 : 0;
        for (int i = 0; i < n; i++) {
          g[i] += (p - y) * x[i];
          for (int j = 0; j < n; j++) h[i][j] += p * (1 - p) * x[i] * x[j];
        }
      }
      for (int i = 0; i < n - 1; i++) { g[i] += ridge * w[i]; h[i][i] += ridge; }
      double[] step = solve(h, g);
      double change = 0;
      for (int i = 0; i < n; i++) { w[i] -= step[i]; change += Math.abs(step[i]); }
      if (change < 1e-8) break;
    }
    return w;
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
