package dev.followthrough.reporting;

import dev.followthrough.nps.NpsChange;
import dev.followthrough.nps.NpsCounts;
import dev.followthrough.nps.NpsSummary;
import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.responses.ResponseQueries.Grouping;
import dev.followthrough.responses.ResponseQueries.ResponseFilter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** NPS with honest uncertainty: every number carries its 95% interval, every change its test. */
@Service
public class NpsReports {

  public record Group(String key, String label, NpsSummary summary, Change change) {}

  /** Change from the previous group (time groupings only); {@code verdict} says it in words. */
  public record Change(String previousKey, NpsChange test, String verdict) {}

  public record Report(NpsSummary overall, Grouping groupBy, List<Group> groups) {}

  public record AccountNps(UUID id, String externalId, String name, String tier, BigDecimal arr, LocalDate renewalDate,
                           String owner, NpsSummary nps, boolean atRisk, Instant lastResponseAt, boolean demo) {}

  public record AccountReport(double atRiskBelow, BigDecimal revenueAtRisk, long accountsAtRisk, BigDecimal totalArr,
                              List<AccountNps> accounts) {}

  public record Comparison(NpsSummary previous, NpsSummary current, Optional<Change> change) {}

  private final ResponseQueries queries;
  private final ReportingSettings settings;

  NpsReports(ResponseQueries queries, ReportingSettings settings) {
    this.queries = queries;
    this.settings = settings;
  }

  public Report report(ResponseFilter filter, Grouping groupBy) {
    NpsSummary overall = NpsSummary.of(queries.counts(filter));
    List<Group> groups = new ArrayList<>();
    if (groupBy != null) {
      ResponseQueries.GroupCounts previous = null;
      for (var g : queries.countsBy(filter, groupBy, settings.timeZone())) {
        Change change = null;
        if (groupBy.isTime() && previous != null) change = change(previous.key(), previous.counts(), g.counts()).orElse(null);
        groups.add(new Group(g.key(), g.label(), NpsSummary.of(g.counts()), change));
        previous = g;
      }
    }
    return new Report(overall, groupBy, groups);
  }

  public Comparison compare(ResponseFilter previous, ResponseFilter current, String previousLabel) {
    NpsCounts p = queries.counts(previous);
    NpsCounts c = queries.counts(current);
    return new Comparison(NpsSummary.of(p), NpsSummary.of(c), change(previousLabel, p, c));
  }

  static Optional<Change> change(String previousKey, NpsCounts previous, NpsCounts current) {
    return NpsChange.between(previous, current).map(t -> new Change(previousKey, t, verdict(t)));
  }

  static String verdict(NpsChange t) {
    String dir = t.difference() > 0 ? "up" : "down";
    String size = String.format(java.util.Locale.ROOT, "%+.1f points (95%% CI %+.1f to %+.1f, p = %.3f)",
        t.difference(), t.ci95().low(), t.ci95().high(), t.pValue());
    return t.significant()
        ? "A real change: NPS is " + dir + " " + size + "; a difference this large is unlikely to be sampling noise."
        : "Could be noise: " + size + "; the interval includes no change, so do not read a trend into it.";
  }

  public AccountReport accounts(ResponseFilter filter) {
    List<AccountNps> out = new ArrayList<>();
    BigDecimal atRisk = BigDecimal.ZERO;
    BigDecimal total = BigDecimal.ZERO;
    long atRiskCount = 0;
    for (var a : queries.accountsLatest(filter)) {
      NpsSummary s = NpsSummary.of(a.latest());
      boolean risky = s.n() > 0 && s.nps() < settings.atRiskBelow();
      BigDecimal arr = a.arr() == null ? BigDecimal.ZERO : a.arr();
      total = total.add(arr);
      if (risky) {
        atRisk = atRisk.add(arr);
        atRiskCount++;
      }
      out.add(new AccountNps(a.id(), a.externalId(), a.name(), a.tier(), a.arr(), a.renewalDate(), a.owner(), s, risky,
          a.lastResponseAt(), a.demo()));
    }
    return new AccountReport(settings.atRiskBelow(), atRisk, atRiskCount, total, out);
  }
}
