package dev.followthrough.reporting;

import dev.followthrough.followup.CaseQueries;
import dev.followthrough.nps.NpsSummary;
import dev.followthrough.outreach.Links;
import dev.followthrough.platform.Ids;
import dev.followthrough.reporting.domain.Evidence;
import dev.followthrough.reporting.domain.PeriodicReport;
import dev.followthrough.reporting.domain.ReportComposer;
import dev.followthrough.reporting.domain.ReportMarkdown;
import dev.followthrough.reporting.domain.ReportPeriod;
import dev.followthrough.reporting.jdbc.JdbcReports;
import dev.followthrough.responses.ResponseQueries.Grouping;
import dev.followthrough.responses.ResponseQueries.ResponseFilter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Periodic NPS follow-up reports: composes one for a period from NPS, coded evidence, accounts and
 * interventions, stores it (one per kind and period) and reads stored ones back. Rendering to HTML lives
 * in the console templates, to Markdown in {@link ReportMarkdown}.
 */
@Service
public class PeriodicReports {

  public record ReportSummary(UUID id, String kind, LocalDate start, LocalDate lastDay, String title, Instant generatedAt,
                              String generatedBy, Instant deliveredAt) {}

  public record StoredReport(UUID id, PeriodicReport content, String markdown, String generatedBy, Instant deliveredAt) {}

  // A report stored by an older version must still open: fields it lacks are null, fields it has that
  // the record no longer knows are ignored.
  static final JsonMapper JSON = JsonMapper.builder()
      .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final NpsReports nps;
  private final JdbcReports store;
  private final CaseQueries cases;
  private final Links links;
  private final ReportingSettings reporting;
  private final PeriodicReportSettings settings;
  private final Clock clock;

  PeriodicReports(NpsReports nps, JdbcReports store, CaseQueries cases, Links links, ReportingSettings reporting,
                  PeriodicReportSettings settings, Clock clock) {
    this.nps = nps;
    this.store = store;
    this.cases = cases;
    this.links = links;
    this.reporting = reporting;
    this.settings = settings;
    this.clock = clock;
  }

  public ZoneId zone() {
    return reporting.timeZone();
  }

  /** Today in the reporting time zone. */
  public LocalDate today() {
    return clock.instant().atZone(zone()).toLocalDate();
  }

  /** Composes the report for a period from the data as it is now, without storing it. */
  public PeriodicReport compose(ReportPeriod period) {
    ZoneId zone = zone();
    ReportPeriod previous = period.previous();
    Instant from = period.start().atStartOfDay(zone).toInstant();
    Instant to = period.end().atStartOfDay(zone).toInstant();
    Evidence ev = new Evidence(period);

    var comparison = nps.compare(filter(previous.start(), previous.end()), filter(period.start(), period.end()),
        previous.start() + "/" + previous.lastDay());
    PeriodicReport.Change change = comparison.change().map(c -> new PeriodicReport.Change(c.test().difference(),
        c.test().ci95().low(), c.test().ci95().high(), c.test().pValue(), c.test().significant(), c.verdict())).orElse(null);
    Grouping grouping = Grouping.valueOf(period.trendGrouping().toUpperCase(Locale.ROOT));
    List<PeriodicReport.TrendPoint> trend = nps.report(filter(period.trendStart(), period.end()), grouping).groups().stream()
        .map(g -> new PeriodicReport.TrendPoint(g.key(), g.label(), PeriodicReport.Figure.of(g.summary()),
            g.change() == null ? null : g.change().test().significant()))
        .toList();
    var npsSection = new PeriodicReport.Nps(PeriodicReport.Figure.of(comparison.current()),
        PeriodicReport.Figure.of(comparison.previous()), change, period.trendGrouping(), trend, ev.responses(null));

    Map<String, ReportComposer.MechanismInfo> book = new HashMap<>();
    for (var m : store.mechanisms()) {
      book.put(m.mechanism(), new ReportComposer.MechanismInfo(m.mechanism(), m.name(), m.owner(), m.categoryKey(), m.categoryName()));
    }
    List<ReportComposer.Mention> mentions = store.codings(from, to).stream()
        .map(c -> new ReportComposer.Mention(c.sourceType(), c.sourceId(), c.mechanism(), c.score(), c.npsCategory(),
            c.accountId(), c.accountName(), c.arr() == null ? null : c.arr().doubleValue(), c.evidence(), c.confidence(),
            "confirmed".equals(c.status()) || "corrected".equals(c.status())))
        .toList();
    List<ReportComposer.Account> accounts = nps.accounts(filter(period.start(), period.end())).accounts().stream()
        .map(a -> new ReportComposer.Account(a.id(), a.externalId(), a.name(), a.tier(),
            a.arr() == null ? null : a.arr().doubleValue(), a.renewalDate(), finite(a.nps()), a.nps().n()))
        .toList();
    Map<String, PeriodicReport.Intervention> interventions = new HashMap<>();
    for (var i : store.interventions()) {
      interventions.put(i.mechanism(), new PeriodicReport.Intervention(i.id(), i.title(), i.team(), i.status()));
    }
    var inputs = new ReportComposer.Inputs(period, previous, clock.instant(), zone.getId(), npsSection, comparison.current().n(),
        store.codedTexts(from, to), mentions, book, accounts, interventions,
        new ReportComposer.Settings(settings.renewalWindowDays(), reporting.atRiskBelow(), settings.reportMaxRows(), 2));
    return ReportComposer.compose(inputs, responseId -> cases.findByResponse(responseId).map(c -> "/cases/" + c.id()).orElse(null));
  }

