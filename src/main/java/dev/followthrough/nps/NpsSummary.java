package dev.followthrough.nps;

import java.util.Objects;

/**
 * The NPS of a sample as people read it: everything on the -100..+100 points scale. {@code ci95} is Rocks'
 * adjusted-Wald 95% interval (see {@link NpsCounts#adjustedWald}), because it stays honest for the small samples
 * a single team or week produces. With no respondents {@code nps}, {@code standardError} and both interval bounds
 * are {@code NaN}, which callers render as "no data".
 */
public record NpsSummary(
    long n, long promoters, long passives, long detractors, double nps, double standardError, Interval ci95) {

  private static final double POINTS = 100;
  private static final double CONFIDENCE = 0.95;

  public NpsSummary {
    Objects.requireNonNull(ci95, "ci95");
    if (promoters < 0 || passives < 0 || detractors < 0 || n != promoters + passives + detractors) {
      throw new IllegalArgumentException(
          "counts must be non-negative and add up to n, were n=" + n + " promoters=" + promoters
              + " passives=" + passives + " detractors=" + detractors);
    }
  }

  public static NpsSummary of(NpsCounts counts) {
    return new NpsSummary(
        counts.n(),
        counts.promoters(),
        counts.passives(),
        counts.detractors(),
        counts.nps() * POINTS,
        counts.standardError() * POINTS,
        counts.adjustedWald(CONFIDENCE).scaled(POINTS).clampedTo(-POINTS, POINTS));
  }
}
