package dev.followthrough.reporting;

import dev.followthrough.nps.Interval;
import dev.followthrough.nps.NpsSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON shapes of NPS figures: points on −100…+100, one decimal place more than anyone displays, NaN as null. */
public final class NpsJson {
  private NpsJson() {}

  public static Map<String, Object> summary(NpsSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", s.n());
    m.put("promoters", s.promoters());
    m.put("passives", s.passives());
    m.put("detractors", s.detractors());
    m.put("nps", round(s.nps()));
    m.put("standardError", round(s.standardError()));
    m.put("ci95", interval(s.ci95()));
    return m;
  }

  public static Map<String, Object> change(NpsReports.Change c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", c.previousKey());
    m.put("difference", round(c.test().difference()));
    m.put("ci95", interval(c.test().ci95()));
    m.put("standardError", round(c.test().standardError()));
    m.put("pValue", c.test().pValue());
    m.put("significant", c.test().significant());
    m.put("verdict", c.verdict());
    return m;
  }

  /** The whole {@code GET /api/v1/nps} answer for a report. */
  public static Map<String, Object> report(NpsReports.Report report) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("overall", summary(report.overall()));
    if (report.groupBy() != null) out.put("groupBy", report.groupBy().name().toLowerCase(java.util.Locale.ROOT));
    out.put("groups", report.groups().stream().map(g -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", g.key());
      m.put("label", g.label());
      m.putAll(summary(g.summary()));
      if (g.change() != null) m.put("change", change(g.change()));
      return m;
    }).toList());
    out.put("method", "NPS = %promoters − %detractors on −100…+100; ci95 by the adjusted-Wald method (Rocks 2016), "
        + "clamped to ±100; change = two-sample Wald test against the previous period, significant when p < 0.05");
    return out;
  }

  /** Parses {@code groupBy}; null or blank means no grouping. */
  public static dev.followthrough.responses.ResponseQueries.Grouping grouping(String groupBy) {
    if (groupBy == null || groupBy.isBlank()) return null;
    try {
      return dev.followthrough.responses.ResponseQueries.Grouping.valueOf(groupBy.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("groupBy must be one of month, week, quarter, tier, program, touchpoint, account");
    }
  }

  static Map<String, Object> interval(Interval i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("low", round(i.low()));
    m.put("high", round(i.high()));
    m.put("method", i.method());
    return m;
  }

  public static Double round(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 100.0) / 100.0;
  }
}