  /** Composes and stores the report for a period, replacing an earlier one for the same period. */
  public StoredReport generate(ReportPeriod period, String by) {
    PeriodicReport r = compose(period);
    String markdown = ReportMarkdown.render(r, links.baseUrl());
    UUID id = store.upsert(stored(r, markdown, by));
    return find(id).orElseThrow();
  }

  /**
   * The report of a complete period, made once: an existing one is kept unless it was generated before the
   * period ended (then it is remade with the whole period); a missing one is inserted, and if another node
   * inserted it meanwhile, that one is used.
   */
  UUID ensureComplete(ReportPeriod period, String by) {
    Instant end = period.end().atStartOfDay(zone()).toInstant();
    var existing = store.findByPeriod(period.kind().key(), period.start(), period.end());
    if (existing.isPresent() && !existing.get().generatedAt().isBefore(end)) return existing.get().id();
    if (existing.isPresent()) return generate(period, by).id();
    PeriodicReport r = compose(period);
    return store.insertIfAbsent(stored(r, ReportMarkdown.render(r, links.baseUrl()), by))
        .or(() -> store.findByPeriod(period.kind().key(), period.start(), period.end()).map(JdbcReports.Summary::id))
        .orElseThrow();
  }

  boolean claimDelivery(UUID id) {
    return store.claimDelivery(id, clock.instant());
  }

  public Optional<StoredReport> find(UUID id) {
    return store.find(id).map(s -> new StoredReport(s.id(), read(s.content()), s.markdown(), s.generatedBy(), s.deliveredAt()));
  }

  static PeriodicReport read(String json) {
    return JSON.readValue(json, PeriodicReport.class);
  }

  public List<ReportSummary> list(int limit) {
    return store.list(limit).stream().map(s -> new ReportSummary(s.id(), s.kind(), s.start(), s.end().minusDays(1), s.title(),
        s.generatedAt(), s.generatedBy(), s.deliveredAt())).toList();
  }

  /** The report content as JSON text (the shape stored and served by the API). */
  public static String json(PeriodicReport r) {
    return JSON.writeValueAsString(r);
  }

  private JdbcReports.Stored stored(PeriodicReport r, String markdown, String by) {
    Instant now = clock.instant();
    return new JdbcReports.Stored(Ids.timeOrdered(now), r.period().kind().key(), r.period().start(), r.period().end(),
        r.timeZone(), r.title(), r.generatedAt(), by, json(r), markdown, null);
  }

  private ResponseFilter filter(LocalDate start, LocalDate endExclusive) {
    ZoneId zone = zone();
    return new ResponseFilter(start.atStartOfDay(zone).toInstant(), endExclusive.atStartOfDay(zone).toInstant(), null, null,
        null, null, null, null, null, null);
  }

  private static Double finite(NpsSummary s) {
    return s.n() == 0 || Double.isNaN(s.nps()) ? null : s.nps();
  }
}
