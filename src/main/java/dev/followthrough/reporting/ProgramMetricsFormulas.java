package dev.followthrough.reporting;

import dev.followthrough.nps.Interval;
import dev.followthrough.nps.Proportions;
import dev.followthrough.nps.Regression;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic behind the program metrics, on plain numbers (no SQL, no clock), so each definition can be
 * checked against a constructed example with a known answer.
 */
public final class ProgramMetricsFormulas {

  public static final double CONFIDENCE = 0.95;
  /** Weeks with at least one mention needed before a half-life is fitted. */
  public static final int MIN_HALF_LIFE_WEEKS = 4;

  private ProgramMetricsFormulas() {}

  /** One week after shipping: texts coded that week and how many mention the intervention's mechanisms. */
  public record Week(int week, long texts, long mentions) {}

  /**
   * Exponential decay fitted to weekly mention rates by least squares on log(rate). Weeks without a mention
   * (log 0) or without coded texts are left out. {@code halfLifeDays} is ln 2 / −slope; its interval comes from
   * the slope's t interval and is open above (infinite) when the slope's interval reaches 0 or above.
   */
  public record HalfLife(Double halfLifeDays, Double low, Double high, double slopePerDay, int weeksUsed, String note) {}

  public static HalfLife halfLife(List<Week> weeks) {
    List<double[]> points = new ArrayList<>();
    for (Week w : weeks) {
      if (w.texts() > 0 && w.mentions() > 0) {
        points.add(new double[] {w.week() * 7 + 3.5, Math.log((double) w.mentions() / w.texts())});
      }
    }
    if (points.size() < MIN_HALF_LIFE_WEEKS) {
      return new HalfLife(null, null, null, Double.NaN, points.size(),
          "not enough data: " + points.size() + " weeks with mentions, needs " + MIN_HALF_LIFE_WEEKS);
    }
    double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
    Regression r = Regression.fit(x, y, CONFIDENCE);
    if (r.slope() >= 0) {
      return new HalfLife(null, null, null, r.slope(), points.size(), "no decay: mentions did not fall after shipping");
    }
    double hl = Math.log(2) / -r.slope();
    Interval s = r.slopeInterval();
    Double low = Math.log(2) / -s.low();
    Double high = s.high() < 0 ? Math.log(2) / -s.high() : null;
    return new HalfLife(hl, low, high, r.slope(), points.size(), high == null ? "upper bound open: decay not certain" : null);
  }

  /** What follow-up cost: AI interviews invited, calls and emails that reached the customer, each at its price. */
  public static double followUpCost(long interviews, long calls, long emails, double perInterview, double perCall,
                                    double perEmail) {
    return interviews * perInterview + calls * perCall + emails * perEmail;
  }

  /** A rate with its Wilson interval; null interval without a denominator. */
  public static Interval rateInterval(long k, long n) {
    return n == 0 ? null : Proportions.wilson(k, n, CONFIDENCE);
  }

  public static Double rate(long k, long n) {
    return n == 0 ? null : (double) k / n;
  }
}
