package dev.followthrough.insights.jdbc;

import dev.followthrough.platform.StageQueue;
import dev.followthrough.platform.WorkCounts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Coding throughput: {@code followthrough_codings_total{status}} (machine, confirmed, corrected, rejected) and
 * {@code followthrough_texts_coded_total{source_type}}; the comments waiting for the live coder are the {@code coding} stage.
 */
@Component
class CodingWorkCounts implements WorkCounts, StageQueue {

  private final JdbcClient jdbc;

  CodingWorkCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Sample> sample(Instant now) {
    List<Sample> out = new java.util.ArrayList<>(jdbc.sql("SELECT status, count(*) AS n FROM insights_coding GROUP BY status")
        .query((rs, i) -> Sample.counter("followthrough.codings", Map.of("status", rs.getString("status")), rs.getLong("n"),
            "mechanism codings, per review status"))
        .list());
    out.addAll(jdbc.sql("SELECT source_type, count(*) AS n FROM insights_text GROUP BY source_type")
        .query((rs, i) -> Sample.counter("followthrough.texts.coded", Map.of("source_type", rs.getString("source_type")),
            rs.getLong("n"), "texts coded: comments (response) and transcripts (interview)"))
        .list());
    return out;
  }

  @Override
  public List<Depth> depths(Instant now) {
    return jdbc.sql("SELECT count(*) AS items, min(queued_at) AS oldest FROM insights_pending WHERE queued_at <= :now")
        .param("now", Timestamp.from(now))
        .query((rs, i) -> Depth.of("coding", rs.getLong("items"), now, rs.getTimestamp("oldest")))
        .list();
  }
}
