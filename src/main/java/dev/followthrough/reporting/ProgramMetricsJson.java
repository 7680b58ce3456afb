package dev.followthrough.reporting;

import dev.followthrough.nps.Interval;
import dev.followthrough.reporting.ProgramMetrics.Metric;
import dev.followthrough.reporting.ProgramMetrics.Report;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of program metrics (the API and the console's chart read the same). */
public final class ProgramMetricsJson {

  private ProgramMetricsJson() {}

  public static Map<String, Object> report(Report r) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> seg = new LinkedHashMap<>();
    seg.put("from", r.segment().from().toString());
    seg.put("to", r.segment().to().toString());
    seg.put("tier", r.segment().tier());
    seg.put("program", r.segment().program());
    seg.put("touchpoint", r.segment().touchpoint());
    seg.put("account", r.segment().account());
    seg.put("kind", r.segment().kind());
    out.put("segment", seg);
    out.put("metrics", r.metrics().stream().map(ProgramMetricsJson::metric).toList());
    out.put("halfLives", r.halfLives().stream().map(h -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("interventionId", h.interventionId());
      m.put("title", h.title());
      m.put("shippedAt", h.shippedAt().toString());
      m.put("mechanisms", h.mechanisms());
      m.put("halfLifeDays", h.halfLife().halfLifeDays());
      m.put("low", h.halfLife().low());
      m.put("high", h.halfLife().high());
      m.put("weeksUsed", h.halfLife().weeksUsed());
      m.put("note", h.halfLife().note());
      m.put("weeks", h.weeks().stream().map(w -> Map.of("week", w.week(), "texts", w.texts(), "mentions", w.mentions())).toList());
      return m;
    }).toList());
    out.put("trend", trend(r));
    out.put("queryMillis", r.queryMillis());
    return out;
  }

  public static List<Map<String, Object>> trend(Report r) {
    return r.trend().stream().map(t -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("month", t.month());
      m.put("cases", t.cases());
      m.put("withinSla", t.withinSla());
      m.put("interviewCompletion", t.interviewCompletion());
      m.put("identification", t.identification());
      return m;
    }).toList();
  }

  static Map<String, Object> metric(Metric x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", x.key());
    m.put("name", x.name());
    m.put("definition", x.definition());
    if (x.target() != null) m.put("target", x.target());
    m.put("unit", x.unit());
    m.put("value", finite(x.value()));
    if (x.numerator() != null) m.put("numerator", x.numerator());
    if (x.denominator() != null) m.put("n", x.denominator());
    m.put("ci95", interval(x.ci95()));
    if (x.note() != null) m.put("note", x.note());
    if (!x.parts().isEmpty()) m.put("parts", x.parts().stream().map(ProgramMetricsJson::metric).toList());
    return m;
  }

  static Map<String, Object> interval(Interval i) {
    if (i == null || Double.isNaN(i.low())) return null;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("low", finite(i.low()));
    m.put("high", finite(i.high())); // null = open above
    m.put("method", i.method());
    return m;
  }

  private static Double finite(Double d) {
    return d == null || d.isNaN() || d.isInfinite() ? null : d;
  }
}
