package dev.followthrough.nps;

import java.util.Objects;

/**
 * A confidence interval, on whatever scale produced it (fraction or points), and the method that produced it so a
 * reader can tell a Wald interval from an adjusted-Wald one. Both bounds are {@code NaN} when there was no data.
 */
public record Interval(double low, double high, String method) {

  public static final String WALD = "wald";
  public static final String ADJUSTED_WALD = "adjusted-wald";

  public Interval {
    Objects.requireNonNull(method, "method");
    if (low > high) throw new IllegalArgumentException("low " + low + " is above high " + high);
  }

  static Interval undefined(String method) {
    return new Interval(Double.NaN, Double.NaN, method);
  }

  static Interval around(double centre, double halfWidth, String method) {
    return new Interval(centre - halfWidth, centre + halfWidth, method);
  }

  Interval clampedTo(double min, double max) {
    // Math.min/max would turn NaN into a bound, and an empty sample must stay visibly undefined.
    if (Double.isNaN(low) || Double.isNaN(high)) return this;
    return new Interval(Math.max(min, Math.min(max, low)), Math.max(min, Math.min(max, high)), method);
  }

  Interval scaled(double factor) {
    return new Interval(low * factor, high * factor, method);
  }
}
