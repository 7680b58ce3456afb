package dev.followthrough.insights.jdbc;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Coded texts with their (not rejected) codings, by mechanism: the evidence behind an intervention. */
@Repository
public class JdbcCodedSources {

  /** One coding of one text, with the text's segment snapshot. */
  public record Row(String sourceType, UUID sourceId, UUID accountId, String accountName, String tier, BigDecimal arr,
                    Integer score, String category, String mechanism, String categoryKey, String evidence,
                    Instant respondedAt) {}

  private static final String SELECT = """
      SELECT t.source_type, t.source_id, t.account_id, t.account_name, t.tier, t.arr, t.score, t.category,
             c.mechanism, c.category_key, c.evidence, t.responded_at
        FROM insights_coding c JOIN insights_text t ON t.id = c.text_id
       WHERE c.status <> 'rejected' AND t.responded_at >= :since""";

  private final JdbcClient jdbc;

  JdbcCodedSources(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Codings to these mechanisms (all mechanisms when null) of texts from {@code since} on, newest first. */
  public List<Row> codings(Collection<String> mechanisms, Instant since) {
    if (mechanisms != null && mechanisms.isEmpty()) return List.of();
    var spec = jdbc.sql(SELECT + (mechanisms == null ? "" : " AND c.mechanism IN (:keys)") + " ORDER BY t.responded_at DESC")
        .param("since", Timestamp.from(since == null ? Instant.EPOCH : since));
    if (mechanisms != null) spec = spec.param("keys", mechanisms);
    return spec.query((rs, i) -> new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
        rs.getString(4), rs.getString(5), rs.getBigDecimal(6), (Integer) rs.getObject(7), rs.getString(8),
        rs.getString(9), rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant())).list();
  }
}
