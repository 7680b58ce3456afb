package dev.followthrough.nps;

import java.util.Objects;

/**
 * How many promoters, passives and detractors a sample holds, and the NPS statistics that follow from them.
 *
 * <p>Everything here is on the fraction scale (-1..+1), the scale of the published formulas; {@link NpsSummary} and
 * {@link NpsChange} convert to points. Scoring each respondent +1 / 0 / -1, the NPS is their mean, so its variance
 * and standard error are those of a mean of a three-valued variable:
 *
 * <pre>
 *   p = promoters / n,  d = detractors / n
 *   NPS = p - d
 *   variance (one respondent) = p + d - (p - d)^2
 *   SE = sqrt(variance / n)
 * </pre>
 *
 * An empty sample has no score: every statistic is {@code NaN} rather than an exception.
 */
public record NpsCounts(long promoters, long passives, long detractors) {

  // Rocks (2016), "Interval estimation for the net promoter score", The American Statistician: adding these
  // pseudo-respondents (3 in all) gives near-nominal coverage even for small samples and extreme scores, where the
  // plain Wald interval collapses to zero width (e.g. all promoters).
  private static final double PSEUDO_PROMOTERS = 0.75;
  private static final double PSEUDO_PASSIVES = 1.5;
  private static final double PSEUDO_DETRACTORS = 0.75;
  static final double PSEUDO_RESPONDENTS = PSEUDO_PROMOTERS + PSEUDO_PASSIVES + PSEUDO_DETRACTORS;

  private static final NpsCounts EMPTY = new NpsCounts(0, 0, 0);

  public NpsCounts {
    if (promoters < 0) throw new IllegalArgumentException("promoters must not be negative, was " + promoters);
    if (passives < 0) throw new IllegalArgumentException("passives must not be negative, was " + passives);
    if (detractors < 0) throw new IllegalArgumentException("detractors must not be negative, was " + detractors);
    Math.addExact(Math.addExact(promoters, passives), detractors); // n() must not wrap around
  }

  public static NpsCounts empty() {
    return EMPTY;
  }

  /** Counts raw 0..10 answers; any answer outside 0..10 is rejected. */
  public static NpsCounts ofScores(int... scores) {
    Objects.requireNonNull(scores, "scores");
    long promoters = 0;
    long passives = 0;
    long detractors = 0;
    for (int score : scores) {
      switch (Category.of(score)) {
        case PROMOTER -> promoters++;
        case PASSIVE -> passives++;
        case DETRACTOR -> detractors++;
      }
    }
    return new NpsCounts(promoters, passives, detractors);
  }

  /** Pools two samples, e.g. two teams or two weeks; the NPS of the pool is not the mean of the two NPS values. */
  public NpsCounts plus(NpsCounts other) {
    return new NpsCounts(
        Math.addExact(promoters, other.promoters),
        Math.addExact(passives, other.passives),
        Math.addExact(detractors, other.detractors));
  }

  public NpsCounts add(Category category) {
    return switch (Objects.requireNonNull(category, "category")) {
      case PROMOTER -> new NpsCounts(Math.addExact(promoters, 1), passives, detractors);
      case PASSIVE -> new NpsCounts(promoters, Math.addExact(passives, 1), detractors);
      case DETRACTOR -> new NpsCounts(promoters, passives, Math.addExact(detractors, 1));
    };
  }

  public long n() {
    return promoters + passives + detractors;
  }

  /** p - d as a fraction (-1..+1); {@code NaN} when there are no respondents. */
  public double nps() {
    return n() == 0 ? Double.NaN : npsOf(promoters, detractors, n());
  }

  /** Variance of one respondent's +1/0/-1 score, p + d - (p - d)^2; {@code NaN} when there are no respondents. */
  public double variance() {
    return n() == 0 ? Double.NaN : varianceOf(promoters, detractors, n());
  }

  /** Standard error of the NPS, sqrt(variance / n); {@code NaN} when there are no respondents. */
  public double standardError() {
    return n() == 0 ? Double.NaN : Math.sqrt(variance() / n());
  }

  /**
   * The textbook Wald interval NPS ± z·SE. Deliberately not clamped to [-1, 1] and zero-width at the extremes:
   * it is here for comparison with published figures; show {@link #adjustedWald} to people.
   */
  public Interval wald(double confidence) {
    double z = Statistics.zFor(confidence);
    if (n() == 0) return Interval.undefined(Interval.WALD);
    return Interval.around(nps(), z * standardError(), Interval.WALD);
  }

  /**
   * Rocks' adjusted-Wald interval: 0.75 detractors, 1.5 passives and 0.75 promoters are added (n + 3), and the Wald
   * interval of those adjusted counts is centred on the adjusted NPS, then clamped to [-1, 1] because the adjusted
   * interval can still overshoot (50 promoters out of 50 gives [0.866, 1.020]).
   *
   * <p>The pseudo-counts alone would give an interval for n == 0 as well, but it would describe the prior, not the
   * customers, so an empty sample yields {@code NaN} bounds.
   */
  public Interval adjustedWald(double confidence) {
    double z = Statistics.zFor(confidence);
    if (n() == 0) return Interval.undefined(Interval.ADJUSTED_WALD);
    return Interval.around(adjustedNps(), z * adjustedStandardError(), Interval.ADJUSTED_WALD).clampedTo(-1, 1);
  }

  double adjustedNps() {
    return npsOf(promoters + PSEUDO_PROMOTERS, detractors + PSEUDO_DETRACTORS, n() + PSEUDO_RESPONDENTS);
  }

  /** SE computed from the Rocks-adjusted counts; positive even when every respondent gave the same answer. */
  double adjustedStandardError() {
    double adjustedN = n() + PSEUDO_RESPONDENTS;
    return Math.sqrt(
        varianceOf(promoters + PSEUDO_PROMOTERS, detractors + PSEUDO_DETRACTORS, adjustedN) / adjustedN);
  }

  private static double npsOf(double promoters, double detractors, double n) {
    return (promoters - detractors) / n;
  }

  private static double varianceOf(double promoters, double detractors, double n) {
    double p = promoters / n;
    double d = detractors / n;
    double nps = p - d;
    // Mathematically never negative (|p - d| <= p + d <= 1), but rounding must not feed sqrt() a -1e-17.
    return Math.max(0, p + d - nps * nps);
  }
}
