package dev.followthrough.reporting.web;

import dev.followthrough.reporting.PeriodicReports.StoredReport;
import dev.followthrough.reporting.domain.PeriodicReport;
import dev.followthrough.reporting.domain.ReportComposer;
import dev.followthrough.reporting.domain.ReportMarkdown;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One report as the page shows it. The charts' data travel as JSON in data attributes (the CSP allows no
 * inline script); the same numbers are in the tables, so the page reads without JavaScript and in print.
 */
public record ReportPageView(StoredReport stored, PeriodicReport r, String trendJson, String matrixJson) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static ReportPageView of(StoredReport s) {
    PeriodicReport r = s.content();
    List<Map<String, Object>> trend = r.nps().trend().stream().map(t -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("label", t.label());
      m.put("n", t.figure().n());
      m.put("nps", t.figure().nps());
      m.put("low", t.figure().low());
      m.put("high", t.figure().high());
      m.put("detractorShare", t.figure().n() == 0 ? null : (double) t.figure().detractors() / t.figure().n());
      m.put("significant", t.significantChange());
      return m;
    }).toList();
    List<Map<String, Object>> matrix = r.severity().stream().map(c -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("mentions", c.mentions());
      m.put("frequency", c.frequency());
      m.put("severity", c.meanSeverity());
      m.put("revenue", c.revenue());
      m.put("quadrant", c.quadrant());
      return m;
    }).toList();
    return new ReportPageView(s, r, JSON.writeValueAsString(trend), JSON.writeValueAsString(matrix));
  }

  public String nps(Double v) {
    return ReportMarkdown.nps(v);
  }

  public String money(double v) {
    return ReportComposer.money(v);
  }

  public String pct(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  public String num(String format, double v) {
    return String.format(Locale.ROOT, format, v);
  }

  public String markdownLink() {
    return "/reports/" + stored.id() + ".md";
  }

  /** For {@code Fmt.tone}: no data is NaN there. */
  public double points(Double nps) {
    return nps == null ? Double.NaN : nps;
  }
}
