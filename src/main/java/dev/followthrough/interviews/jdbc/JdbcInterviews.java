package dev.followthrough.interviews.jdbc;

import dev.followthrough.interviews.InterviewFunnel;
import dev.followthrough.interviews.domain.Guide;
import dev.followthrough.interviews.domain.Interview;
import dev.followthrough.interviews.domain.InterviewResult;
import dev.followthrough.interviews.domain.Moderator.Memory;
import dev.followthrough.interviews.domain.Turn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Guides, sessions and transcripts in PostgreSQL ({@code interviews_*}). */
@Repository
public class JdbcInterviews {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  JdbcInterviews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- guides --------------------------------------------------------------------------------------

  public record GuideRow(Guide guide, Instant createdAt, String createdBy) {}

  /** Stores a guide version; false when that version exists already. */
  public boolean insertGuide(Guide g, String by, Instant now) {
    return jdbc.sql("""
        INSERT INTO interviews_guide (key, version, kind, body, created_at, created_by)
        VALUES (:key, :version, :kind, CAST(:body AS jsonb), :at, :by) ON CONFLICT (key, version) DO NOTHING""")
        .param("key", g.key()).param("version", g.version()).param("kind", g.kind())
        .param("body", JSON.writeValueAsString(g)).param("at", Timestamp.from(now)).param("by", by).update() == 1;
  }

  public Optional<Guide> guide(String key, int version) {
    return jdbc.sql("SELECT body FROM interviews_guide WHERE key = :key AND version = :version")
        .param("key", key).param("version", version).query((rs, i) -> guide(rs)).optional();
  }

  public Optional<GuideRow> latest(String key) {
    return jdbc.sql("SELECT body, created_at, created_by FROM interviews_guide WHERE key = :key ORDER BY version DESC LIMIT 1")
        .param("key", key).query((rs, i) -> guideRow(rs)).optional();
  }

  /** The latest version of every guide. */
  public List<GuideRow> latestGuides() {
    return jdbc.sql("""
        SELECT DISTINCT ON (key) body, created_at, created_by FROM interviews_guide ORDER BY key, version DESC""")
        .query((rs, i) -> guideRow(rs)).list();
  }

  public List<GuideRow> versions(String key) {
    return jdbc.sql("SELECT body, created_at, created_by FROM interviews_guide WHERE key = :key ORDER BY version DESC")
        .param("key", key).query((rs, i) -> guideRow(rs)).list();
  }

