package dev.followthrough.actions.jdbc;

import dev.followthrough.actions.domain.Intervention;
import dev.followthrough.actions.domain.Routing;
import dev.followthrough.actions.domain.Status;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Interventions, their mechanisms and status trail, routing rules and the close-the-loop notices. */
@Repository
public class JdbcActions {

  /** One entry of the status trail. */
  public record StatusChange(String from, String to, String note, String by, Instant at) {}

  /** A "you said, we did" notice to one contact. */
  public record Notice(UUID id, UUID interventionId, UUID contactId, UUID accountId, String mechanism, String sourceType,
                       UUID sourceId, UUID responseId, String quote, Integer scoreBefore, String status, String reason,
                       Instant notifiedAt, Instant resurveyDueAt, Instant resurveyedAt, Integer scoreAfter,
                       Instant answeredAt) {}

  /** All optional; {@code lateOn}: only interventions overdue on that day. */
  public record Filter(Status status, String team, LocalDate lateOn, String mechanism) {}

  private static final String INTERVENTION = """
      SELECT i.*, coalesce((SELECT array_agg(m.mechanism ORDER BY m.mechanism) FROM actions_intervention_mechanism m
                             WHERE m.intervention_id = i.id), '{}') AS mechanisms
        FROM actions_intervention i""";

  private final JdbcClient jdbc;

  JdbcActions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- interventions ----------------------------------------------------------------------------------

  public void insert(Intervention i) {
    jdbc.sql("""
        INSERT INTO actions_intervention (id, title, team, outcome, due_on, status, notes, resurvey_days, version,
               created_by, created_at, committed_at, shipped_at, verified_at, updated_at)
        VALUES (:id, :title, :team, :outcome, :dueOn, :status, :notes, :resurveyDays, :version, :createdBy, :createdAt,
               :committedAt, :shippedAt, :verifiedAt, :updatedAt)""")
        .params(params(i)).update();
    replaceMechanisms(i.id(), i.mechanisms());
  }

  /** Stores the new state if nobody changed the row since {@code expectedVersion}; false when someone did. */
  public boolean update(Intervention i, int expectedVersion) {
    int n = jdbc.sql("""
        UPDATE actions_intervention SET title = :title, team = :team, outcome = :outcome, due_on = :dueOn,
               status = :status, notes = :notes, resurvey_days = :resurveyDays, version = :version,
               committed_at = :committedAt, shipped_at = :shippedAt, verified_at = :verifiedAt, updated_at = :updatedAt
         WHERE id = :id AND version = :expected""")
        .params(params(i)).param("expected", expectedVersion).update();
    if (n == 1) replaceMechanisms(i.id(), i.mechanisms());
    return n == 1;
  }

  private static Map<String, Object> params(Intervention i) {
    Map<String, Object> p = new HashMap<>();
    p.put("id", i.id());
    p.put("title", i.title());
    p.put("team", i.team());
    p.put("outcome", i.outcome());
    p.put("dueOn", i.dueOn() == null ? null : Date.valueOf(i.dueOn()));
    p.put("status", i.status().code());
    p.put("notes", i.notes());
    p.put("resurveyDays", i.resurveyDays());
    p.put("version", i.version());
    p.put("createdBy", i.createdBy());
    p.put("createdAt", ts(i.createdAt()));
    p.put("committedAt", ts(i.committedAt()));
    p.put("shippedAt", ts(i.shippedAt()));
    p.put("verifiedAt", ts(i.verifiedAt()));
    p.put("updatedAt", ts(i.updatedAt()));
    return p;
  }

  private void replaceMechanisms(UUID id, List<String> mechanisms) {
    jdbc.sql("DELETE FROM actions_intervention_mechanism WHERE intervention_id = :id").param("id", id).update();
    for (String m : mechanisms) {
      jdbc.sql("INSERT INTO actions_intervention_mechanism (intervention_id, mechanism) VALUES (:id, :m) ON CONFLICT DO NOTHING")
          .param("id", id).param("m", m).update();
    }
  }

  public Optional<Intervention> find(UUID id) {
    return jdbc.sql(INTERVENTION + " WHERE i.id = :id").param("id", id).query(JdbcActions::intervention).optional();
  }

  public void delete(UUID id) {
    jdbc.sql("DELETE FROM actions_intervention WHERE id = :id").param("id", id).update();
  }

