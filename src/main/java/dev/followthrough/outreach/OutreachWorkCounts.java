package dev.followthrough.outreach;

import dev.followthrough.platform.StageQueue;
import dev.followthrough.platform.WorkCounts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages per channel: {@code followthrough_messages_sent_total}, {@code _failed_attempts_total} (delivery
 * attempts that failed), the gauges {@code followthrough_messages{status}} and
 * {@code followthrough_messages_dead_letters}; and the outbox as the {@code outbox} stage (messages due to send).
 */
@Component
class OutreachWorkCounts implements WorkCounts, StageQueue {

  private final JdbcClient jdbc;

  OutreachWorkCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Sample> sample(Instant now) {
    List<Sample> out = new ArrayList<>();
    jdbc.sql("""
            SELECT channel, status, count(*) AS n FROM outreach_message GROUP BY 1, 2
            """)
        .query((rs, i) -> {
          String channel = rs.getString("channel");
          String status = rs.getString("status");
          long n = rs.getLong("n");
          out.add(Sample.gauge("followthrough.messages", Map.of("channel", channel, "status", status), n,
              "messages in the delivery log, per channel and status"));
          if (status.equals("sent")) out.add(Sample.counter("followthrough.messages.sent", Map.of("channel", channel), n, "messages delivered"));
          if (status.equals("dead"))
            out.add(Sample.gauge("followthrough.messages.dead.letters", Map.of("channel", channel), n, "messages given up on (the dead-letter list)"));
          return n;
        })
        .list();
    // attempts minus the one that delivered or is delivering; a manual retry of a dead letter starts its count again
    jdbc.sql("""
            SELECT channel, sum(greatest(attempts - CASE WHEN status IN ('sent', 'sending') THEN 1 ELSE 0 END, 0)) AS failed
              FROM outreach_message GROUP BY 1
            """)
        .query((rs, i) -> out.add(Sample.counter("followthrough.messages.failed.attempts", Map.of("channel", rs.getString("channel")),
            rs.getLong("failed"), "delivery attempts that failed")))
        .list();
    return out;
  }

  @Override
  public List<Depth> depths(Instant now) {
    return jdbc.sql("""
            SELECT count(*) AS items, min(coalesce(next_attempt_at, not_before)) AS oldest
              FROM outreach_message
             WHERE status = 'pending' AND coalesce(next_attempt_at, not_before) <= :now
            """)
        .param("now", Timestamp.from(now))
        .query((rs, i) -> Depth.of("outbox", rs.getLong("items"), now, rs.getTimestamp("oldest")))
        .list();
  }
}
