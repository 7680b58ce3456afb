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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
  private final NamedParameterJdbcTemplate jdbc;
  private final Rollups rollups;

  NpsReports(ResponseQueries queries, ReportingSettings settings, NamedParameterJdbcTemplate jdbc, Rollups rollups) {
    this.queries = queries;
    this.settings = settings;
    this.jdbc = jdbc;
    this.rollups = rollups;
  }

  public Report report(ResponseFilter filter, Grouping groupBy) {
    return report(filter, groupBy, useRollup(filter, groupBy));
  }

  /** The report counted from the rows only (responses' own queries): the reference the rollup is tested against. */
  public Report rowLevel(ResponseFilter filter, Grouping groupBy) {
    return report(filter, groupBy, false);
  }

  private Report report(ResponseFilter filter, Grouping groupBy, boolean rollup) {
    NpsSummary overall = NpsSummary.of(rollup ? rolledUp(filter) : queries.counts(filter));
    List<Group> groups = new ArrayList<>();
    if (groupBy != null) {
      ResponseQueries.GroupCounts previous = null;
      for (var g : rollup ? rolledUp(filter, groupBy) : queries.countsBy(filter, groupBy, settings.timeZone())) {
        Change change = null;
        if (groupBy.isTime() && previous != null) change = change(previous.key(), previous.counts(), g.counts()).orElse(null);
        groups.add(new Group(g.key(), g.label(), NpsSummary.of(g.counts()), change));
        previous = g;
      }
    }
    return new Report(overall, groupBy, groups);
  }

  public Comparison compare(ResponseFilter previous, ResponseFilter current, String previousLabel) {
    NpsCounts p = useRollup(previous, null) ? rolledUp(previous) : queries.counts(previous);
    NpsCounts c = useRollup(current, null) ? rolledUp(current) : queries.counts(current);
    return new Comparison(NpsSummary.of(p), NpsSummary.of(c), change(previousLabel, p, c));
  }

  // ------------------------------------------------------------------ from the rollup

  /** The rollup keeps tier, program, touchpoint, kind and category; an account, a source or a text search reads rows. */
  private boolean useRollup(ResponseFilter f, Grouping groupBy) {
    return rollups.ready() && rollups.zone().equals(settings.timeZone()) && f.account() == null && f.source() == null
        && (f.q() == null || f.q().isBlank()) && groupBy != Grouping.ACCOUNT;
  }

  private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2900-01-01T00:00:00Z");

  private NpsCounts rolledUp(ResponseFilter filter) {
    List<ResponseQueries.GroupCounts> all = rolledUp(filter, null);
    return all.isEmpty() ? new NpsCounts(0, 0, 0) : all.getFirst().counts();
  }

  /** Counts per group ({@code null}: one row for all), as {@link ResponseQueries#countsBy} groups and orders them. */
  private List<ResponseQueries.GroupCounts> rolledUp(ResponseFilter f, Grouping groupBy) {
    MapSqlParameterSource p = rollups.period(new MapSqlParameterSource(), f.from() == null ? EARLIEST : f.from(),
        f.to() == null ? LATEST : f.to());
    String category = "";
    if (f.category() != null) { category = " AND f.category = :category"; p.addValue("category", f.category()); }
    String column = "CASE WHEN CAST(:category AS text) IS NULL OR :category = '%s' THEN %s ELSE 0 END";
    if (f.category() == null) p.addValue("category", null, java.sql.Types.VARCHAR);
    String[] keyLabel = switch (groupBy) {
      case null -> new String[] {"'all'", "'all'"};
      case MONTH -> new String[] {"to_char(day, 'YYYY-MM')", "to_char(day, 'Mon YYYY')"};
      case WEEK -> new String[] {"to_char(day, 'IYYY-\"W\"IW')", "to_char(day, 'IYYY-\"W\"IW')"};
      case QUARTER -> new String[] {"to_char(day, 'YYYY-\"Q\"Q')", "to_char(day, 'YYYY-\"Q\"Q')"};
      case PROGRAM -> new String[] {"COALESCE(program, '(none)')", "COALESCE(program, '(none)')"};
      case TOUCHPOINT -> new String[] {"COALESCE(touchpoint, '(none)')", "COALESCE(touchpoint, '(none)')"};
      case TIER -> new String[] {"COALESCE(tier, '(none)')", "COALESCE(tier, '(none)')"};
      case ACCOUNT -> throw new IllegalArgumentException("accounts are counted from the rows");
    };
    String order = groupBy == null || groupBy.isTime() ? "1" : "sum(promoters + passives + detractors) DESC, 1";
    String sql = "WITH " + Rollups.DIRTY + ",\n" + Rollups.READ_SPANS + ",\n"
        + Rollups.scope(Rollups.dims("f", f.tier(), f.program(), f.touchpoint(), f.kind(), p) + category) + """
        ,
        live AS (
          SELECT day, tier, program, touchpoint, kind, count(*) FILTER (WHERE score >= 9) AS promoters,
                 count(*) FILTER (WHERE score BETWEEN 7 AND 8) AS passives, count(*) FILTER (WHERE score <= 6) AS detractors
            FROM r GROUP BY day, tier, program, touchpoint, kind),
        parts AS (
          SELECT day, tier, program, touchpoint, kind, """ + column.formatted("promoter", "promoters") + " AS promoters, "
        + column.formatted("passive", "passives") + " AS passives, " + column.formatted("detractor", "detractors")
        + " AS detractors FROM reporting_rollup_day d WHERE " + Rollups.clean("d")
        + Rollups.dims("d", f.tier(), f.program(), f.touchpoint(), f.kind(), p) + """

          UNION ALL SELECT * FROM live)
        SELECT %s AS key, %s AS label, sum(promoters) AS promoters, sum(passives) AS passives, sum(detractors) AS detractors
          FROM parts GROUP BY 1, 2 HAVING sum(promoters + passives + detractors) > 0 ORDER BY %s""".formatted(keyLabel[0], keyLabel[1], order);
    return rollups.read(() -> jdbc.query(sql, p, (rs, i) -> new ResponseQueries.GroupCounts(rs.getString("key"),
        rs.getString("label"), new NpsCounts(rs.getLong("promoters"), rs.getLong("passives"), rs.getLong("detractors")))));
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
