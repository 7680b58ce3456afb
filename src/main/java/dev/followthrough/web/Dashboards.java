package dev.followthrough.web;

import dev.followthrough.reporting.NpsReports;
import dev.followthrough.reporting.ReportingSettings;
import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.responses.ResponseQueries.Grouping;
import dev.followthrough.responses.ResponseQueries.ResponseFilter;
import dev.followthrough.responses.ResponseQueries.ResponseView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Assembles the dashboard from the reporting and response read models. */
@Component
class Dashboards {

  static final int TOP_ACCOUNTS = 8;
  static final int LATEST_COMMENTS = 6;

  private final NpsReports reports;
  private final ResponseQueries responses;
  private final Clock clock;
  private final ZoneId zone;

  Dashboards(NpsReports reports, ResponseQueries responses, ReportingSettings settings, Clock clock) {
    this.reports = reports;
    this.responses = responses;
    this.clock = clock;
    this.zone = settings.timeZone();
  }

  DashboardView dashboard(ConsoleFilter filter, String origin) {
    ResponseFilter f = filter.toResponseFilter(zone);
    boolean empty = responses.counts(ResponseFilter.all()).n() == 0;
    LocalDate today = LocalDate.now(clock.withZone(zone));
    NpsReports.Report trend = reports.report(f, filter.grouping());
    String current = periodKey(filter.grouping(), today);
    boolean openEnded = filter.to() == null || !today.isAfter(parseOr(filter.to(), today));
    List<DashboardView.Period> periods = trend.groups().stream()
        .map(g -> new DashboardView.Period(g.key(), g.label(), g.summary(), g.change(), openEnded && g.key().equals(current)))
        .toList();
    NpsReports.AccountReport accounts = reports.accounts(f);
    List<ResponseView> comments = responses.list(f, 0, 100).items().stream()
        .filter(r -> r.comment() != null && !r.comment().isBlank())
        .limit(LATEST_COMMENTS)
        .toList();
    Map<String, List<String>> facets = responses.facets();
    return new DashboardView(
        filter,
        pickers(facets),
        presets(filter, today),
        empty,
        trend.overall(),
        periods,
        filter.link("/console/nps.json", "every", null, "groupBy", filter.granularity()),
        reports.report(f, Grouping.TIER).groups(),
        reports.report(f, Grouping.PROGRAM).groups(),
        reports.report(f, Grouping.TOUCHPOINT).groups(),
        accounts,
        accounts.accounts().stream().limit(TOP_ACCOUNTS).toList(),
        comments,
        zone,
        origin);
  }

  static DashboardView.Pickers pickers(Map<String, List<String>> facets) {
    return new DashboardView.Pickers(facets.getOrDefault("program", List.of()), facets.getOrDefault("tier", List.of()),
        facets.getOrDefault("touchpoint", List.of()), facets.getOrDefault("language", List.of()));
  }

  static List<DashboardView.Preset> presets(ConsoleFilter filter, LocalDate today) {
    String t = today.toString();
    return List.of(
        preset("Last 30 days", today.minusDays(29).toString(), t, filter),
        preset("Last 90 days", today.minusDays(89).toString(), t, filter),
        preset("Last 12 months", today.minusMonths(12).plusDays(1).toString(), t, filter),
        preset("All time", null, null, filter));
  }

  private static DashboardView.Preset preset(String label, String from, String to, ConsoleFilter filter) {
    boolean active = java.util.Objects.equals(from, filter.from()) && java.util.Objects.equals(to, filter.to());
    return new DashboardView.Preset(label, from, to, active);
  }

  /** The key the reporting queries give the period containing {@code day}. */
  static String periodKey(Grouping grouping, LocalDate day) {
    return switch (grouping) {
      case WEEK -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case QUARTER -> day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
      default -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
    };
  }

  private static LocalDate parseOr(String s, LocalDate fallback) {
    try {
      return LocalDate.parse(s);
    } catch (RuntimeException e) {
      return fallback;
    }
  }
}
