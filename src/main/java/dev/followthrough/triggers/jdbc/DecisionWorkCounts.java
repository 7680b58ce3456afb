package dev.followthrough.triggers.jdbc;

import dev.followthrough.platform.WorkCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code followthrough_decisions_total{rule, follow_up}}: trigger decisions, per rule that decided. */
@Component
class DecisionWorkCounts implements WorkCounts {

  private final JdbcClient jdbc;

  DecisionWorkCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Sample> sample(Instant now) {
    return jdbc.sql("""
            SELECT coalesce(rule_name, '(no rule)') AS rule, follow_up, count(*) AS n
              FROM triggers_decision GROUP BY 1, 2
            """)
        .query((rs, i) -> Sample.counter("followthrough.decisions",
            Map.of("rule", rs.getString("rule"), "follow_up", String.valueOf(rs.getBoolean("follow_up"))), rs.getLong("n"),
            "trigger decisions, per rule and whether they asked for a follow-up"))
        .list();
  }
}