  /** Newest first; late ones by due date. */
  public List<Intervention> list(Filter f, int limit) {
    StringBuilder sql = new StringBuilder(INTERVENTION + " WHERE true");
    Map<String, Object> p = new HashMap<>();
    if (f.status() != null) {
      sql.append(" AND i.status = :status");
      p.put("status", f.status().code());
    }
    if (f.team() != null) {
      sql.append(" AND lower(i.team) = :team");
      p.put("team", f.team().toLowerCase(Locale.ROOT));
    }
    if (f.lateOn() != null) {
      sql.append(" AND i.status IN ('proposed', 'committed', 'in_progress') AND i.due_on < :today");
      p.put("today", Date.valueOf(f.lateOn()));
    }
    if (f.mechanism() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM actions_intervention_mechanism m WHERE m.intervention_id = i.id AND m.mechanism = :mech)");
      p.put("mech", f.mechanism());
    }
    sql.append(f.lateOn() != null ? " ORDER BY i.due_on, i.created_at" : " ORDER BY i.created_at DESC");
    sql.append(" LIMIT :limit");
    p.put("limit", limit);
    return jdbc.sql(sql.toString()).params(p).query(JdbcActions::intervention).list();
  }

  public List<String> teams() {
    return jdbc.sql("SELECT DISTINCT team FROM actions_intervention ORDER BY team").query(String.class).list();
  }

  private static Intervention intervention(ResultSet rs, int i) throws SQLException {
    Date due = rs.getDate("due_on");
    String[] mechanisms = (String[]) rs.getArray("mechanisms").getArray();
    return new Intervention(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("team"),
        rs.getString("outcome"), due == null ? null : due.toLocalDate(), Status.parse(rs.getString("status")).orElseThrow(),
        rs.getString("notes"), (Integer) rs.getObject("resurvey_days"), rs.getInt("version"), List.of(mechanisms),
        rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "committed_at"), instant(rs, "shipped_at"),
        instant(rs, "verified_at"), instant(rs, "updated_at"));
  }

  // ---- status trail -------------------------------------------------------------------------------------

  public void appendChange(UUID interventionId, UUID changeId, Status from, Status to, String note, String by, Instant at) {
    jdbc.sql("""
        INSERT INTO actions_status_change (id, intervention_id, from_status, to_status, note, changed_by, changed_at)
        VALUES (:id, :i, :from, :to, :note, :by, :at)""")
        .param("id", changeId).param("i", interventionId).param("from", from == null ? null : from.code())
        .param("to", to.code()).param("note", note).param("by", by).param("at", ts(at)).update();
  }

  public List<StatusChange> trail(UUID interventionId) {
    return jdbc.sql("""
        SELECT from_status, to_status, note, changed_by, changed_at FROM actions_status_change
         WHERE intervention_id = :i ORDER BY changed_at, id""")
        .param("i", interventionId)
        .query((rs, n) -> new StatusChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant())).list();
  }

  // ---- routing rules ------------------------------------------------------------------------------------

  public List<Routing.Rule> rules() {
    return jdbc.sql("SELECT kind, key, team FROM actions_routing_rule ORDER BY kind DESC, key")
        .query((rs, n) -> new Routing.Rule(Routing.Kind.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getString(2),
            rs.getString(3))).list();
  }

  public void saveRule(Routing.Rule r, String by, Instant at) {
    jdbc.sql("""
        INSERT INTO actions_routing_rule (kind, key, team, updated_by, updated_at) VALUES (:kind, :key, :team, :by, :at)
        ON CONFLICT (kind, key) DO UPDATE SET team = excluded.team, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
        .param("kind", r.kind().name().toLowerCase(Locale.ROOT)).param("key", r.key()).param("team", r.team())
        .param("by", by).param("at", ts(at)).update();
  }

  public boolean deleteRule(Routing.Kind kind, String key) {
    return jdbc.sql("DELETE FROM actions_routing_rule WHERE kind = :kind AND key = :key")
        .param("kind", kind.name().toLowerCase(Locale.ROOT)).param("key", key).update() == 1;
  }

  // ---- notices ------------------------------------------------------------------------------------------

  /** Stores the notice unless this contact was told about this intervention already; the new id, if stored. */
  public Optional<UUID> insertNotice(Notice n) {
    return jdbc.sql("""
        INSERT INTO actions_notice (id, intervention_id, contact_id, account_id, mechanism, source_type, source_id,
               response_id, quote, score_before, status, reason, notified_at, resurvey_due_at)
        VALUES (:id, :i, :c, :a, :m, :st, :sid, :r, :q, :before, :status, :reason, :at, :due)
        ON CONFLICT (intervention_id, contact_id) DO NOTHING RETURNING id""")
        .param("id", n.id()).param("i", n.interventionId()).param("c", n.contactId()).param("a", n.accountId())
        .param("m", n.mechanism()).param("st", n.sourceType()).param("sid", n.sourceId()).param("r", n.responseId())
        .param("q", n.quote()).param("before", n.scoreBefore()).param("status", n.status()).param("reason", n.reason())
        .param("at", ts(n.notifiedAt())).param("due", ts(n.resurveyDueAt()))
        .query(UUID.class).optional();
  }

  public void noticeStatus(UUID noticeId, String status, String reason) {
    jdbc.sql("UPDATE actions_notice SET status = :s, reason = :r WHERE id = :id")
        .param("s", status).param("r", reason).param("id", noticeId).update();
  }

  private static final String NOTICE = """
      SELECT id, intervention_id, contact_id, account_id, mechanism, source_type, source_id, response_id, quote,
             score_before, status, reason, notified_at, resurvey_due_at, resurveyed_at, score_after, answered_at
        FROM actions_notice""";

  public List<Notice> notices(UUID interventionId) {
    return jdbc.sql(NOTICE + " WHERE intervention_id = :i ORDER BY notified_at, contact_id").param("i", interventionId)
        .query(JdbcActions::notice).list();
  }

  public Optional<Notice> notice(UUID id) {
    return jdbc.sql(NOTICE + " WHERE id = :id").param("id", id).query(JdbcActions::notice).optional();
  }

  /** Marks the re-survey as sent; false when it was already (a timer that fires twice sends once). */
  public boolean markResurveyed(UUID noticeId, Instant at) {
    return jdbc.sql("UPDATE actions_notice SET resurveyed_at = :at WHERE id = :id AND resurveyed_at IS NULL")
        .param("at", ts(at)).param("id", noticeId).update() == 1;
  }

  /**
   * A new score from a contact: the first one after a notice is that notice's answer (the response the
   * feedback came from does not count). Returns how many notices it answered.
   */
  /** Of these contacts, the ones with a notice still waiting for an answer: one query for a batch of responses. */
  public java.util.Set<UUID> awaitingAnswer(Collection<UUID> contactIds) {
    if (contactIds.isEmpty()) return java.util.Set.of();
    return new java.util.HashSet<>(jdbc.sql("""
        SELECT DISTINCT contact_id FROM actions_notice
        WHERE contact_id = ANY(:c) AND answered_at IS NULL AND status = 'queued'""")
        .param("c", contactIds.toArray(UUID[]::new)).query(UUID.class).list());
  }

  public int recordAnswer(UUID contactId, UUID responseId, int score, Instant respondedAt) {
    return jdbc.sql("""
        UPDATE actions_notice SET answer_response_id = :r, score_after = :score, answered_at = :at
         WHERE contact_id = :c AND answered_at IS NULL AND notified_at < :at
           AND response_id IS DISTINCT FROM :r AND status = 'queued'""")
        .param("r", responseId).param("score", score).param("at", ts(respondedAt)).param("c", contactId).update();
  }

  /** Told contacts per intervention (queued notices). */
  public Map<UUID, Integer> toldCounts(Collection<UUID> interventionIds) {
    Map<UUID, Integer> out = new HashMap<>();
    if (interventionIds.isEmpty()) return out;
    jdbc.sql("SELECT intervention_id, count(*) FROM actions_notice WHERE status = 'queued' AND intervention_id IN (:ids) GROUP BY 1")
        .param("ids", interventionIds).query(rs -> {
          out.put(rs.getObject(1, UUID.class), rs.getInt(2));
        });
    return out;
  }

  private static Notice notice(ResultSet rs, int i) throws SQLException {
    return new Notice(rs.getObject("id", UUID.class), rs.getObject("intervention_id", UUID.class),
        rs.getObject("contact_id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("mechanism"),
        rs.getString("source_type"), rs.getObject("source_id", UUID.class), rs.getObject("response_id", UUID.class),
        rs.getString("quote"), (Integer) rs.getObject("score_before"), rs.getString("status"), rs.getString("reason"),
        instant(rs, "notified_at"), instant(rs, "resurvey_due_at"), instant(rs, "resurveyed_at"),
        (Integer) rs.getObject("score_after"), instant(rs, "answered_at"));
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
