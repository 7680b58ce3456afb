package dev.followthrough.reporting.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored reports ({@code reporting_report}) and the read contracts reporting builds them from:
 * {@code insights_coding_facts}, {@code insights_text_facts} and {@code actions_intervention_facts}.
 */
@Repository
public class JdbcReports {

  public record Stored(UUID id, String kind, LocalDate start, LocalDate end, String timeZone, String title,
                       Instant generatedAt, String generatedBy, String content, String markdown, Instant deliveredAt) {}

  public record Summary(UUID id, String kind, LocalDate start, LocalDate end, String title, Instant generatedAt,
                        String generatedBy, Instant deliveredAt) {}

  public record CodingFact(String sourceType, UUID sourceId, Integer score, String npsCategory, UUID accountId,
                           String accountName, BigDecimal arr, String mechanism, double confidence, String status,
                           String evidence) {}

  public record MechanismFact(String mechanism, String name, String owner, String categoryKey, String categoryName) {}

  public record InterventionFact(UUID id, String title, String team, String status, String mechanism) {}

  private final JdbcClient jdbc;

  JdbcReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a report unless one exists for its kind and period; empty when it existed (another node, an earlier run). */
  public Optional<UUID> insertIfAbsent(Stored r) {
    return jdbc.sql("""
        INSERT INTO reporting_report (id, kind, period_start, period_end, time_zone, title, generated_at, generated_by, content, markdown)
        VALUES (:id, :kind, :start, :end, :zone, :title, :at, :by, CAST(:content AS jsonb), :markdown)
        ON CONFLICT (kind, period_start, period_end) DO NOTHING
        RETURNING id""").params(params(r)).query(UUID.class).optional();
  }

  /** Stores a report, replacing the content of an existing one for the same kind and period (its id and delivery stay). */
  public UUID upsert(Stored r) {
    return jdbc.sql("""
        INSERT INTO reporting_report (id, kind, period_start, period_end, time_zone, title, generated_at, generated_by, content, markdown)
        VALUES (:id, :kind, :start, :end, :zone, :title, :at, :by, CAST(:content AS jsonb), :markdown)
        ON CONFLICT (kind, period_start, period_end) DO UPDATE
           SET time_zone = excluded.time_zone, title = excluded.title, generated_at = excluded.generated_at,
               generated_by = excluded.generated_by, content = excluded.content, markdown = excluded.markdown
        RETURNING id""").params(params(r)).query(UUID.class).single();
  }

