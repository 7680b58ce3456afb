package dev.followthrough.reporting;

import dev.followthrough.nps.Interval;
import dev.followthrough.nps.Proportions;
import dev.followthrough.nps.Proportions.MeanDifference;
import dev.followthrough.nps.Proportions.Sample;
import dev.followthrough.reporting.ProgramMetricsFormulas.HalfLife;
import dev.followthrough.reporting.ProgramMetricsFormulas.Week;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Program metrics for a period and segment: is the program following up in time, are customers talking, are
 * mechanisms found and acted on, and did retention move. Every rate carries a 95% interval. Reads only the
 * read-contract views ({@code *_facts}) of responses, triggers, followup, interviews, insights and actions.
 * (insights' views already leave rejected codings out; the {@code status <> 'rejected'} here keeps that explicit.)
 *
 * <p>The population is the responses answered in [from, to) in the segment (tier, program, touchpoint, account);
 * cases, interviews and codings are those of these responses, whenever they happened.
 */
@Service
public class ProgramMetrics {

  /** The period shown when none is asked for: the last year. */
  public static final java.time.Duration DEFAULT_PERIOD = java.time.Duration.ofDays(365);

  /** Responses answered in [from, to); every other field optional. {@code account}: our id or the external id. */
  public record Segment(Instant from, Instant to, String tier, String program, String touchpoint, String account,
                        String kind) {}

  /**
   * One metric. {@code value} is a fraction for {@code unit = share}, hours for {@code hours}, score points for
   * {@code points}, days for {@code days}, money for {@code money}; null (with {@code note}) when it cannot be told.
   */
  public record Metric(String key, String name, String definition, String target, String unit, Double value,
                       Long numerator, Long denominator, Interval ci95, String note, List<Metric> parts) {
    public Metric {
      parts = parts == null ? List.of() : List.copyOf(parts);
    }
  }

  public record TrendPoint(String month, long cases, Double withinSla, Double interviewCompletion, Double identification) {}

  public record InterventionHalfLife(UUID interventionId, String title, Instant shippedAt, List<String> mechanisms,
                                     List<Week> weeks, HalfLife halfLife) {}

  /** {@code queryMillis}: how long each of the report's queries took (funnel, mechanisms, outcomes, halfLife). */
  public record Report(Segment segment, List<Metric> metrics, List<InterventionHalfLife> halfLives,
                       List<TrendPoint> trend, Map<String, Long> queryMillis) {
    public Metric metric(String key) {
      return metrics.stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
    }
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final ProgramMetricsSettings settings;
  private final ReportingSettings reporting;
  private final Clock clock;
  private final Rollups rollups;

  ProgramMetrics(NamedParameterJdbcTemplate jdbc, ProgramMetricsSettings settings, ReportingSettings reporting,
                 Clock clock, Rollups rollups) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.reporting = reporting;
    this.clock = clock;
    this.rollups = rollups;
  }

  /** The responses in scope as a CTE named {@code r}; every value is a bind parameter. */
  private static String scope(Segment s, MapSqlParameterSource p) {
    List<String> w = new ArrayList<>();
    w.add("responded_at >= :from AND responded_at < :to");
    p.addValue("from", Timestamp.from(s.from())).addValue("to", Timestamp.from(s.to()));
    if (s.tier() != null) { w.add("tier = :tier"); p.addValue("tier", s.tier()); }
    if (s.program() != null) { w.add("program = :program"); p.addValue("program", s.program()); }
    if (s.touchpoint() != null) { w.add("touchpoint = :touchpoint"); p.addValue("touchpoint", s.touchpoint()); }
    if (s.kind() != null) { w.add("kind = :kind"); p.addValue("kind", s.kind()); }
    if (s.account() != null) {
      UUID id = null;
      try { id = UUID.fromString(s.account()); } catch (IllegalArgumentException ignored) { /* an external id */ }
      w.add(id == null ? "account_external_id = :account" : "(account_external_id = :account OR account_id = :accountId)");
      p.addValue("account", s.account());
      if (id != null) p.addValue("accountId", id);
    }
    return "r AS (SELECT response_id, contact_id, account_id, score, category, responded_at, tier, program, touchpoint, kind,"
        + " (responded_at AT TIME ZONE :zone)::date AS day FROM responses_response_facts WHERE "
        + String.join(" AND ", w) + ")";
  }

  /**
   * How a query reads its responses: from the rows of [from, to) ({@code null}), or from the rollup's clean days
   * plus the rows of the rest ({@link Rollups}). The account segment always reads rows: an account is small.
   */
  private MapSqlParameterSource params(Segment s, boolean rollup) {
    MapSqlParameterSource p = new MapSqlParameterSource().addValue("zone", zoneId());
    return rollup ? rollups.period(p, s.from(), s.to()) : p;
  }

  private String zoneId() {
    return reporting.timeZone().getId();
  }

  private boolean useRollup(Segment s) {
    return s.account() == null && rollups.ready() && rollups.zone().equals(reporting.timeZone());
  }

  /** {@code WITH dirty, spans, r} for a rollup read, or {@code WITH r} for a row-level one. */
  private static String with(Segment s, MapSqlParameterSource p, boolean rollup) {
    if (!rollup) return "WITH " + scope(s, p);
    return "WITH " + Rollups.DIRTY + ",\n" + Rollups.READ_SPANS + ",\n"
        + Rollups.scope(Rollups.dims("f", s.tier(), s.program(), s.touchpoint(), s.kind(), p));
  }

  private static String cleanRows(String table, Segment s, MapSqlParameterSource p) {
    return " FROM " + table + " d WHERE " + Rollups.clean("d") + Rollups.dims("d", s.tier(), s.program(), s.touchpoint(), s.kind(), p)
        + "\n";
  }

  // Per case: reached, engaged, completed, identified; sessions joined one-to-one (one interview per case).
  static final String CASES = """
      c AS (
        SELECT c.case_id, c.response_id, c.channel, c.status, c.outcome, c.opened_at, c.due_at, c.first_contact_at,
               r.responded_at, s.session_id, s.started_at, s.completed_at,
               (c.first_contact_at IS NOT NULL OR s.session_id IS NOT NULL) AS reached,
               (c.status IN ('in_conversation', 'awaiting_action') OR (c.status = 'closed' AND c.outcome IN ('resolved', 'not_resolved'))
                 OR s.started_at IS NOT NULL) AS engaged,
               (s.completed_at IS NOT NULL OR (c.status = 'closed' AND c.outcome IN ('resolved', 'not_resolved'))) AS completed
          FROM followup_case_facts c JOIN r ON r.response_id = c.response_id
          LEFT JOIN interviews_session_facts s ON s.case_id = c.case_id),
      cc AS (
        SELECT c.*, CASE WHEN NOT completed THEN false
                 WHEN EXISTS (SELECT 1 FROM insights_coding_facts k WHERE k.source_type = 'response'
                               AND k.source_id = c.response_id AND k.status <> 'rejected') THEN true
                 ELSE c.session_id IS NOT NULL AND EXISTS (SELECT 1 FROM insights_coding_facts k
                               WHERE k.source_type = 'interview' AND k.source_id = c.session_id AND k.status <> 'rejected')
               END AS identified
          FROM c)""";


  /**
   * Outcome rows ({@code g}): each detractor and each response a rule decided to follow up, with its case, its later
   * score (the contact's next response within the recovery window: the same whatever the period) and whether its
   * account churned within the churn window. Needs {@code r}, {@code :from}, {@code :to}, {@code :recovery}, {@code :churn}.
   */
  static final String OUTCOME_ROWS = """
        x0 AS (
          SELECT r.response_id, r.contact_id, r.responded_at, r.category, r.account_id, r.day, r.tier, r.program,
                 r.touchpoint, r.kind, d.follow_up, d.holdout, c.first_contact_at, c.due_at
            FROM r LEFT JOIN triggers_decision_facts d ON d.response_id = r.response_id
                   LEFT JOIN followup_case_facts c ON c.response_id = r.response_id
           WHERE r.category = 'detractor' OR d.follow_up OR d.holdout),
        nxt AS (
          -- each response's next response by the same contact: one sort instead of a lookup per response
          SELECT f.response_id, lead(f.score) OVER w AS next_score, lead(f.responded_at) OVER w AS next_at
            FROM responses_response_facts f
           WHERE f.contact_id IN (SELECT contact_id FROM x0)
             AND f.responded_at >= :from AND f.responded_at < CAST(:to AS timestamptz) + make_interval(secs => :recovery)
          WINDOW w AS (PARTITION BY f.contact_id ORDER BY f.responded_at, f.response_id)),
        x AS (
          SELECT x0.*,
                 CASE WHEN n.next_at > x0.responded_at AND n.next_at <= x0.responded_at + make_interval(secs => :recovery)
                      THEN n.next_score END AS later,
                 (x0.account_id IS NOT NULL AND EXISTS (SELECT 1 FROM responses_account_event_facts e
                   WHERE e.account_id = x0.account_id AND e.kind = 'churned' AND e.event_date >= x0.responded_at::date
                     AND e.event_date <= (x0.responded_at + make_interval(secs => :churn))::date)) AS churned
            FROM x0 LEFT JOIN nxt n ON n.response_id = x0.response_id),
        g AS (
          SELECT x.*,
                 CASE WHEN first_contact_at IS NULL THEN 'never' WHEN first_contact_at <= due_at THEN 'sla' ELSE 'late' END AS status
            FROM x)""";

  /** The funnel's sufficient statistics per day and segment, in {@code reporting_rollup_day}'s column order (needs r, cc). */
  static final String DAY_PARTIALS = """
        SELECT r.day, r.tier, r.program, r.touchpoint, r.kind,
               count(*) FILTER (WHERE r.score >= 9) AS promoters,
               count(*) FILTER (WHERE r.score BETWEEN 7 AND 8) AS passives,
               count(*) FILTER (WHERE r.score <= 6) AS detractors,
               count(cc.case_id) AS cases,
               count(*) FILTER (WHERE cc.first_contact_at IS NOT NULL AND cc.first_contact_at <= cc.due_at) AS sla_k,
               count(cc.first_contact_at) AS contacted,
               coalesce(array_agg(cc.due_at) FILTER (WHERE cc.case_id IS NOT NULL AND cc.first_contact_at IS NULL),
                        '{}') AS uncontacted_due,
               coalesce(array_agg(CAST(extract(epoch FROM cc.first_contact_at - cc.opened_at) AS float8))
                          FILTER (WHERE cc.first_contact_at IS NOT NULL), '{}') AS contact_secs,
               count(*) FILTER (WHERE cc.reached) AS reached,
               count(*) FILTER (WHERE cc.reached AND cc.engaged) AS engaged,
               count(cc.session_id) AS sessions,
               count(cc.completed_at) AS sessions_completed,
               count(*) FILTER (WHERE cc.completed) AS completed,
               count(*) FILTER (WHERE cc.completed AND cc.identified) AS identified,
               count(cc.session_id) FILTER (WHERE cc.channel = 'interview') AS ai_interviews,
               count(*) FILTER (WHERE cc.channel = 'call' AND cc.reached) AS calls,
               count(*) FILTER (WHERE cc.channel = 'email' AND cc.reached) AS emails
          FROM r LEFT JOIN cc ON cc.response_id = r.response_id
         GROUP BY r.day, r.tier, r.program, r.touchpoint, r.kind""";

  /** Mechanisms identified in completed follow-ups, per day and segment (needs r, c). */
  static final String MECHANISM_PARTIALS = """
        SELECT r.day, r.tier, r.program, r.touchpoint, r.kind, k.mechanism
          FROM c JOIN r ON r.response_id = c.response_id JOIN insights_coding_facts k ON k.source_type = 'response'
               AND k.source_id = c.response_id AND k.status <> 'rejected' WHERE c.completed
        UNION
        SELECT r.day, r.tier, r.program, r.touchpoint, r.kind, k.mechanism
          FROM c JOIN r ON r.response_id = c.response_id JOIN insights_coding_facts k ON k.source_type = 'interview'
               AND k.source_id = c.session_id AND k.status <> 'rejected' WHERE c.completed""";

  /** Per unit set, each unit's first response of the day and segment, in {@code reporting_rollup_unit}'s order (needs g). */
  static final String UNIT_PARTIALS = """
        SELECT DISTINCT ON (unit_set, unit, day, tier, program, touchpoint, kind) * FROM (""" + String.join("\n UNION ALL ",
      unitSet(1, "coalesce(contact_id, response_id)", "category = 'detractor' AND later IS NOT NULL"),
      unitSet(2, "account_id", "category = 'detractor' AND account_id IS NOT NULL"),
      unitSet(3, "coalesce(contact_id, response_id)", "(follow_up OR holdout) AND later IS NOT NULL"),
      unitSet(4, "account_id", "(follow_up OR holdout) AND account_id IS NOT NULL"),
      unitSet(5, "account_id", "category = 'detractor' AND first_contact_at IS NOT NULL AND later >= 7 AND account_id IS NOT NULL"))
      + """
        ) units ORDER BY unit_set, unit, day, tier, program, touchpoint, kind, responded_at, response_id""";

  private static String unitSet(int set, String unit, String where) {
    return "SELECT day, tier, program, touchpoint, kind, CAST(" + set + " AS smallint) AS unit_set, " + unit
        + " AS unit, responded_at, response_id, first_contact_at IS NOT NULL AS contacted, status, CAST(later AS integer) AS later,"
        + " churned, follow_up, holdout FROM g WHERE " + where;
  }

  /**
   * The four queries (funnel, mechanisms, outcomes, half-life) run side by side on their own connections, so the
   * report takes as long as the slowest; each reads its own snapshot, which a report of past periods can afford.
   */
  public Report report(Segment segment) {
    return report(segment, useRollup(segment));
  }

  /** The report computed from the rows only, as before the rollups: the reference they are tested against. */
  public Report rowLevel(Segment segment) {
    return report(segment, false);
  }

  private Report report(Segment segment, boolean rollup) {
    Instant now = clock.instant();
    List<Metric> funnel = new ArrayList<>(), mechanisms = new ArrayList<>(), outcomes = new ArrayList<>();
    List<TrendPoint> trend = new ArrayList<>();
    Map<String, Long> millis = new java.util.concurrent.ConcurrentHashMap<>();
    Double cost;
    long recovered;
    List<InterventionHalfLife> halfLives;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Double> f = pool.submit(() -> timed(millis, "funnel", () -> funnel(segment, now, funnel, trend, rollup)));
      Future<Object> m = pool.submit(() -> timed(millis, "mechanisms", () -> {
        mechanisms(segment, mechanisms, rollup);
        return null;
      }));
      Future<Long> o = pool.submit(() -> timed(millis, "outcomes", () -> outcomes(segment, outcomes, rollup)));
      Future<List<InterventionHalfLife>> h = pool.submit(() -> timed(millis, "halfLife", () -> halfLives(segment, now)));
      cost = result(f);
      result(m);
      recovered = result(o);
      halfLives = result(h);
    }
    List<Metric> metrics = new ArrayList<>(funnel);
    metrics.addAll(mechanisms);
    metrics.addAll(outcomes);
    if (cost != null) {
      metrics.add(new Metric("cost_per_recovered_account", "Cost per recovered account",
          "Follow-up cost divided by accounts with a contacted detractor whose later score was 7 or more.", null,
          "money", recovered == 0 ? null : cost / recovered, null, recovered, null,
          recovered == 0 ? "no recovered accounts" : null, null));
    }
    metrics.add(halfLifeSummary(halfLives));
    Map<String, Long> ordered = new LinkedHashMap<>();
    for (String q : List.of("funnel", "mechanisms", "outcomes", "halfLife")) ordered.put(q, millis.get(q));
    return new Report(segment, metrics, halfLives, trend, ordered);
  }

  private static <T> T timed(Map<String, Long> millis, String query, java.util.concurrent.Callable<T> work) throws Exception {
    long t = System.nanoTime();
    try {
      return work.call();
    } finally {
      millis.put(query, (System.nanoTime() - t) / 1_000_000);
    }
  }

  private static <T> T result(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Adds the funnel metrics; returns the follow-up cost when costs are configured. */
  private Double funnel(Segment segment, Instant now, List<Metric> metrics, List<TrendPoint> trend, boolean rollup) {
    MapSqlParameterSource p = params(segment, rollup).addValue("now", Timestamp.from(now));
    String sql = with(segment, p, rollup) + ",\n" + CASES + (rollup ? """
        ,
        live AS (""" + DAY_PARTIALS + """
        ),
        parts AS MATERIALIZED (SELECT *""" + cleanRows("reporting_rollup_day", segment, p) + """
         UNION ALL SELECT * FROM live)
        SELECT month, GROUPING(month) AS overall,
               sum(cases) AS cases,
               sum(contacted) + sum((SELECT count(*) FROM unnest(uncontacted_due) due WHERE due <= :now)) AS sla_n,
               sum(sla_k) AS sla_k,
               sum(contacted) AS contacted,
               CASE WHEN GROUPING(month) = 1 THEN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x)
                                                     FROM parts, unnest(contact_secs) x) END AS median_s,
               CASE WHEN GROUPING(month) = 1 THEN (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY x)
                                                     FROM parts, unnest(contact_secs) x) END AS p90_s,
               sum(reached) AS reached, sum(engaged) AS engaged, sum(sessions) AS sessions,
               sum(sessions_completed) AS sessions_completed, sum(completed) AS completed, sum(identified) AS identified,
               sum(ai_interviews) AS ai_interviews, sum(calls) AS calls, sum(emails) AS emails
          FROM (SELECT to_char(day, 'YYYY-MM') AS month, * FROM parts) parts_by_month
         GROUP BY GROUPING SETS ((month), ())
        HAVING GROUPING(month) = 1 OR sum(cases) > 0
         ORDER BY overall DESC, month""" : """

        SELECT month, GROUPING(month) AS overall,
               count(*) AS cases,
               count(*) FILTER (WHERE first_contact_at IS NOT NULL OR due_at <= :now) AS sla_n,
               count(*) FILTER (WHERE first_contact_at IS NOT NULL AND first_contact_at <= due_at) AS sla_k,
               count(*) FILTER (WHERE first_contact_at IS NOT NULL) AS contacted,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_contact_at - opened_at))
                 FILTER (WHERE first_contact_at IS NOT NULL) AS median_s,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_contact_at - opened_at))
                 FILTER (WHERE first_contact_at IS NOT NULL) AS p90_s,
               count(*) FILTER (WHERE reached) AS reached,
               count(*) FILTER (WHERE reached AND engaged) AS engaged,
               count(session_id) AS sessions,
               count(completed_at) AS sessions_completed,
               count(*) FILTER (WHERE completed) AS completed,
               count(*) FILTER (WHERE completed AND identified) AS identified,
               count(session_id) FILTER (WHERE channel = 'interview') AS ai_interviews,
               count(*) FILTER (WHERE channel = 'call' AND reached) AS calls,
               count(*) FILTER (WHERE channel = 'email' AND reached) AS emails
          FROM (SELECT cc.*, to_char(responded_at AT TIME ZONE :zone, 'YYYY-MM') AS month FROM cc) cc
         GROUP BY GROUPING SETS ((month), ())
         ORDER BY overall DESC, month""");
    Map<String, Object> total = null;
    for (Map<String, Object> row : rollup ? rollups.read(() -> jdbc.queryForList(sql, p)) : jdbc.queryForList(sql, p)) {
      if (((Number) row.get("overall")).intValue() == 1) {
        total = row;
      } else {
        trend.add(new TrendPoint((String) row.get("month"), n(row, "cases"),
            ProgramMetricsFormulas.rate(n(row, "sla_k"), n(row, "sla_n")),
            ProgramMetricsFormulas.rate(n(row, "sessions_completed"), n(row, "sessions")),
            ProgramMetricsFormulas.rate(n(row, "identified"), n(row, "completed"))));
      }
    }
    if (total == null) total = Map.of();
    metrics.add(rate("follow_up_within_sla", "Follow-up within SLA",
        "Share of cases opened for the period's responses whose first contact came before the SLA deadline. "
            + "Cases not yet contacted whose deadline has not passed are left out.",
        "100%", n(total, "sla_k"), n(total, "sla_n")));
    Double median = d(total, "median_s"), p90 = d(total, "p90_s");
    metrics.add(new Metric("time_to_first_contact", "Time to first contact",
        "Median hours from a case opening to its first contact attempt, over contacted cases; the 90th percentile "
            + "is in the parts.", null, "hours", median == null ? null : median / 3600, null, n(total, "contacted"), null,
        median == null ? "no contacted cases" : null,
        List.of(new Metric("time_to_first_contact_p90", "Time to first contact, 90th percentile",
            "90% of contacted cases were first contacted within this many hours.", null, "hours",
            p90 == null ? null : p90 / 3600, null, n(total, "contacted"), null, null, null))));
    metrics.add(rate("follow_up_response", "Response rate to follow-up",
        "Share of reached cases (contacted, or invited to an interview) where the customer answered: the "
            + "conversation started, the interview was started, or the case closed resolved or not resolved.",
        null, n(total, "engaged"), n(total, "reached")));
    metrics.add(rate("interview_completion", "Interview completion rate",
        "Share of interview sessions (AI interviews and calls) of the period's cases that were completed.",
        "30–45%", n(total, "sessions_completed"), n(total, "sessions")));
    metrics.add(rate("mechanism_identification", "Mechanism identification rate",
        "Share of completed follow-ups (a completed interview, or a case closed resolved or not resolved) with at "
            + "least one coding that was not rejected, on the interview transcript or the response's comment.",
        "85%+", n(total, "identified"), n(total, "completed")));
    if (settings.costsConfigured()) {
      double cost = ProgramMetricsFormulas.followUpCost(n(total, "ai_interviews"), n(total, "calls"), n(total, "emails"),
          settings.costPerInterview(), settings.costPerCall(), settings.costPerEmail());
      long completed = n(total, "sessions_completed");
      metrics.add(new Metric("cost_per_completed_interview", "Cost per completed interview",
          "Follow-up cost (AI interviews invited × cost per interview + calls reached × cost per call + emails reached "
              + "× cost per email) divided by completed interviews.", null, "money",
          completed == 0 ? null : cost / completed, null, completed, null, completed == 0 ? "no completed interviews" : null,
          null));
      return cost;
    }
    return null;
  }

  private void mechanisms(Segment segment, List<Metric> metrics, boolean rollup) {
    MapSqlParameterSource p = params(segment, rollup);
    String sql = with(segment, p, rollup) + ",\n" + CASES + (rollup ? """
        ,
        live AS (""" + MECHANISM_PARTIALS + """
        ),
        m AS (SELECT mechanism""" + cleanRows("reporting_rollup_mechanism", segment, p) + """
         UNION SELECT mechanism FROM live),""" : """
        ,
        m AS (
          SELECT k.mechanism FROM c JOIN insights_coding_facts k ON k.source_type = 'response'
                 AND k.source_id = c.response_id AND k.status <> 'rejected' WHERE c.completed
          UNION
          SELECT k.mechanism FROM c JOIN insights_coding_facts k ON k.source_type = 'interview'
                 AND k.source_id = c.session_id AND k.status <> 'rejected' WHERE c.completed),""") + """
        i AS (
          SELECT DISTINCT f.intervention_id, f.status FROM actions_intervention_facts f JOIN m ON m.mechanism = f.mechanism
           WHERE f.status IN ('committed', 'in_progress', 'shipped', 'verified'))
        SELECT (SELECT count(*) FROM m) AS mechanisms,
               (SELECT count(*) FROM m WHERE EXISTS (SELECT 1 FROM actions_intervention_facts f WHERE f.mechanism = m.mechanism
                   AND f.status IN ('committed', 'in_progress', 'shipped', 'verified'))) AS converted,
               (SELECT count(*) FROM i) AS interventions,
               (SELECT count(*) FROM i WHERE status IN ('shipped', 'verified')) AS resolved""";
    Map<String, Object> row = rollup ? rollups.read(() -> jdbc.queryForMap(sql, p)) : jdbc.queryForMap(sql, p);
    metrics.add(rate("action_conversion", "Action conversion rate",
        "Share of the mechanisms identified in completed follow-ups that have an intervention committed, in "
            + "progress, shipped or verified.", "60%+", n(row, "converted"), n(row, "mechanisms")));
    metrics.add(rate("resolution", "Resolution rate",
        "Share of those mechanisms' committed-or-later interventions that were shipped or verified.", null,
        n(row, "resolved"), n(row, "interventions")));
  }

  /** Adds the outcome metrics; returns the accounts recovered (for the cost per recovered account). */
  private long outcomes(Segment segment, List<Metric> metrics, boolean rollup) {
    MapSqlParameterSource p = params(segment, rollup)
        .addValue("recovery", settings.recoveryWindow().toSeconds())
        .addValue("churn", settings.churnWindow().toSeconds());
    if (!rollup) p.addValue("from", Timestamp.from(segment.from())).addValue("to", Timestamp.from(segment.to()));
    String sql = with(segment, p, rollup) + ",\n" + OUTCOME_ROWS + ",\n" + (rollup ? """
        live AS (""" + UNIT_PARTIALS + """
        ),
        u AS MATERIALIZED (
          SELECT DISTINCT ON (unit_set, unit) * FROM (SELECT *""" + cleanRows("reporting_rollup_unit", segment, p) + """
                 UNION ALL SELECT * FROM live) q
           ORDER BY unit_set, unit, responded_at, response_id)
        SELECT * FROM
          (SELECT count(*) FILTER (WHERE contacted) AS rf_n, avg(later) FILTER (WHERE contacted) AS rf_mean,
                  stddev_samp(later) FILTER (WHERE contacted) AS rf_sd,
                  count(*) FILTER (WHERE NOT contacted) AS rn_n, avg(later) FILTER (WHERE NOT contacted) AS rn_mean,
                  stddev_samp(later) FILTER (WHERE NOT contacted) AS rn_sd
             FROM u WHERE unit_set = 1) recovery,
          (SELECT count(*) FILTER (WHERE status = 'sla') AS cs_n,
                  count(*) FILTER (WHERE status = 'sla' AND churned) AS cs_k,
                  count(*) FILTER (WHERE status = 'late') AS cl_n,
                  count(*) FILTER (WHERE status = 'late' AND churned) AS cl_k,
                  count(*) FILTER (WHERE status = 'never') AS cn_n,
                  count(*) FILTER (WHERE status = 'never' AND churned) AS cn_k
             FROM u WHERE unit_set = 2) churn,
          (SELECT count(*) FILTER (WHERE follow_up) AS df_n, avg(later) FILTER (WHERE follow_up) AS df_mean,
                  stddev_samp(later) FILTER (WHERE follow_up) AS df_sd,
                  count(*) FILTER (WHERE holdout) AS dh_n, avg(later) FILTER (WHERE holdout) AS dh_mean,
                  stddev_samp(later) FILTER (WHERE holdout) AS dh_sd
             FROM u WHERE unit_set = 3) dividend,
          (SELECT count(*) FILTER (WHERE follow_up) AS dfc_n, count(*) FILTER (WHERE follow_up AND churned) AS dfc_k,
                  count(*) FILTER (WHERE holdout) AS dhc_n, count(*) FILTER (WHERE holdout AND churned) AS dhc_k
             FROM u WHERE unit_set = 4) dividend_churn,
          (SELECT count(*) AS recovered_accounts FROM u WHERE unit_set = 5) recovered""" : """
        -- one row per unit, its first response in scope: a contact for later scores (the holdout arm is drawn per
        -- contact), an account for churn. A contact or account with several responses would otherwise count several
        -- times, and the intervals, which assume independent units, would come out too narrow.
        recovery_units AS (
          SELECT DISTINCT ON (coalesce(contact_id, response_id)) * FROM g
           WHERE category = 'detractor' AND later IS NOT NULL ORDER BY coalesce(contact_id, response_id), responded_at, response_id),
        churn_units AS (
          SELECT DISTINCT ON (account_id) * FROM g
           WHERE category = 'detractor' AND account_id IS NOT NULL ORDER BY account_id, responded_at, response_id),
        arm_contacts AS (
          SELECT DISTINCT ON (coalesce(contact_id, response_id)) * FROM g
           WHERE (follow_up OR holdout) AND later IS NOT NULL ORDER BY coalesce(contact_id, response_id), responded_at, response_id),
        arm_accounts AS (
          SELECT DISTINCT ON (account_id) * FROM g
           WHERE (follow_up OR holdout) AND account_id IS NOT NULL ORDER BY account_id, responded_at, response_id)
        SELECT * FROM
          (SELECT count(*) FILTER (WHERE first_contact_at IS NOT NULL) AS rf_n,
                  avg(later) FILTER (WHERE first_contact_at IS NOT NULL) AS rf_mean,
                  stddev_samp(later) FILTER (WHERE first_contact_at IS NOT NULL) AS rf_sd,
                  count(*) FILTER (WHERE first_contact_at IS NULL) AS rn_n,
                  avg(later) FILTER (WHERE first_contact_at IS NULL) AS rn_mean,
                  stddev_samp(later) FILTER (WHERE first_contact_at IS NULL) AS rn_sd
             FROM recovery_units) recovery,
          (SELECT count(*) FILTER (WHERE status = 'sla') AS cs_n,
                  count(*) FILTER (WHERE status = 'sla' AND churned) AS cs_k,
                  count(*) FILTER (WHERE status = 'late') AS cl_n,
                  count(*) FILTER (WHERE status = 'late' AND churned) AS cl_k,
                  count(*) FILTER (WHERE status = 'never') AS cn_n,
                  count(*) FILTER (WHERE status = 'never' AND churned) AS cn_k
             FROM churn_units) churn,
          (SELECT count(*) FILTER (WHERE follow_up) AS df_n, avg(later) FILTER (WHERE follow_up) AS df_mean,
                  stddev_samp(later) FILTER (WHERE follow_up) AS df_sd,
                  count(*) FILTER (WHERE holdout) AS dh_n, avg(later) FILTER (WHERE holdout) AS dh_mean,
                  stddev_samp(later) FILTER (WHERE holdout) AS dh_sd
             FROM arm_contacts) dividend,
          (SELECT count(*) FILTER (WHERE follow_up) AS dfc_n, count(*) FILTER (WHERE follow_up AND churned) AS dfc_k,
                  count(*) FILTER (WHERE holdout) AS dhc_n, count(*) FILTER (WHERE holdout AND churned) AS dhc_k
             FROM arm_accounts) dividend_churn,
          (SELECT count(DISTINCT account_id) FILTER (WHERE category = 'detractor' AND first_contact_at IS NOT NULL AND later >= 7)
                  AS recovered_accounts FROM g) recovered""");
    Map<String, Object> row = rollup ? rollups.read(() -> jdbc.queryForMap(sql, p)) : jdbc.queryForMap(sql, p);
    long recoveryDays = settings.recoveryWindow().toDays(), churnDays = settings.churnWindow().toDays();

    Sample followed = sample(row, "rf"), notFollowed = sample(row, "rn");
    metrics.add(meanDifference("score_recovery", "Score recovery",
        "Mean later score (the contact's next response within " + recoveryDays + " days; each contact once, by its "
            + "first detractor response in the period) of detractors who were "
            + "contacted minus that of detractors who were never contacted, with Welch's 95% interval. Not a "
            + "randomised comparison: the holdout (listening dividend) is.", followed, notFollowed, 2,
        "followed up", "not followed up"));

    Metric sla = churnPart("churn_within_sla", "Followed up within SLA", n(row, "cs_k"), n(row, "cs_n"));
    Metric late = churnPart("churn_late", "Followed up late", n(row, "cl_k"), n(row, "cl_n"));
    Metric never = churnPart("churn_never", "Never followed up", n(row, "cn_k"), n(row, "cn_n"));
    long kSla = n(row, "cs_k"), nSla = n(row, "cs_n"), kNever = n(row, "cn_k"), nNever = n(row, "cn_n");
    Interval delta = nSla > 0 && nNever > 0 ? Proportions.newcombe(kNever, nNever, kSla, nSla, ProgramMetricsFormulas.CONFIDENCE) : null;
    Double deltaValue = nSla > 0 && nNever > 0 ? (double) kNever / nNever - (double) kSla / nSla : null;
    metrics.add(new Metric("retention_delta", "Retention delta (within SLA vs never)",
        "Churn rate of detractors' accounts never followed up minus that of those followed up within SLA (churned = "
            + "a churn event within " + churnDays + " days of the score), with Newcombe's 95% interval; the parts give "
            + "each group's churn rate with Wilson intervals. Positive = following up in time went with less churn.",
        null, "share", deltaValue, null, null, delta, deltaValue == null ? "needs detractors in both groups" : null,
        List.of(sla, late, never)));

    int min = settings.minimumArm();
    Sample arm = sample(row, "df"), hold = sample(row, "dh");
    Metric score = meanDifference("dividend_score", "Later score: followed up − holdout",
        "Difference in mean later score between the followed-up arm and the holdout arm (each contact once), Welch's "
            + "95% interval.", arm, hold, Math.max(2, min), "followed up", "holdout");
    long fk = n(row, "dfc_k"), fn = n(row, "dfc_n"), hk = n(row, "dhc_k"), hn = n(row, "dhc_n");
    Metric churn = fn < min || hn < min
        ? new Metric("dividend_churn", "Churn: holdout − followed up",
            "Churn rate of the holdout arm minus the followed-up arm (each account once), Newcombe's 95% interval.", null, "share", null, null,
            null, null, "not enough data: needs " + min + " accounts in each arm (have " + fn + " and " + hn + ")",
            null)
        : new Metric("dividend_churn", "Churn: holdout − followed up",
            "Churn rate of the holdout arm minus the followed-up arm (each account once), Newcombe's 95% interval.", null, "share",
            (double) hk / hn - (double) fk / fn, null, null, Proportions.newcombe(hk, hn, fk, fn, ProgramMetricsFormulas.CONFIDENCE),
            null, List.of(churnPart("dividend_churn_followed", "Followed-up arm", fk, fn),
                churnPart("dividend_churn_holdout", "Holdout arm", hk, hn)));
    metrics.add(new Metric("listening_dividend", "Listening dividend",
        "What following up is worth, measured against the holdout: responses a rule decided to follow up, split into "
            + "the followed-up arm and the randomly held-out arm (followthrough.triggers.holdout-share).", null, null,
        null, null, null, null, null, List.of(score, churn)));

    return n(row, "recovered_accounts");
  }

  private List<InterventionHalfLife> halfLives(Segment segment, Instant now) {
    MapSqlParameterSource p = new MapSqlParameterSource().addValue("from", Timestamp.from(segment.from()))
        .addValue("to", Timestamp.from(segment.to())).addValue("now", Timestamp.from(now))
        .addValue("weeks", settings.halfLifeWeeks()).addValue("tier", segment.tier(), java.sql.Types.VARCHAR);
    // Weeks count from the hour the intervention shipped; texts and mentions are bucketed the same way. Texts are
    // counted once per hour for all interventions, mentions by one join of codings to the interventions' mechanisms.
    String sql = """
        WITH iv AS (
          SELECT intervention_id, min(title) AS title, min(shipped_at) AS shipped_at, array_agg(DISTINCT mechanism) AS mechs,
                 date_trunc('hour', min(shipped_at)) AS h0
            FROM actions_intervention_facts
           WHERE shipped_at IS NOT NULL AND shipped_at >= :from AND shipped_at < :to
           GROUP BY intervention_id),
        span AS (SELECT min(h0) AS lo, least(max(h0) + make_interval(weeks => :weeks), CAST(:now AS timestamptz)) AS hi FROM iv),
        hourly AS (
          SELECT date_trunc('hour', t.responded_at) AS h, count(*) AS n
            FROM insights_text_facts t, span
           WHERE t.responded_at >= span.lo AND t.responded_at < span.hi AND (CAST(:tier AS text) IS NULL OR t.tier = :tier)
           GROUP BY 1),
        texts AS (
          SELECT iv.intervention_id, floor(extract(epoch FROM h.h - iv.h0) / 604800)::int AS week, sum(h.n) AS texts
            FROM iv JOIN hourly h ON h.h >= iv.h0 AND h.h < iv.h0 + make_interval(weeks => :weeks)
           GROUP BY 1, 2),
        mentions AS (
          SELECT m.intervention_id, floor(extract(epoch FROM date_trunc('hour', k.responded_at) - m.h0) / 604800)::int AS week,
                 count(DISTINCT (k.source_type, k.source_id)) AS mentions
            FROM (SELECT iv.intervention_id, iv.h0, unnest(iv.mechs) AS mechanism FROM iv) m
            JOIN insights_coding_facts k ON k.mechanism = m.mechanism AND k.status <> 'rejected'
             AND k.responded_at >= m.h0 AND k.responded_at < m.h0 + make_interval(weeks => :weeks)
             AND k.responded_at < (SELECT hi FROM span) AND (CAST(:tier AS text) IS NULL OR k.tier = :tier)
           GROUP BY 1, 2)
        SELECT iv.intervention_id, iv.title, iv.shipped_at, iv.mechs, t.week, coalesce(t.texts, 0) AS texts,
               coalesce(m.mentions, 0) AS mentions
          FROM iv LEFT JOIN texts t ON t.intervention_id = iv.intervention_id
                  LEFT JOIN mentions m ON m.intervention_id = t.intervention_id AND m.week = t.week
         ORDER BY iv.shipped_at, iv.intervention_id, t.week""";
    Map<UUID, InterventionHalfLife> out = new LinkedHashMap<>();
    Map<UUID, List<Week>> weeks = new LinkedHashMap<>();
    jdbc.query(sql, p, (ResultSet rs) -> {
      UUID id = rs.getObject("intervention_id", UUID.class);
      Instant shipped = rs.getTimestamp("shipped_at").toInstant();
      if (!out.containsKey(id)) {
        out.put(id, new InterventionHalfLife(id, rs.getString("title"), shipped, mechanisms(rs), List.of(), null));
        weeks.put(id, new ArrayList<>());
      }
      int week = rs.getInt("week");
      // only whole weeks: the week still running would read as a drop
      if (!rs.wasNull() && !shipped.plusSeconds((week + 1) * 604800L).isAfter(now)) {
        weeks.get(id).add(new Week(week, rs.getLong("texts"), rs.getLong("mentions")));
      }
    });
    List<InterventionHalfLife> result = new ArrayList<>();
    out.forEach((id, iv) -> result.add(new InterventionHalfLife(id, iv.title(), iv.shippedAt(), iv.mechanisms(),
        List.copyOf(weeks.get(id)), ProgramMetricsFormulas.halfLife(weeks.get(id)))));
    return result;
  }

  private static List<String> mechanisms(ResultSet rs) throws SQLException {
    Object[] a = (Object[]) rs.getArray("mechs").getArray();
    List<String> out = new ArrayList<>();
    for (Object o : a) out.add((String) o);
    return out;
  }

  private Metric halfLifeSummary(List<InterventionHalfLife> halfLives) {
    List<Metric> parts = new ArrayList<>();
    for (InterventionHalfLife h : halfLives) {
      HalfLife f = h.halfLife();
      Interval ci = f.halfLifeDays() == null ? null
          : new Interval(f.low(), f.high() == null ? Double.POSITIVE_INFINITY : f.high(), "ols-t on log rate");
      parts.add(new Metric("half_life:" + h.interventionId(), h.title(),
          "Mechanisms " + String.join(", ", h.mechanisms()) + ", shipped " + h.shippedAt() + ".", null, "days",
          f.halfLifeDays(), null, (long) f.weeksUsed(), ci, f.note(), null));
    }
    return new Metric("mechanism_half_life", "Mechanism half-life",
        "For each intervention shipped in the period: the weekly mention rate of its mechanisms (texts with a "
            + "non-rejected coding to one of them ÷ texts coded that week) over the " + settings.halfLifeWeeks()
            + " weeks after shipping, fitted as exponential decay by least squares on the log rate (weeks without a "
            + "mention left out; at least " + ProgramMetricsFormulas.MIN_HALF_LIFE_WEEKS + " weeks needed). Half-life = "
            + "ln 2 ÷ decay per day, with a 95% interval from the slope's t interval.", null, "days", null, null,
        (long) halfLives.size(), null, halfLives.isEmpty() ? "no intervention shipped in the period" : null, parts);
  }

  private static Metric rate(String key, String name, String definition, String target, long k, long n) {
    return new Metric(key, name, definition, target, "share", ProgramMetricsFormulas.rate(k, n), k, n,
        ProgramMetricsFormulas.rateInterval(k, n), n == 0 ? "no data" : null, null);
  }

  private static Metric churnPart(String key, String name, long k, long n) {
    return rate(key, name + ": churn rate", "Share of these detractors' accounts (each counted once, by its first detractor response in the period) that churned.", null, k, n);
  }

  private static Metric meanDifference(String key, String name, String definition, Sample a, Sample b, int min,
                                       String aName, String bName) {
    List<Metric> parts = List.of(
        new Metric(key + "_a", "Mean later score, " + aName, "", null, "points", a.n() == 0 ? null : a.mean(), null,
            a.n(), null, null, null),
        new Metric(key + "_b", "Mean later score, " + bName, "", null, "points", b.n() == 0 ? null : b.mean(), null,
            b.n(), null, null, null));
    if (a.n() < min || b.n() < min) {
      return new Metric(key, name, definition, null, "points", null, null, null, null,
          "not enough data: needs " + min + " later scores in each group", parts);
    }
    MeanDifference d = Proportions.welch(a, b, ProgramMetricsFormulas.CONFIDENCE);
    return new Metric(key, name, definition, null, "points", d.difference(), null, a.n() + b.n(),
        Double.isNaN(d.interval().low()) ? null : d.interval(), null, parts);
  }

  private static Sample sample(Map<String, Object> row, String prefix) {
    long n = n(row, prefix + "_n");
    Double mean = d(row, prefix + "_mean"), sd = d(row, prefix + "_sd");
    return new Sample(mean == null ? Double.NaN : mean, sd == null ? Double.NaN : sd, n);
  }

  private static long n(Map<String, Object> row, String key) {
    Object v = row.get(key);
    return v == null ? 0 : ((Number) v).longValue();
  }

  private static Double d(Map<String, Object> row, String key) {
    Object v = row.get(key);
    return v == null ? null : ((Number) v).doubleValue();
  }
}
