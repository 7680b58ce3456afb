package dev.followthrough.web;

import dev.followthrough.reporting.NpsReports;
import dev.followthrough.reporting.ReportingSettings;
import dev.followthrough.reporting.NpsJson;
import java.time.ZoneId;
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
    var report = reports.report(filter.toResponseFilter(zone), NpsJson.grouping(params.get("groupBy")));
    Map<String, Object> out = NpsJson.report(report);
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(out);
  }
}
