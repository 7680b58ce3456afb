package dev.followthrough.reporting;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.followthrough.platform.TimeZoneSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The program-metric and NPS rollups (docs/adr/008-incremental-rollups.md): per local day and segment (tier,
 * program, touchpoint, kind), the sufficient statistics the metrics are computed from. Triggers on the source
 * tables list the changed days ({@code reporting_rollup_dirty}) in the changing transaction; {@link #fold()}
 * recomputes those days from the rows, on a durable timer ({@code reporting-rollup-fold}, one node per run).
 * A read uses the rollup for the period's whole, clean days and recomputes the rest (the dirty days, the partial
 * days at both ends) from the rows in the same statement, so an answer is exact whether or not the fold has run.
 */
@Component
public class Rollups {

  static final String TASK = "reporting-rollup-fold";
  /** Days rewritten per transaction; a longer list is put back as one marker per day. */
  static final int DAYS_PER_FOLD = 31;
  private static final Logger log = LoggerFactory.getLogger(Rollups.class);

  @Configuration(proxyBeanMethods = false)
  static class Timers {
    @Bean
    RecurringTask<Void> reportingRollupFoldTask(RollupSettings settings, ObjectProvider<Rollups> rollups) {
      return Tasks.recurring(TASK, Schedules.fixedDelay(settings.rollupInterval()))
          .execute((instance, context) -> rollups.getObject().fold());
    }
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final RollupSettings settings;
  private final ProgramMetricsSettings metrics;
  private final ZoneId zone;
  private final TransactionTemplate tx;
  private final TransactionTemplate snapshot;
  private final TransactionTemplate readOnly;
  private final SchedulerClient timers;
  private final RecurringTask<Void> task;
  private volatile boolean ready;