  private static Map<String, Object> params(Stored r) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", r.id());
    p.put("kind", r.kind());
    p.put("start", Date.valueOf(r.start()));
    p.put("end", Date.valueOf(r.end()));
    p.put("zone", r.timeZone());
    p.put("title", r.title());
    p.put("at", Timestamp.from(r.generatedAt()));
    p.put("by", r.generatedBy());
    p.put("content", r.content());
    p.put("markdown", r.markdown());
    return p;
  }

  public Optional<Stored> find(UUID id) {
    return jdbc.sql("""
        SELECT id, kind, period_start, period_end, time_zone, title, generated_at, generated_by, content::text AS content,
               markdown, delivered_at
          FROM reporting_report WHERE id = :id""").param("id", id).query(JdbcReports::stored).optional();
  }

  public Optional<Summary> findByPeriod(String kind, LocalDate start, LocalDate end) {
    return jdbc.sql("""
        SELECT id, kind, period_start, period_end, title, generated_at, generated_by, delivered_at
          FROM reporting_report WHERE kind = :kind AND period_start = :start AND period_end = :end""")
        .param("kind", kind).param("start", Date.valueOf(start)).param("end", Date.valueOf(end))
        .query(JdbcReports::summary).optional();
  }

  public List<Summary> list(int limit) {
    return jdbc.sql("""
        SELECT id, kind, period_start, period_end, title, generated_at, generated_by, delivered_at
          FROM reporting_report ORDER BY period_end DESC, generated_at DESC LIMIT :limit""")
        .param("limit", limit).query(JdbcReports::summary).list();
  }

  /** Claims the one delivery of a report: true for exactly one caller, however many nodes ask. */
  public boolean claimDelivery(UUID id, Instant now) {
    return jdbc.sql("UPDATE reporting_report SET delivered_at = :now WHERE id = :id AND delivered_at IS NULL")
        .param("now", Timestamp.from(now)).param("id", id).update() == 1;
  }

  /** Every coding nobody rejected, of texts answered in [from, to). */
  public List<CodingFact> codings(Instant from, Instant to) {
    return jdbc.sql("""
        SELECT source_type, source_id, score, nps_category, account_id, account_name, arr, mechanism, confidence, status, evidence
          FROM insights_coding_facts
         WHERE responded_at >= :from AND responded_at < :to""")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, i) -> new CodingFact(rs.getString("source_type"), rs.getObject("source_id", UUID.class),
            (Integer) rs.getObject("score", Integer.class), rs.getString("nps_category"), rs.getObject("account_id", UUID.class),
            rs.getString("account_name"), rs.getBigDecimal("arr"), rs.getString("mechanism"), rs.getDouble("confidence"),
            rs.getString("status"), rs.getString("evidence")))
        .list();
  }

  /** Coded texts answered in [from, to) by NPS group. */
  public Map<String, Long> codedTexts(Instant from, Instant to) {
    Map<String, Long> out = new HashMap<>();
    jdbc.sql("""
        SELECT coalesce(nps_category, 'unknown') AS g, count(*) AS n FROM insights_text_facts
         WHERE responded_at >= :from AND responded_at < :to GROUP BY 1""")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query(rs -> {
          out.put(rs.getString("g"), rs.getLong("n"));
        });
    return out;
  }

  /** For each mechanism its most advanced intervention that was not dropped (verified, shipped, in progress, committed, proposed). */
  public List<InterventionFact> interventions() {
    return jdbc.sql("""
        SELECT DISTINCT ON (mechanism) intervention_id, title, team, status, mechanism
          FROM actions_intervention_facts
         WHERE status <> 'dropped'
         ORDER BY mechanism, CASE status WHEN 'verified' THEN 5 WHEN 'shipped' THEN 4 WHEN 'in_progress' THEN 3
                                         WHEN 'committed' THEN 2 ELSE 1 END DESC, created_at DESC""")
        .query((rs, i) -> new InterventionFact(rs.getObject("intervention_id", UUID.class), rs.getString("title"),
            rs.getString("team"), rs.getString("status"), rs.getString("mechanism")))
        .list();
  }

  /** Every mechanism any codebook version defined, as its newest version names it. */
  public List<MechanismFact> mechanisms() {
    return jdbc.sql("SELECT mechanism, name, owner, category_key, category_name FROM insights_mechanism_facts")
        .query((rs, i) -> new MechanismFact(rs.getString("mechanism"), rs.getString("name"), rs.getString("owner"),
            rs.getString("category_key"), rs.getString("category_name")))
        .list();
  }

  private static Summary summary(ResultSet rs, int i) throws SQLException {
    return new Summary(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getObject("period_start", LocalDate.class),
        rs.getObject("period_end", LocalDate.class), rs.getString("title"), rs.getTimestamp("generated_at").toInstant(),
        rs.getString("generated_by"), instant(rs, "delivered_at"));
  }

  private static Stored stored(ResultSet rs, int i) throws SQLException {
    return new Stored(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getObject("period_start", LocalDate.class),
        rs.getObject("period_end", LocalDate.class), rs.getString("time_zone"), rs.getString("title"),
        rs.getTimestamp("generated_at").toInstant(), rs.getString("generated_by"), rs.getString("content"),
        rs.getString("markdown"), instant(rs, "delivered_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
