package dev.followthrough.reporting.web;

import dev.followthrough.platform.Problems;
import dev.followthrough.reporting.PeriodicReports;
import dev.followthrough.reporting.PeriodicReports.StoredReport;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Periodic reports over the API: list, generate (managers), read as JSON or Markdown. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportApiController {

  static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

  record GenerateRequest(String kind, String from, String to) {}

  private final PeriodicReports reports;

  ReportApiController(PeriodicReports reports) {
    this.reports = reports;
  }

  @GetMapping
  List<PeriodicReports.ReportSummary> list(@RequestParam(defaultValue = "50") int limit) {
    return reports.list(Math.clamp(limit, 1, 500));
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> generate(@RequestBody(required = false) GenerateRequest body, Principal principal) {
    GenerateRequest b = body == null ? new GenerateRequest(null, null, null) : body;
    var period = ReportRequests.period(b.kind(), b.from(), b.to(), reports.today());
    StoredReport r = reports.generate(period, ReportRequests.who(principal));
    return ResponseEntity.created(URI.create("/api/v1/reports/" + r.id())).body(view(r));
  }

  @GetMapping("/{id}")
  ResponseEntity<?> one(@PathVariable UUID id, @RequestParam(required = false) String format) {
    if (format != null && !List.of("json", "markdown", "md").contains(format)) {
      return Problems.response(Problems.withField(HttpStatus.BAD_REQUEST, "Invalid parameter", "format", "must be json or markdown"));
    }
    return reports.find(id).<ResponseEntity<?>>map(r -> "json".equals(format) || format == null ? ResponseEntity.ok(view(r))
            : ResponseEntity.ok().contentType(MARKDOWN).body(r.markdown()))
        .orElseGet(() -> notFound(id));
  }

  @GetMapping("/{id}.md")
  ResponseEntity<?> markdown(@PathVariable UUID id) {
    return reports.find(id).<ResponseEntity<?>>map(r -> ResponseEntity.ok().contentType(MARKDOWN).body(r.markdown()))
        .orElseGet(() -> notFound(id));
  }

  private static ResponseEntity<?> notFound(UUID id) {
    return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "Not found", "no report " + id));
  }

  static Map<String, Object> view(StoredReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("generatedBy", r.generatedBy());
    m.put("deliveredAt", r.deliveredAt());
    m.put("links", Map.of("html", "/reports/" + r.id(), "markdown", "/api/v1/reports/" + r.id() + ".md"));
    m.put("report", r.content());
    return m;
  }
}
