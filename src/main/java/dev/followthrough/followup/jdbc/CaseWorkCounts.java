package dev.followthrough.followup.jdbc;

import dev.followthrough.platform.WorkCounts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cases: {@code followthrough_cases_opened_total}, {@code _escalated_total}, {@code _sla_breached_total}
 * (closed or open past the deadline without a first contact) and the gauges {@code followthrough_cases_open},
 * {@code followthrough_cases_overdue} (one value each, not per team: a team's series would come and go with its name).
 */
@Component
class CaseWorkCounts implements WorkCounts {

  private final JdbcClient jdbc;

  CaseWorkCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Sample> sample(Instant now) {
    return jdbc.sql("""
            SELECT count(*) AS opened,
                   count(*) FILTER (WHERE escalation_level > 0) AS escalated,
                   count(*) FILTER (WHERE coalesce(first_contact_at, CASE WHEN status = 'closed' THEN closed_at ELSE :now END) > due_at) AS breached,
                   count(*) FILTER (WHERE status <> 'closed') AS open,
                   count(*) FILTER (WHERE status = 'open' AND due_at < :now) AS overdue
              FROM followup_case
            """)
        .param("now", Timestamp.from(now))
        .query((rs, i) -> {
          Map<String, String> none = Map.of();
          return List.of(
              Sample.counter("followthrough.cases.opened", none, rs.getLong("opened"), "follow-up cases opened"),
              Sample.counter("followthrough.cases.escalated", none, rs.getLong("escalated"), "cases escalated at least once"),
              Sample.counter("followthrough.cases.sla.breached", none, rs.getLong("breached"),
                  "cases whose customer was not contacted before the deadline"),
              Sample.gauge("followthrough.cases.open", none, rs.getLong("open"), "cases not closed"),
              Sample.gauge("followthrough.cases.overdue", none, rs.getLong("overdue"), "open cases past their deadline, customer not contacted"));
        })
        .list().stream().flatMap(List::stream).toList();
  }
}
