package dev.followthrough.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's queues: the pipeline's stage work ({@code platform_work}, one depth per declared {@link Stage},
 * named {@code stage.<name>}, zero when empty; due items only, the oldest by when it was queued), module events not
 * yet handled by their listener (the event publication registry, one per listening module:
 * {@code events.followup}…) and timers that are due but not yet picked by any node ({@code timers}).
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

  private static final String WORK = """
      SELECT stage, count(*) AS items, min(enqueued_at) AS oldest
        FROM platform_work
       WHERE not_before <= :now
       GROUP BY stage
      """;

  private final JdbcClient jdbc;
  private final List<String> stages;

  PlatformQueues(JdbcClient jdbc, List<Stage<?>> stages) {
    this.jdbc = jdbc;
    this.stages = stages.stream().map(Stage::name).sorted().toList();
  }

  @Override
  public List<Depth> depths(Instant now) {
    java.util.Map<String, Depth> work = new java.util.TreeMap<>();
    for (String stage : stages) work.put(stage, new Depth("stage." + stage, 0, java.time.Duration.ZERO));
    jdbc.sql(WORK).param("now", Timestamp.from(now))
        .query((rs, i) -> Depth.of("stage." + rs.getString("stage"), rs.getLong("items"), now, rs.getTimestamp("oldest")))
        .list().forEach(d -> work.put(d.stage().substring("stage.".length()), d));
    List<Depth> out = new java.util.ArrayList<>(work.values());
    out.addAll(jdbc.sql(EVENTS)
        .query((rs, i) -> Depth.of("events." + rs.getString("module"), rs.getLong("items"), now, rs.getTimestamp("oldest")))
        .list());
    out.add(jdbc.sql(TIMERS).param("now", Timestamp.from(now))
        .query((rs, i) -> Depth.of("timers", rs.getLong("items"), now, rs.getTimestamp("oldest"))).single());
    return out;
  }
}
