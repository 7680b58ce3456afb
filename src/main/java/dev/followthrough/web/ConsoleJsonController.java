package dev.followthrough.web;

import dev.followthrough.reporting.NpsReports;
import dev.followthrough.reporting.ReportingSettings;
import dev.followthrough.reporting.NpsJson;
import dev.followthrough.responses.ResponseQueries.Grouping;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON for the console's charts, behind the console's session login (the {@code /api} door takes
 * API keys only). Same shape as {@code GET /api/v1/nps}; dates are whole days in the reporting
 * time zone, as on the pages.
 */
@RestController
class ConsoleJsonController {

  private final NpsReports reports;
  private final ZoneId zone;

  ConsoleJsonController(NpsReports reports, ReportingSettings settings) {
    this.reports = reports;
    this.zone = settings.timeZone();
  }

  @GetMapping("/console/nps.json")
  ResponseEntity<Map<String, Object>> nps(@RequestParam Map<String, String> params) {
    ConsoleFilter filter = ConsoleFilter.of(params);
    if (!filter.problems().isEmpty()) throw new IllegalArgumentException(String.join(" ", filter.problems()));
    Grouping grouping = grouping(params.get("groupBy"));
    var report = reports.report(filter.toResponseFilter(zone), grouping);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("overall", NpsJson.summary(report.overall()));
    if (grouping != null) out.put("groupBy", grouping.name().toLowerCase(Locale.ROOT));
    out.put("groups", report.groups().stream().map(g -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", g.key());
      m.put("label", g.label());
      m.putAll(NpsJson.summary(g.summary()));
      if (g.change() != null) m.put("change", NpsJson.change(g.change()));
      return m;
    }).toList());
    out.put("method", "NPS = %promoters − %detractors on −100…+100; ci95 by the adjusted-Wald method (Rocks 2016), "
        + "clamped to ±100; change = two-sample Wald test against the previous period, significant when p < 0.05");
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(out);
  }

  static Grouping grouping(String groupBy) {
    if (groupBy == null || groupBy.isBlank()) return null;
    try {
      return Grouping.valueOf(groupBy.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("groupBy must be one of month, week, quarter, tier, program, touchpoint, account");
    }
  }
}
