package dev.followthrough.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's two queues: module events not yet handled by their listener (the event publication
 * registry, one stage per listening module: {@code events.triggers}, {@code events.followup}…) and timers
 * that are due but not yet picked by any node ({@code timers}).
 */
@Component
class PlatformQueues implements StageQueue {

  private static final String EVENTS = """
      SELECT split_part(listener_id, '.', 3) AS module, count(*) AS items, min(publication_date) AS oldest
        FROM event_publication
       WHERE completion_date IS NULL
       GROUP BY 1
      """;

  private static final String TIMERS = """
      SELECT count(*) AS items, min(execution_time) AS oldest
        FROM platform_scheduled_tasks
       WHERE NOT picked AND execution_time <= :now
      """;

  private final JdbcClient jdbc;

  PlatformQueues(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Depth> depths(Instant now) {
    List<Depth> out = new java.util.ArrayList<>(jdbc.sql(EVENTS)
        .query((rs, i) -> Depth.of("events." + rs.getString("module"), rs.getLong("items"), now, rs.getTimestamp("oldest")))
        .list());
    out.add(jdbc.sql(TIMERS).param("now", Timestamp.from(now))
        .query((rs, i) -> Depth.of("timers", rs.getLong("items"), now, rs.getTimestamp("oldest"))).single());
    return out;
  }
}
