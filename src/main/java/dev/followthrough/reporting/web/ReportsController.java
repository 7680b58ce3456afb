package dev.followthrough.reporting.web;

import dev.followthrough.platform.InvalidField;
import dev.followthrough.reporting.PeriodicReportSettings;
import dev.followthrough.reporting.PeriodicReports;
import dev.followthrough.reporting.PeriodicReports.StoredReport;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Console pages of periodic reports: the list of past reports with "generate now" for managers, one
 * report as a printable page (charts drawn by {@code report.js} over tables that read without it), and its
 * Markdown.
 */
@Controller
class ReportsController {

  private final PeriodicReports reports;
  private final PeriodicReportSettings settings;

  ReportsController(PeriodicReports reports, PeriodicReportSettings settings) {
    this.reports = reports;
    this.settings = settings;
  }

  @GetMapping("/reports")
  String list(Model model, Principal principal) {
    return listPage(model, principal, null, Map.of());
  }

  @PostMapping("/reports")
  String generate(@RequestParam Map<String, String> form, Model model, Principal principal, HttpServletResponse response) {
    if (!ReportRequests.mayGenerate(principal)) throw new ResponseStatusException(HttpStatus.FORBIDDEN, "needs the manager role");
    try {
      var period = ReportRequests.period(form.get("kind"), form.get("from"), form.get("to"), reports.today());
      return "redirect:/reports/" + reports.generate(period, ReportRequests.who(principal)).id();
    } catch (InvalidField e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return listPage(model, principal, e.field() + " " + e.reason(), form);
    }
  }

  private String listPage(Model model, Principal principal, String error, Map<String, String> form) {
    model.addAttribute("view", new ReportListView(reports.list(100), ReportRequests.mayGenerate(principal), error,
        form.getOrDefault("kind", "week"), form.getOrDefault("from", ""), form.getOrDefault("to", ""),
        settings.reportSchedule().name().toLowerCase(java.util.Locale.ROOT), reports.zone()));
    return "reports/list";
  }

  @GetMapping("/reports/{id}")
  String page(@PathVariable UUID id, Model model) {
    StoredReport r = find(id);
    model.addAttribute("view", ReportPageView.of(r));
    return "reports/page";
  }

  @GetMapping("/reports/{id}.md")
  ResponseEntity<String> markdown(@PathVariable UUID id) {
    StoredReport r = find(id);
    return ResponseEntity.ok().contentType(ReportApiController.MARKDOWN)
        .header("Content-Disposition", "inline; filename=\"report-" + r.content().period().start() + ".md\"")
        .body(r.markdown());
  }

  private StoredReport find(UUID id) {
    return reports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no report " + id));
  }
}
