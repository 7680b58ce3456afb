package dev.followthrough.reporting.web;

import dev.followthrough.platform.InvalidField;
import dev.followthrough.reporting.ProgramMetrics;
import dev.followthrough.reporting.ProgramMetricsJson;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/metrics?from=&to=&tier=&program=&touchpoint=&account=}: program metrics with definitions,
 * targets and 95% intervals. Without dates: the last 365 days.
 */
@RestController
class MetricsController {

  private final ProgramMetrics metrics;
  private final Clock clock;

  MetricsController(ProgramMetrics metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  @GetMapping("/api/v1/metrics")
  Map<String, Object> metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String tier, @RequestParam(required = false) String program,
                              @RequestParam(required = false) String touchpoint,
                              @RequestParam(required = false) String account,
                              @RequestParam(required = false) String kind) {
    return ProgramMetricsJson.report(metrics.report(segment(from, to, tier, program, touchpoint, account, kind,
        clock.instant())));
  }

  static ProgramMetrics.Segment segment(String from, String to, String tier, String program, String touchpoint,
                                        String account, String kind, Instant now) {
    Instant t = parse("to", to, true);
    Instant f = parse("from", from, false);
    if (t == null) t = now;
    if (f == null) f = t.minus(ProgramMetrics.DEFAULT_PERIOD);
    if (!f.isBefore(t)) throw new InvalidField("from", "must be before to");
    String k = blank("kind", kind);
    if (k != null && !k.equals("relational") && !k.equals("transactional"))
      throw new InvalidField("kind", "must be relational or transactional");
    return new ProgramMetrics.Segment(f, t, blank("tier", tier), blank("program", program), blank("touchpoint", touchpoint),
        blank("account", account), k);
  }

  private static Instant parse(String name, String value, boolean endOfDay) {
    try {
      return NpsController.instant(name, value, endOfDay);
    } catch (IllegalArgumentException e) {
      throw new InvalidField(name, "must be a date (2026-03-01) or a timestamp (2026-03-01T00:00:00Z)");
    }
  }

  private static String blank(String name, String s) {
    if (s == null || s.isBlank()) return null;
    if (s.length() > 200) throw new InvalidField(name, "must be at most 200 characters");
    return s.strip();
  }
}
