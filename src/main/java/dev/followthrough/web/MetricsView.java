package dev.followthrough.web;

import dev.followthrough.nps.Interval;
import dev.followthrough.reporting.ProgramMetrics;
import dev.followthrough.reporting.ProgramMetrics.Metric;
import java.time.ZoneId;
import java.util.Locale;

/** The program metrics page: the report, its trend as JSON for the chart, and formatting of values. */
public record MetricsView(ConsoleFilter filter, DashboardView.Pickers pickers, ProgramMetrics.Report report,
                          String trendJson, ZoneId zone) {

  /** The value in the metric's unit, or a dash. */
  public static String value(Metric m) {
    return format(m.unit(), m.value());
  }

  public static String interval(Metric m) {
    Interval i = m.ci95();
    if (i == null || Double.isNaN(i.low())) return "";
    String high = Double.isInfinite(i.high()) ? "open" : format(m.unit(), i.high());
    return "95% CI " + format(m.unit(), i.low()) + " to " + high;
  }

  public static String count(Metric m) {
    if (m.denominator() == null || m.denominator() == 0) return "";
    return m.numerator() != null ? m.numerator() + " of " + m.denominator() : "n = " + m.denominator();
  }

  public static String format(String unit, Double v) {
    if (v == null || v.isNaN()) return "—";
    if (unit == null) return String.format(Locale.ROOT, "%.2f", v);
    return switch (unit) {
      case "share" -> String.format(Locale.ROOT, "%.1f%%", v * 100);
      case "hours" -> String.format(Locale.ROOT, "%.1f h", v);
      case "days" -> String.format(Locale.ROOT, "%.0f days", v);
      case "points" -> String.format(Locale.ROOT, "%+.2f", v);
      case "money" -> String.format(Locale.ROOT, "%.2f", v);
      default -> String.format(Locale.ROOT, "%.2f", v);
    };
  }
}
