package dev.followthrough.interviews.jdbc;

import dev.followthrough.platform.WorkCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code followthrough_interviews_completed_total} and the gauge {@code followthrough_interviews{status}} (invited, opened, in_progress…). */
@Component
class InterviewWorkCounts implements WorkCounts {

  private final JdbcClient jdbc;

  InterviewWorkCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Sample> sample(Instant now) {
    List<Sample> out = new java.util.ArrayList<>(jdbc.sql("SELECT status, count(*) AS n FROM interviews_session GROUP BY status")
        .query((rs, i) -> Sample.gauge("followthrough.interviews", Map.of("status", rs.getString("status")), rs.getLong("n"),
            "interview sessions, per current status"))
        .list());
    out.add(Sample.counter("followthrough.interviews.completed", Map.of(),
        jdbc.sql("SELECT count(*) FROM interviews_session WHERE completed_at IS NOT NULL").query(Long.class).single(),
        "interviews the customer completed"));
    return out;
  }
}