  Rollups(NamedParameterJdbcTemplate jdbc, RollupSettings settings, ProgramMetricsSettings metrics, TimeZoneSettings zone,
          PlatformTransactionManager transactions, SchedulerClient timers, RecurringTask<Void> reportingRollupFoldTask) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.metrics = metrics;
    this.zone = zone.timeZone();
    this.tx = new TransactionTemplate(transactions);
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.timers = timers;
    this.task = reportingRollupFoldTask;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!settings.rollups()) return;
    prepare();
    timers.scheduleIfNotExists(task.schedulableInstance(RecurringTask.INSTANCE));
  }

  /**
   * Makes the rollup match this node's settings (zone, recovery and churn windows): when they differ from what it
   * was built with, it is emptied and every day with a response is listed as changed, to be folded again.
   */
  void prepare() {
    tx.executeWithoutResult(s -> {
      jdbc.getJdbcOperations().execute("SELECT pg_advisory_xact_lock(hashtext('reporting_rollup_meta'))");
      MapSqlParameterSource p = new MapSqlParameterSource().addValue("zone", zone.getId())
          .addValue("recovery", metrics.recoveryWindow().toSeconds()).addValue("churn", metrics.churnWindow().toSeconds());
      boolean same = Boolean.TRUE.equals(jdbc.queryForObject("""
          SELECT EXISTS (SELECT 1 FROM reporting_rollup_meta WHERE zone = :zone AND recovery_secs = :recovery
                         AND churn_secs = :churn)""", p, Boolean.class));
      if (same) return;
      log.info("Rebuilding the reporting rollups for zone {}, recovery {}, churn {}", zone, metrics.recoveryWindow(),
          metrics.churnWindow());
      jdbc.update("DELETE FROM reporting_rollup_day", Map.of());
      jdbc.update("DELETE FROM reporting_rollup_mechanism", Map.of());
      jdbc.update("DELETE FROM reporting_rollup_unit", Map.of());
      jdbc.update("""
          INSERT INTO reporting_rollup_meta (zone, recovery_secs, churn_secs, built_at) VALUES (:zone, :recovery, :churn, now())
          ON CONFLICT (id) DO UPDATE SET zone = excluded.zone, recovery_secs = excluded.recovery_secs,
                                         churn_secs = excluded.churn_secs, built_at = excluded.built_at""", p);
      jdbc.update("""
          INSERT INTO reporting_rollup_dirty (lo, hi, at)
          SELECT min(responded_at), max(responded_at), '-infinity' FROM responses_response HAVING count(*) > 0""", Map.of());
    });
    ready = true;
  }

  /**
   * Runs a rollup read in a read-only transaction planned for what it is: a few thousand rollup rows plus the rows
   * of a few days, found by index. Left to itself the planner hash-joins the live days' responses with every case,
   * session and decision (full scans as long as the row-level query's), because it cannot tell how few days are
   * live; and JIT compilation of the large statement costs more than running it.
   */
  <T> T read(java.util.function.Supplier<T> work) {
    return readOnly.execute(s -> {
      jdbc.getJdbcOperations().execute("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SET LOCAL jit = off");
      return work.get();
    });
  }

  /** True when reads may use the rollup: it is on, and built for this node's zone and windows. */
  boolean ready() {
    return settings.rollups() && ready;
  }

  ZoneId zone() {
    return zone;
  }

  /**
   * Folds the listed changes into the rollup; returns the days rewritten. A day changed within the last
   * {@code followthrough.reporting.rollup-interval} is left for a later run: under steady intake today changes all the
   * time, and rewriting it every few seconds would cost more than reading it from the rows. Safe on several nodes.
   */
  public int fold() {
    return fold(settings.rollupInterval());
  }

  /** Folds the changes listed now, except days changed within {@code quiet}; returns the days rewritten. */
  public int fold(java.time.Duration quiet) {
    int total = 0;
    for (int i = 0; i < 1_000; i++) {
      // markers put back (days beyond one transaction's share, days still changing) are taken again next turn;
      // a turn that rewrites nothing (only changing days left) ends the run
      Long last = jdbc.queryForObject("SELECT max(id) FROM reporting_rollup_dirty", Map.of(), Long.class);
      if (last == null) break;
      int days;
      try {
        days = snapshot.execute(s -> foldOnce(last, quiet));
      } catch (ConcurrencyFailureException e) {
        log.debug("Another fold took these days; they are folded there", e);
        return total;
      }
      if (days == 0) break;
      total += days;
    }
    return total;
  }

  /** Days with unfolded changes. */
  public long pending() {
    Long n = jdbc.queryForObject("SELECT count(*) FROM reporting_rollup_dirty", Map.of(), Long.class);
    return n == null ? 0 : n;
  }

  /**
   * One REPEATABLE READ transaction: takes the markers up to {@code last} it can see (a change committed after this
   * snapshot keeps its own marker), puts back one marker per day it does not rewrite now (still changing, or beyond
   * {@link #DAYS_PER_FOLD}), and rewrites the rest from the same snapshot.
   */
  private int foldOnce(long last, java.time.Duration quiet) {
    MapSqlParameterSource p = new MapSqlParameterSource("zone", zone.getId()).addValue("last", last)
        .addValue("quiet", quiet.toMillis() / 1000.0);
    List<Map<String, Object>> rows = jdbc.queryForList("""
        WITH m AS (DELETE FROM reporting_rollup_dirty
                    WHERE id IN (SELECT id FROM reporting_rollup_dirty WHERE id <= :last ORDER BY id LIMIT 10000)
                    RETURNING lo, hi, at)
        SELECT g::date AS day, bool_or(m.at > now() - make_interval(secs => :quiet)) AS changing
          FROM m, generate_series((m.lo AT TIME ZONE :zone)::date, (m.hi AT TIME ZONE :zone)::date, interval '1 day') g
         GROUP BY 1 ORDER BY 1""", p);
    if (rows.isEmpty()) return 0;
    List<LocalDate> days = new ArrayList<>(), later = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      LocalDate day = ((java.sql.Date) row.get("day")).toLocalDate();
      (Boolean.TRUE.equals(row.get("changing")) || days.size() >= DAYS_PER_FOLD ? later : days).add(day);
    }
    if (!later.isEmpty()) {
      // put back as already quiet ('-infinity'): only a new change makes a day "changing" again
      jdbc.update("""
          INSERT INTO reporting_rollup_dirty (lo, hi, at)
          SELECT d::timestamp AT TIME ZONE :zone, d::timestamp AT TIME ZONE :zone, '-infinity' FROM unnest(CAST(:days AS date[])) d""",
          new MapSqlParameterSource("zone", zone.getId()).addValue("days", dateArray(later)));
    }
    if (days.isEmpty()) return 0;
    String list = dateArray(days);
    p.addValue("days", list)
        .addValue("from", Timestamp.from(days.getFirst().minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
        .addValue("to", Timestamp.from(days.getLast().plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()))
        .addValue("recovery", metrics.recoveryWindow().toSeconds())
        .addValue("churn", metrics.churnWindow().toSeconds());
    for (String table : List.of("reporting_rollup_day", "reporting_rollup_mechanism", "reporting_rollup_unit")) {
      jdbc.update("DELETE FROM " + table + " WHERE day = ANY (CAST(:days AS date[]))", p);
    }
    String with = "WITH " + FOLD_SPANS + ",\n" + scope("") + ",\n";
    jdbc.update(with + ProgramMetrics.CASES + "\nINSERT INTO reporting_rollup_day\n" + ProgramMetrics.DAY_PARTIALS, p);
    jdbc.update(with + ProgramMetrics.CASES + "\nINSERT INTO reporting_rollup_mechanism\n" + ProgramMetrics.MECHANISM_PARTIALS, p);
    jdbc.update(with + ProgramMetrics.OUTCOME_ROWS + "\nINSERT INTO reporting_rollup_unit\n" + ProgramMetrics.UNIT_PARTIALS, p);
    return days.size();
  }

  private static String dateArray(List<LocalDate> days) {
    return days.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
  }

  private static final String FOLD_SPANS = """
      spans AS (SELECT d::timestamp AT TIME ZONE :zone AS lo, (d + 1)::timestamp AT TIME ZONE :zone AS hi
                  FROM unnest(CAST(:days AS date[])) d)""";

  /** The local days with unfolded changes ({@code dirty}), for a read. */
  static final String DIRTY = """
      dirty AS (SELECT DISTINCT g::date AS day FROM reporting_rollup_dirty m,
                       generate_series((m.lo AT TIME ZONE :zone)::date, (m.hi AT TIME ZONE :zone)::date, interval '1 day') g)""";

  /**
   * The time spans a read computes from the rows ({@code spans}): the partial days before {@code :d0} and from
   * {@code :d1}, and the dirty days between. Disjoint, and together with the clean rollup days exactly [from, to).
   */
  static final String READ_SPANS = """
      spans AS (
        SELECT lo, hi FROM (VALUES
                 (CAST(:from AS timestamptz), least(CAST(:to AS timestamptz), CAST(:d0 AS date)::timestamp AT TIME ZONE :zone)),
                 (greatest(CAST(:from AS timestamptz), CAST(:d1 AS date)::timestamp AT TIME ZONE :zone), CAST(:to AS timestamptz)))
               e (lo, hi) WHERE lo < hi
        UNION ALL
        SELECT day::timestamp AT TIME ZONE :zone, (day + 1)::timestamp AT TIME ZONE :zone FROM dirty
         WHERE day >= CAST(:d0 AS date) AND day < CAST(:d1 AS date))""";

  /** Rollup rows of the clean whole days in the period; {@code alias} names the rollup table. */
  static String clean(String alias) {
    return alias + ".day >= CAST(:d0 AS date) AND " + alias + ".day < CAST(:d1 AS date) AND " + alias
        + ".day NOT IN (SELECT day FROM dirty)";
  }

  /** The responses in the spans as a CTE named {@code r}, with their local day and segment; {@code where}: "AND …". */
  static String scope(String where) {
    return """
        r AS (SELECT f.response_id, f.contact_id, f.account_id, f.score, f.category, f.responded_at, f.tier, f.program,
                     f.touchpoint, f.kind, (f.responded_at AT TIME ZONE :zone)::date AS day
                FROM spans JOIN responses_response_facts f ON f.responded_at >= spans.lo AND f.responded_at < spans.hi
               WHERE true""" + where + ")";
  }

  /** Adds {@code :from}, {@code :to}, {@code :d0}, {@code :d1} and {@code :zone} for a read of [from, to). */
  MapSqlParameterSource period(MapSqlParameterSource p, Instant from, Instant to) {
    LocalDate first = LocalDate.ofInstant(from, zone);
    LocalDate d0 = from.atZone(zone).toLocalTime().equals(LocalTime.MIDNIGHT) ? first : first.plusDays(1);
    LocalDate d1 = LocalDate.ofInstant(to, zone);
    if (d1.isBefore(d0)) d1 = d0;
    return p.addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)).addValue("zone", zone.getId())
        .addValue("d0", java.sql.Date.valueOf(d0)).addValue("d1", java.sql.Date.valueOf(d1));
  }

  /** Segment conditions on the columns of {@code alias} ("AND …" each); values are bind parameters. */
  static String dims(String alias, String tier, String program, String touchpoint, String kind, MapSqlParameterSource p) {
    List<String> w = new ArrayList<>();
    if (tier != null) { w.add(alias + ".tier = :tier"); p.addValue("tier", tier); }
    if (program != null) { w.add(alias + ".program = :program"); p.addValue("program", program); }
    if (touchpoint != null) { w.add(alias + ".touchpoint = :touchpoint"); p.addValue("touchpoint", touchpoint); }
    if (kind != null) { w.add(alias + ".kind = :kind"); p.addValue("kind", kind); }
    return w.stream().map(c -> " AND " + c).collect(Collectors.joining());
  }
}
