package dev.followthrough.web;

import dev.followthrough.followup.CaseQueries;
import dev.followthrough.reporting.ReportingSettings;
import dev.followthrough.triggers.TriggerDecisions;
import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.responses.ResponseQueries.ResponseView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

@Controller
class ResponsesController {

  static final int PAGE_SIZE = 25;

  private final ResponseQueries responses;
  private final TriggerDecisions decisions;
  private final CaseQueries cases;
  private final ZoneId zone;
  private final dev.followthrough.insights.InsightCoding insights;

  ResponsesController(ResponseQueries responses, TriggerDecisions decisions, CaseQueries cases,
                      ReportingSettings settings, dev.followthrough.insights.InsightCoding insights) {
    this.responses = responses;
    this.decisions = decisions;
    this.cases = cases;
    this.zone = settings.timeZone();
    this.insights = insights;
  }

  @GetMapping("/responses")
  String list(@RequestParam Map<String, String> params, Model model, HttpServletRequest request,
              HttpServletResponse response) {
    ConsoleFilter filter = ConsoleFilter.of(params);
    int page = Math.max(1, Math.min(100_000, number(params.get("page"))));
    var result = responses.list(filter.toResponseFilter(zone), page - 1, PAGE_SIZE);
    boolean empty = result.total() == 0 && responses.counts(ResponseQueries.ResponseFilter.all()).n() == 0;
    model.addAttribute("view", new ResponseListView(filter, Dashboards.pickers(responses.facets()), result, zone, empty));
    return Htmx.partial(request, response) ? "responses/results" : "responses/list";
  }

  @GetMapping("/responses/{id}")
  String detail(@PathVariable String id, Model model) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such response");
    }
    ResponseView r = responses.find(uuid)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such response"));
    model.addAttribute("view", new ResponseDetailView(r, responses.history(uuid), decisions.forResponse(uuid),
        cases.findByResponse(uuid).orElse(null), zone));
    model.addAttribute("codings", insights.codingsOfResponse(uuid).stream().filter(c -> !c.status().equals("rejected")).toList());
    return "responses/detail";
  }

  static int number(String s) {
    if (s == null || s.isBlank()) return 1;
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