  /** Serialises the creation of a guide's next version across nodes. */
  public void lockGuide(String key) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))").param("k", "interviews-guide:" + key).query().singleRow();
  }

  private static GuideRow guideRow(ResultSet rs) throws SQLException {
    return new GuideRow(guide(rs), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
  }

  private static Guide guide(ResultSet rs) throws SQLException {
    return JSON.readValue(rs.getString("body"), Guide.class);
  }

  // ---- sessions ------------------------------------------------------------------------------------

  /** A session with what the interview needs to know about its case. */
  public record Session(Interview interview, UUID responseId, UUID accountId, String category, String channel,
                        Instant invitedAt) {}

  public record NewSession(UUID id, UUID caseId, UUID contactId, UUID responseId, UUID accountId, Integer score,
                           String category, String comment, String channel, Guide guide, Instant invitedAt) {}

  /** Inserts the session unless the case has one; returns whether it was inserted. */
  public boolean insert(NewSession s) {
    return jdbc.sql("""
        INSERT INTO interviews_session (id, case_id, contact_id, response_id, account_id, score, category, comment, channel,
          guide_key, guide_version, status, invited_at, updated_at)
        VALUES (:id, :case, :contact, :response, :account, :score, :category, :comment, :channel, :guide, :version,
          'invited', :at, :at)
        ON CONFLICT (case_id) DO NOTHING""")
        .param("id", s.id()).param("case", s.caseId()).param("contact", s.contactId()).param("response", s.responseId())
        .param("account", s.accountId()).param("score", s.score()).param("category", s.category())
        .param("comment", s.comment()).param("channel", s.channel()).param("guide", s.guide().key())
        .param("version", s.guide().version()).param("at", Timestamp.from(s.invitedAt())).update() == 1;
  }

  public Optional<Session> byCase(UUID caseId) {
    return load("SELECT * FROM interviews_session WHERE case_id = :id", caseId);
  }

  /** The case's session, locked for this transaction (answers to one interview are taken one at a time). */
  public Optional<Session> lockByCase(UUID caseId) {
    return load("SELECT * FROM interviews_session WHERE case_id = :id FOR UPDATE", caseId);
  }

  public Optional<Session> find(UUID id) {
    return load("SELECT * FROM interviews_session WHERE id = :id", id);
  }

  private Optional<Session> load(String sql, UUID id) {
    Optional<Row> row = jdbc.sql(sql).param("id", id).query((rs, i) -> row(rs)).optional();
    return row.map(r -> {
      Guide g = guide(r.guideKey(), r.guideVersion()).orElseThrow();
      List<Turn> turns = turns(r.id());
      Interview iv = new Interview(r.id(), r.caseId(), r.contactId(), g, r.score(), r.comment(), r.moderator(),
          Interview.Status.valueOf(r.status().toUpperCase(java.util.Locale.ROOT)), turns, r.memory(), r.openedAt(),
          r.startedAt(), r.completedAt(), r.result(), r.revision());
      return new Session(iv, r.responseId(), r.accountId(), r.category(), r.channel(), r.invitedAt());
    });
  }

  public List<Turn> turns(UUID sessionId) {
    return jdbc.sql("SELECT * FROM interviews_turn WHERE session_id = :id ORDER BY seq").param("id", sessionId)
        .query((rs, i) -> new Turn(rs.getInt("seq"), rs.getString("speaker"), rs.getString("text"), rs.getString("phase"),
            rs.getString("kind"), rs.getInt("depth"), rs.getTimestamp("at").toInstant())).list();
  }

  /** Writes the interview's state and its new turns (turns are never rewritten once stored). */
  public void save(Interview iv, Instant now) {
    jdbc.sql("""
        UPDATE interviews_session SET status = :status, moderator = :moderator, memory = CAST(:memory AS jsonb),
          depth = :depth, questions = :questions, result = CAST(:result AS jsonb), revision = :revision,
          opened_at = :opened, started_at = :started, completed_at = :completed, updated_at = :now
        WHERE id = :id""")
        .param("id", iv.id()).param("status", iv.status().code()).param("moderator", iv.moderator())
        .param("memory", JSON.writeValueAsString(iv.memory())).param("depth", iv.depth())
        .param("questions", (int) iv.turns().stream().filter(t -> !t.byCustomer() && !t.kind().equals("closing")).count())
        .param("result", iv.result() == null ? null : JSON.writeValueAsString(iv.result())).param("revision", iv.revision())
        .param("opened", ts(iv.openedAt())).param("started", ts(iv.startedAt())).param("completed", ts(iv.completedAt()))
        .param("now", Timestamp.from(now)).update();
    for (Turn t : iv.turns()) {
      jdbc.sql("""
          INSERT INTO interviews_turn (session_id, seq, speaker, text, phase, kind, depth, at)
          VALUES (:id, :seq, :speaker, :text, :phase, :kind, :depth, :at) ON CONFLICT (session_id, seq) DO NOTHING""")
          .param("id", iv.id()).param("seq", t.seq()).param("speaker", t.speaker()).param("text", t.text())
          .param("phase", t.phase()).param("kind", t.kind()).param("depth", t.depth()).param("at", Timestamp.from(t.at()))
          .update();
    }
  }

  // ---- measurement ---------------------------------------------------------------------------------

  /** Per guide: invited → opened → started → completed, depth and duration of completed interviews. */
  public List<InterviewFunnel> funnel(Instant from, Instant to) {
    return jdbc.sql("""
        SELECT guide_key, channel, count(*) AS invited,
               count(opened_at) AS opened,
               count(started_at) AS started,
               count(*) FILTER (WHERE status = 'completed') AS completed,
               count(*) FILTER (WHERE status = 'stopped') AS stopped,
               avg(depth) FILTER (WHERE status = 'completed') AS mean_depth,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - started_at))
                 FILTER (WHERE status = 'completed' AND started_at IS NOT NULL) AS median_seconds
        FROM interviews_session
        WHERE invited_at >= :from AND invited_at < :to
        GROUP BY guide_key, channel ORDER BY guide_key, channel""")
        .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, i) -> new InterviewFunnel(rs.getString("guide_key"), rs.getString("channel"), rs.getLong("invited"),
            rs.getLong("opened"), rs.getLong("started"), rs.getLong("completed"), rs.getLong("stopped"),
            rs.getObject("mean_depth") == null ? null : rs.getDouble("mean_depth"),
            rs.getObject("median_seconds") == null ? null : rs.getDouble("median_seconds"))).list();
  }

  private record Row(UUID id, UUID caseId, UUID contactId, UUID responseId, UUID accountId, Integer score, String category,
                     String comment, String channel, String guideKey, int guideVersion, String moderator, String status,
                     Memory memory, InterviewResult result, int revision, Instant invitedAt, Instant openedAt,
                     Instant startedAt, Instant completedAt) {}

  private static Row row(ResultSet rs) throws SQLException {
    String memory = rs.getString("memory");
    String result = rs.getString("result");
    return new Row(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getObject("contact_id", UUID.class),
        rs.getObject("response_id", UUID.class), rs.getObject("account_id", UUID.class), (Integer) rs.getObject("score"),
        rs.getString("category"), rs.getString("comment"), rs.getString("channel"), rs.getString("guide_key"),
        rs.getInt("guide_version"), rs.getString("moderator"), rs.getString("status"),
        memory == null || memory.equals("{}") ? null : JSON.readValue(memory, Memory.class),
        result == null ? null : JSON.readValue(result, InterviewResult.class), rs.getInt("revision"),
        instant(rs, "invited_at"), instant(rs, "opened_at"), instant(rs, "started_at"), instant(rs, "completed_at"));
  }

  private static Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static Map<String, Object> map(Object o) {
    return JSON.convertValue(o, new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
  }

  /** Contact, response and case of each interview (for close-the-loop notices); unknown ids are skipped. */
  public java.util.Map<UUID, UUID[]> contactsOf(java.util.Collection<UUID> interviewIds) {
    if (interviewIds.isEmpty()) return java.util.Map.of();
    java.util.Map<UUID, UUID[]> out = new java.util.HashMap<>();
    jdbc.sql("SELECT id, contact_id, response_id, case_id FROM interviews_session WHERE id IN (:ids)")
        .param("ids", interviewIds)
        .query(rs -> {
          out.put(rs.getObject(1, UUID.class), new UUID[] {rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
              rs.getObject(4, UUID.class)});
        });
    return out;
  }
}
