package dev.followthrough.interviews.jdbc;

import dev.followthrough.platform.PersonalData;
import dev.followthrough.platform.Rows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The contact's interviews and their transcripts. Erasure removes the transcript; the session stays for the funnel. */
@Component
class InterviewPersonalData implements PersonalData {

  private final JdbcClient jdbc;

  InterviewPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String section() {
    return "interviews";
  }

  @Override
  public java.util.Set<UUID> records(UUID contact) {
    return new java.util.HashSet<>(jdbc.sql("SELECT id FROM interviews_session WHERE contact_id = :contact")
        .param("contact", contact).query(UUID.class).list());
  }

  @Override
  public Map<String, List<Map<String, Object>>> export(Subject contact) {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    out.put("sessions", Rows.of(jdbc, "SELECT * FROM interviews_session WHERE contact_id = :contact ORDER BY invited_at", contact));
    out.put("transcript", Rows.of(jdbc, """
        SELECT t.* FROM interviews_turn t JOIN interviews_session s ON s.id = t.session_id
         WHERE s.contact_id = :contact ORDER BY t.session_id, t.seq""", contact));
    return out;
  }

  @Override
  public Map<String, Integer> erase(Subject contact) {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("turns", jdbc.sql("""
        DELETE FROM interviews_turn t USING interviews_session s WHERE s.id = t.session_id AND s.contact_id = :contact""")
        .param("contact", contact.contactId()).update());
    // status, depth, dates and guide stay: the interview funnel counts the same
    out.put("sessions", jdbc.sql("""
        UPDATE interviews_session SET comment = NULL, result = NULL, memory = '{}'::jsonb WHERE contact_id = :contact""")
        .param("contact", contact.contactId()).update());
    return out;
  }
}
