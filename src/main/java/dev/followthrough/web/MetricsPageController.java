package dev.followthrough.web;

import dev.followthrough.reporting.ProgramMetrics;
import dev.followthrough.reporting.ProgramMetricsJson;
import dev.followthrough.reporting.ReportingSettings;
import dev.followthrough.responses.ResponseQueries;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** {@code /metrics}: the program metrics with their definitions, targets, intervals and a monthly trend. */
@Controller
class MetricsPageController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ProgramMetrics metrics;
  private final ResponseQueries responses;
  private final ReportingSettings settings;
  private final Clock clock;

  MetricsPageController(ProgramMetrics metrics, ResponseQueries responses, ReportingSettings settings, Clock clock) {
    this.metrics = metrics;
    this.responses = responses;
    this.settings = settings;
    this.clock = clock;
  }

  @GetMapping("/metrics")
  String page(@RequestParam Map<String, String> params, Model model, jakarta.servlet.http.HttpServletRequest request,
              jakarta.servlet.http.HttpServletResponse response) {
    ConsoleFilter filter = ConsoleFilter.of(params);
    var f = filter.toResponseFilter(settings.timeZone());
    Instant to = f.to() != null ? f.to() : clock.instant();
    Instant from = f.from() != null && f.from().isBefore(to) ? f.from() : to.minus(ProgramMetrics.DEFAULT_PERIOD);
    var report = metrics.report(new ProgramMetrics.Segment(from, to, filter.tier(), filter.program(), filter.touchpoint(),
        filter.account(), filter.kind()));
    model.addAttribute("view", new MetricsView(filter, Dashboards.pickers(responses.facets()), report,
        JSON.writeValueAsString(ProgramMetricsJson.trend(report)), settings.timeZone()));
    return Htmx.partial(request, response) ? "metrics/body" : "metrics/page";
  }
}
