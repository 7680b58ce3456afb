package dev.followthrough.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The delivery log (per case, per contact, dead letters) and "retry" for the console and the API. */
@Service
public class Messages {

  public record MessageView(UUID id, String idempotencyKey, String kind, String channel, boolean customer, UUID caseId,
                            UUID contactId, String recipient, String eventType, String language, String subject,
                            String status, String reason, int attempts, int retries, Instant notBefore,
                            Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {}

  /** The full message, with its bodies. */
  public record MessageContent(MessageView message, String text, String html, String payload) {}

  private static final String COLUMNS = """
      id, idempotency_key, kind, channel, customer, case_id, contact_id, recipient, event_type, language, subject, status,
      reason, attempts, retries, not_before, next_attempt_at, last_error, created_at, sent_at""";

  private final JdbcClient jdbc;
  private final Outbox outbox;

  Messages(JdbcClient jdbc, Outbox outbox) {
    this.jdbc = jdbc;
    this.outbox = outbox;
  }

  /** All filters optional; newest first. */
  public List<MessageView> list(UUID caseId, UUID contactId, String status, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + """
         FROM outreach_message
        WHERE (CAST(:caseId AS uuid) IS NULL OR case_id = :caseId)
          AND (CAST(:contactId AS uuid) IS NULL OR contact_id = :contactId)
          AND (CAST(:status AS text) IS NULL OR status = :status)
        ORDER BY created_at DESC, id DESC
        LIMIT :limit""")
        .param("caseId", caseId, java.sql.Types.OTHER).param("contactId", contactId, java.sql.Types.OTHER)
        .param("status", status, java.sql.Types.VARCHAR).param("limit", Math.max(1, Math.min(limit, 1000)))
        .query(Messages::view).list();
  }

  public List<MessageView> deadLetters(int limit) {
    return list(null, null, "dead", limit);
  }

  /** Whether a message of a kind starting with {@code kindPrefix} was delivered (or caught) to one of these addresses. */
  public boolean deliveredTo(java.util.Collection<String> recipients, String kindPrefix) {
    if (recipients.isEmpty()) return false;
    return jdbc.sql("""
        SELECT EXISTS (SELECT 1 FROM outreach_message
                        WHERE status = 'sent' AND kind LIKE :kind AND lower(recipient) IN (:to))""")
        .param("kind", kindPrefix.replace("%", "") + "%")
        .param("to", recipients.stream().map(r -> r.toLowerCase(java.util.Locale.ROOT)).toList())
        .query(Boolean.class).single();
  }

  public long deadCount() {
    return jdbc.sql("SELECT count(*) FROM outreach_message WHERE status = 'dead'").query(Long.class).single();
  }

  public Optional<MessageContent> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + ", body_text, body_html, payload FROM outreach_message WHERE id = :id")
        .param("id", id)
        .query((rs, i) -> new MessageContent(view(rs, i), rs.getString("body_text"), rs.getString("body_html"),
            rs.getString("payload")))
        .optional();
  }

  /** Sends a dead message again from its first try; false when it is not dead (or unknown). */
  public boolean retry(UUID id) {
    return outbox.retry(id);
  }

  static MessageView view(ResultSet rs, int i) throws SQLException {
    return new MessageView(rs.getObject("id", UUID.class), rs.getString("idempotency_key"), rs.getString("kind"),
        rs.getString("channel"), rs.getBoolean("customer"), rs.getObject("case_id", UUID.class),
        rs.getObject("contact_id", UUID.class), rs.getString("recipient"), rs.getString("event_type"),
        rs.getString("language"), rs.getString("subject"), rs.getString("status"), rs.getString("reason"),
        rs.getInt("attempts"), rs.getInt("retries"), instant(rs, "not_before"), instant(rs, "next_attempt_at"),
        rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "sent_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
