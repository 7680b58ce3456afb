package dev.followthrough.reporting.web;

import dev.followthrough.nps.Interval;
import dev.followthrough.reporting.NpsJson;
import dev.followthrough.nps.NpsSummary;
import dev.followthrough.reporting.NpsReports;
import dev.followthrough.responses.ResponseQueries.Grouping;
import dev.followthrough.responses.ResponseQueries.ResponseFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/nps")
class NpsController {

  private final NpsReports reports;

  NpsController(NpsReports reports) {
    this.reports = reports;
  }

  @GetMapping
  Map<String, Object> nps(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String program, @RequestParam(required = false) String kind,
                          @RequestParam(required = false) String tier, @RequestParam(required = false) String touchpoint,
                          @RequestParam(required = false) String account, @RequestParam(required = false) String groupBy) {
    return NpsJson.report(reports.report(filter(from, to, program, kind, tier, touchpoint, account), NpsJson.grouping(groupBy)));
  }

  /** Two periods side by side, with a plain-language verdict on whether the change is real. */
  @GetMapping("/compare")
  Map<String, Object> compare(@RequestParam String from, @RequestParam String to,
                              @RequestParam String previousFrom, @RequestParam String previousTo,
                              @RequestParam(required = false) String program, @RequestParam(required = false) String kind,
                              @RequestParam(required = false) String tier, @RequestParam(required = false) String touchpoint,
                              @RequestParam(required = false) String account) {
    var c = reports.compare(filter(previousFrom, previousTo, program, kind, tier, touchpoint, account),
        filter(from, to, program, kind, tier, touchpoint, account), previousFrom + "/" + previousTo);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("previous", NpsJson.summary(c.previous()));
    out.put("current", NpsJson.summary(c.current()));
    out.put("change", c.change().map(NpsJson::change).orElse(null));
    return out;
  }

  /** Account NPS from each contact's latest score, and the ARR of accounts below the risk line. */
  @GetMapping("/accounts")
  Map<String, Object> accounts(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String program, @RequestParam(required = false) String kind,
                               @RequestParam(required = false) String tier, @RequestParam(required = false) String touchpoint) {
    var r = reports.accounts(filter(from, to, program, kind, tier, touchpoint, null));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("definition", "An account is at risk when the NPS of its contacts' latest scores in the period is below "
        + r.atRiskBelow() + "; revenue at risk is the sum of those accounts' ARR.");
    out.put("revenueAtRisk", r.revenueAtRisk());
    out.put("accountsAtRisk", r.accountsAtRisk());
    out.put("totalArr", r.totalArr());
    out.put("accounts", r.accounts().stream().map(a -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", a.id());
      m.put("externalId", a.externalId());
      m.put("name", a.name());
      m.put("tier", a.tier());
      m.put("arr", a.arr());
      m.put("renewalDate", a.renewalDate());
      m.put("owner", a.owner());
      m.put("atRisk", a.atRisk());
      m.put("lastResponseAt", a.lastResponseAt());
      m.put("nps", NpsJson.summary(a.nps()));
      return m;
    }).toList());
    return out;
  }

  static ResponseFilter filter(String from, String to, String program, String kind, String tier, String touchpoint,
                               String account) {
    if (kind != null && !List.of("relational", "transactional").contains(kind))
      throw new IllegalArgumentException("kind must be relational or transactional");
    Instant f = instant("from", from, false);
    Instant t = instant("to", to, true);
    if (f != null && t != null && !f.isBefore(t)) throw new IllegalArgumentException("from must be before to");
    return new ResponseFilter(f, t, blank(program), blank(kind), blank(tier), blank(touchpoint), blank(account), null, null, null);
  }

  /** Accepts an instant or a date; a date as {@code to} includes that whole day. */
  static Instant instant(String name, String value, boolean endOfDay) {
    if (value == null || value.isBlank()) return null;
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        LocalDate d = LocalDate.parse(value);
        return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(name + " must be a date (2026-03-01) or a timestamp (2026-03-01T00:00:00Z)");
      }
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
