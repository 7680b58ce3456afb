package dev.followthrough.triggers.jdbc;

import static dev.followthrough.triggers.jdbc.JdbcRules.JSON;

import dev.followthrough.triggers.PriorityFactor;
import dev.followthrough.triggers.TriggerDecision;
import dev.followthrough.triggers.domain.Decision;
import dev.followthrough.triggers.domain.Subject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Every decision, one per response revision ({@code triggers_decision}). */
@Repository
public class JdbcDecisions {

  private final JdbcClient jdbc;

  public JdbcDecisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Serialises deciders of the same response revision across nodes (until the transaction ends) and
   * says whether it was already decided.
   */
  public boolean lockAndCheckDecided(UUID responseId, int revision) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 7))")
        .param("key", "triggers:" + responseId + ":" + revision).query((rs, i) -> 1).list();
    return jdbc.sql("SELECT count(*) FROM triggers_decision WHERE response_id = :id AND revision = :rev")
        .param("id", responseId).param("rev", revision).query(Long.class).single() > 0;
  }

  /**
   * {@link #lockAndCheckDecided} for a batch: takes every revision's lock in one statement (in key order, so two
   * nodes' batches cannot deadlock) and answers the keys ({@code response:revision}) already decided.
   */
  public java.util.Set<String> lockAndFindDecided(List<UUID> responseIds, List<Integer> revisions) {
    java.util.Set<String> out = new java.util.HashSet<>();
    if (responseIds.isEmpty()) return out;
    String[] keys = new String[responseIds.size()];
    for (int i = 0; i < keys.length; i++) keys[i] = "triggers:" + responseIds.get(i) + ":" + revisions.get(i);
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(k, 7)) FROM (SELECT DISTINCT unnest(CAST(:keys AS text[])) AS k ORDER BY 1) x")
        .param("keys", keys).query((rs, i) -> 1).list();
    jdbc.sql("""
        SELECT d.response_id, d.revision FROM triggers_decision d
        JOIN unnest(CAST(:ids AS uuid[]), CAST(:revs AS int[])) AS w(id, rev) ON d.response_id = w.id AND d.revision = w.rev""")
        .param("ids", responseIds.toArray(UUID[]::new)).param("revs", revisions.toArray(Integer[]::new))
        .query(rs -> {
          out.add(rs.getObject(1, UUID.class) + ":" + rs.getInt(2));
        });
    return out;
  }

  /** Per contact, per response: when it was last decided a follow-up (for {@link #lastFollowUpAt}, batched). */
  public java.util.Map<UUID, java.util.Map<UUID, Instant>> followUpsByContact(java.util.Collection<UUID> contactIds) {
    java.util.Map<UUID, java.util.Map<UUID, Instant>> out = new java.util.HashMap<>();
    if (contactIds.isEmpty()) return out;
    jdbc.sql("""
        SELECT contact_id, response_id, max(decided_at) FROM triggers_decision
        WHERE contact_id = ANY(:c) AND follow_up GROUP BY contact_id, response_id""")
        .param("c", contactIds.toArray(UUID[]::new))
        .query(rs -> {
          out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.HashMap<>())
              .put(rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant());
        });
    return out;
  }

  /** False when this revision was already decided (nothing is written then). */
  public boolean insert(Subject s, Decision d, Instant now) {
    return insert(s, d, now, false);
  }

  /** {@code holdout}: a rule decided to follow up, the holdout arm took it back. */
  public boolean insert(Subject s, Decision d, Instant now, boolean holdout) {
    var f = d instanceof Decision.FollowUp fu ? fu : null;
    return jdbc.sql("""
        INSERT INTO triggers_decision (response_id, revision, contact_id, rule_id, rule_name, follow_up, reason, reasons,
                                       priority, factors, channel, play, decided_at, holdout)
        VALUES (:response, :revision, :contact, :rule, :ruleName, :followUp, :reason, :reasons::jsonb, :priority,
                :factors::jsonb, :channel, :play, :now, :holdout)
        ON CONFLICT (response_id, revision) DO NOTHING""")
        .param("response", s.responseId()).param("revision", s.revision()).param("contact", s.contactId())
        .param("rule", d.rule() == null ? null : d.rule().id()).param("ruleName", d.rule() == null ? null : d.rule().name())
        .param("followUp", f != null).param("reason", d.reason()).param("reasons", JSON.writeValueAsString(d.reasons()))
        .param("priority", f == null ? null : f.priority())
        .param("factors", JSON.writeValueAsString(f == null ? List.of() : f.factors()))
        .param("channel", f == null ? null : f.outcome().channel().name().toLowerCase(Locale.ROOT))
        .param("play", f == null ? null : f.outcome().play().name().toLowerCase(Locale.ROOT))
        .param("now", Timestamp.from(now)).param("holdout", holdout).update() == 1;
  }

  /** When the contact was last decided a follow-up for another response (cases may not be open yet). */
  public Optional<Instant> lastFollowUpAt(UUID contactId, UUID exceptResponse) {
    if (contactId == null) return Optional.empty();
    return jdbc.sql("""
        SELECT max(decided_at) FROM triggers_decision
        WHERE contact_id = :contact AND follow_up AND response_id <> :response""")
        .param("contact", contactId).param("response", exceptResponse)
        .query((rs, i) -> rs.getTimestamp(1)).optional().map(t -> t == null ? null : t.toInstant());
  }

  public List<TriggerDecision> forResponse(UUID responseId) {
    return jdbc.sql("""
        SELECT response_id, revision, rule_id, rule_name, follow_up, reason, reasons::text AS reasons, priority,
               factors::text AS factors, channel, play, decided_at, holdout
        FROM triggers_decision WHERE response_id = :id ORDER BY revision""")
        .param("id", responseId).query(JdbcDecisions::decision).list();
  }

  private static TriggerDecision decision(ResultSet rs, int i) throws SQLException {
    return new TriggerDecision(rs.getObject("response_id", UUID.class), rs.getInt("revision"),
        rs.getObject("rule_id", UUID.class), rs.getString("rule_name"), rs.getBoolean("follow_up"),
        rs.getString("reason"), JSON.readValue(rs.getString("reasons"), new TypeReference<List<String>>() {}),
        (Integer) rs.getObject("priority"),
        JSON.readValue(rs.getString("factors"), new TypeReference<List<PriorityFactor>>() {}),
        rs.getString("channel"), rs.getString("play"), rs.getTimestamp("decided_at").toInstant(),
        rs.getBoolean("holdout"));
  }
}
