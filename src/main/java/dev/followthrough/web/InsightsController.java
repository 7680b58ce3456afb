package dev.followthrough.web;

import dev.followthrough.insights.Backlogs;
import dev.followthrough.insights.CodebookJson;
import dev.followthrough.insights.Codebooks;
import dev.followthrough.insights.InsightCoding;
import dev.followthrough.insights.InsightReports;
import dev.followthrough.reporting.ReportingSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages of the insight engine (section "Diagnose"): impact, review queue, search, themes, codebook, backlog. */
@Controller
class InsightsController {

  private final InsightReports reports;
  private final InsightCoding coding;
  private final Codebooks codebooks;
  private final Backlogs backlogs;
  private final ZoneId zone;

  InsightsController(InsightReports reports, InsightCoding coding, Codebooks codebooks, Backlogs backlogs,
                     ReportingSettings settings) {
    this.reports = reports;
    this.coding = coding;
    this.codebooks = codebooks;
    this.backlogs = backlogs;
    this.zone = settings.timeZone();
  }

  @GetMapping("/insights")
  String home() {
    return "redirect:/insights/impact";
  }

  @GetMapping("/insights/impact")
  String impact(@RequestParam Map<String, String> params, Model model) {
    InsightsFilter f = InsightsFilter.of(params, zone);
    model.addAttribute("filter", f);
    model.addAttribute("report", reports.impact(f.filter()));
    return "insights/impact";
  }

  // ---- review queue -----------------------------------------------------------------------------------------

  @GetMapping("/insights/review")
  String review(@RequestParam(required = false) String done, Model model) {
    model.addAttribute("items", reports.reviewQueue(50));
    model.addAttribute("pending", reports.reviewQueueSize());
    model.addAttribute("agreement", reports.agreement());
    model.addAttribute("mechanisms", codebooks.mechanisms());
    model.addAttribute("notice", done);
    model.addAttribute("zone", zone);
    return "insights/review";
  }

  @PreAuthorize("hasRole('AGENT')")
  @PostMapping("/insights/review/{id}")
  String reviewAction(@PathVariable String id, @RequestParam String action, @RequestParam(required = false) String mechanism,
                      Principal who, RedirectAttributes redirect) {
    UUID uuid = uuidOrNull(id);
    InsightCoding.Review r = uuid == null ? new InsightCoding.Review.NotFound(null) : switch (action) {
      case "confirm" -> coding.confirm(uuid, who.getName());
      case "reject" -> coding.reject(uuid, who.getName());
      case "correct" -> coding.correct(uuid, mechanism, who.getName());
      default -> new InsightCoding.Review.Invalid("action", "must be confirm, correct or reject");
    };
    redirect.addAttribute("done", switch (r) {
      case InsightCoding.Review.Done d -> "Coding " + d.status() + " as " + d.mechanism() + ". The coder learns from it.";
      case InsightCoding.Review.NotFound n -> "That coding no longer exists.";
      case InsightCoding.Review.Invalid x -> "Not saved: " + x.field() + " " + x.reason() + ".";
    });
    return "redirect:/insights/review";
  }

  // ---- search -------------------------------------------------------------------------------------------------

  @GetMapping("/insights/search")
  String search(@RequestParam Map<String, String> params, Model model) {
    InsightsFilter f = InsightsFilter.of(params, zone);
    String q = orEmpty(params.get("q"));
    String mode = "semantic".equals(params.get("mode")) ? "semantic" : "text";
    model.addAttribute("filter", f);
    model.addAttribute("q", q);
    model.addAttribute("mode", mode);
    model.addAttribute("mechanisms", codebooks.mechanisms());
    model.addAttribute("zone", zone);
    model.addAttribute("hits", q.isBlank() || q.length() > 500 ? List.of()
        : reports.search(q, "semantic".equals(mode) ? InsightReports.SearchMode.SEMANTIC : InsightReports.SearchMode.TEXT, f.filter(), 50));
    return "insights/search";
  }

  // ---- themes and passives --------------------------------------------------------------------------------------

  @GetMapping("/insights/themes")
  String themes(@RequestParam Map<String, String> params, Model model) {
    InsightsFilter f = InsightsFilter.of(params, zone);
    model.addAttribute("filter", f);
    model.addAttribute("themes", reports.themes(f.filter()));
    model.addAttribute("passives", reports.passives(f.filter()));
    model.addAttribute("categories", codebooks.mechanisms().stream().map(m -> List.of(m.categoryKey(), m.categoryName())).distinct().toList());
    model.addAttribute("notice", params.get("done"));
    return "insights/themes";
  }

  @PreAuthorize("hasRole('MANAGER')")
  @PostMapping("/insights/themes/promote")
  String promote(@RequestParam Map<String, String> form, @RequestParam(name = "example", required = false) List<String> examples,
                 Principal who, RedirectAttributes redirect) {
    CodebookJson.Parsed r = codebooks.addMechanism(form.get("category"), blank(form.get("key")), blank(form.get("name")),
        blank(form.get("description")), blank(form.get("owner")), examples == null ? List.of() : examples, who.getName());
    redirect.addAttribute("done", r instanceof CodebookJson.Parsed.Invalid x
        ? "Not promoted: " + x.field() + " " + x.reason() + "."
        : "Promoted into codebook version " + codebooks.currentVersion() + ". Start a backlog to recode old comments with it.");
    return "redirect:/insights/themes";
  }

  // ---- codebook ---------------------------------------------------------------------------------------------------

  @GetMapping("/insights/codebook")
  String codebook(@RequestParam(required = false) String done, Model model) {
    model.addAttribute("mechanisms", codebooks.mechanisms());
    model.addAttribute("versions", codebooks.versions());
    model.addAttribute("json", codebooks.currentJson());
    model.addAttribute("version", codebooks.currentVersion());
    model.addAttribute("notice", done);
    model.addAttribute("zone", zone);
    return "insights/codebook";
  }

  @GetMapping(path = "/insights/codebook/export")
  ResponseEntity<String> export() {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"codebook-v" + codebooks.currentVersion() + ".json\"")
        .body(codebooks.currentJson());
  }

  /** Saves the edited JSON, or an uploaded export, as the next codebook version. */
  @PreAuthorize("hasRole('MANAGER')")
  @PostMapping("/insights/codebook")
  String saveCodebook(@RequestParam(required = false) String json, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(required = false) String note, Principal who, RedirectAttributes redirect) throws IOException {
    String document = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : json;
    CodebookJson.Parsed r = codebooks.saveJson(document == null ? "" : document, blank(note), who.getName());
    redirect.addAttribute("done", r instanceof CodebookJson.Parsed.Invalid x
        ? "Not saved: " + x.field() + " " + x.reason() + "."
        : "Saved as codebook version " + codebooks.currentVersion() + ".");
    return "redirect:/insights/codebook";
  }

  // ---- backlog ------------------------------------------------------------------------------------------------------

  @GetMapping("/insights/backlog")
  String backlog(Model model) {
    model.addAttribute("jobs", backlogs.recent(20));
    model.addAttribute("version", codebooks.currentVersion());
    model.addAttribute("zone", zone);
    return "insights/backlog";
  }

  @PreAuthorize("hasRole('MANAGER')")
  @PostMapping("/insights/backlog")
  String startBacklog(@RequestParam(defaultValue = "uncoded") String scope, @RequestParam(required = false) String source,
                      Principal who) {
    backlogs.start("all".equals(scope) ? Backlogs.Scope.ALL : Backlogs.Scope.UNCODED, blank(source), who.getName());
    return "redirect:/insights/backlog";
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static UUID uuidOrNull(String s) {
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
