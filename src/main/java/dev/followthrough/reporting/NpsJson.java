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
