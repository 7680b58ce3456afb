package dev.followthrough.responses.jdbc;

import dev.followthrough.platform.WorkCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code followthrough_responses_recorded_total{source}}: responses stored, per channel. */
@Component
class ResponseWorkCounts implements WorkCounts {

  private final JdbcClient jdbc;

  ResponseWorkCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Sample> sample(Instant now) {
    return jdbc.sql("SELECT source, count(*) AS n FROM responses_response GROUP BY source")
        .query((rs, i) -> Sample.counter("followthrough.responses.recorded", Map.of("source", rs.getString("source")),
            rs.getLong("n"), "responses recorded, per source"))
        .list();
  }
}
