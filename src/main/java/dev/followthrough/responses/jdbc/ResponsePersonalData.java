package dev.followthrough.responses.jdbc;

import dev.followthrough.platform.PersonalData;
import dev.followthrough.platform.Rows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The contact, their responses with every revision, and the vendor deliveries that carried them. */
@Component
class ResponsePersonalData implements PersonalData {

  private final JdbcClient jdbc;

  ResponsePersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String section() {
    return "responses";
  }

  @Override
  public java.util.Set<UUID> records(UUID contact) {
    return new java.util.HashSet<>(jdbc.sql("SELECT id FROM responses_response WHERE contact_id = :contact")
        .param("contact", contact).query(UUID.class).list());
  }

  @Override
  public Map<String, List<Map<String, Object>>> export(Subject contact) {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    out.put("contact", Rows.of(jdbc, "SELECT * FROM responses_contact WHERE id = :contact", contact));
    out.put("account", Rows.of(jdbc, """
        SELECT a.* FROM responses_account a JOIN responses_contact c ON c.account_id = a.id WHERE c.id = :contact""", contact));
    out.put("responses", Rows.of(jdbc, "SELECT * FROM responses_response WHERE contact_id = :contact ORDER BY responded_at", contact));
    out.put("revisions", Rows.of(jdbc, """
        SELECT h.* FROM responses_response_history h JOIN responses_response r ON r.id = h.response_id
         WHERE r.contact_id = :contact ORDER BY h.id""", contact));
    out.put("deliveries", Rows.of(jdbc, """
        SELECT d.id, d.source_key, d.received_at, d.outcome, d.response_id, d.body FROM responses_hook_delivery d
          JOIN responses_response r ON r.id = d.response_id WHERE r.contact_id = :contact ORDER BY d.received_at""", contact));
    return out;
  }

  @Override
  public Map<String, Integer> erase(Subject contact) {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("deliveryBodies", jdbc.sql("""
        UPDATE responses_hook_delivery d SET body = NULL, headers = '{}'::jsonb FROM responses_response r
         WHERE r.id = d.response_id AND r.contact_id = :contact AND (d.body IS NOT NULL OR d.headers <> '{}'::jsonb)""")
        .param("contact", contact.contactId()).update());
    out.put("revisionComments", jdbc.sql("""
        UPDATE responses_response_history h SET comment = NULL, attributes = '{}'::jsonb FROM responses_response r
         WHERE r.id = h.response_id AND r.contact_id = :contact """).param("contact", contact.contactId()).update());
    // the score, its date, program and account stay: NPS and program metrics count the same afterwards
    out.put("responses", jdbc.sql("""
        UPDATE responses_response SET comment = NULL, attributes = '{}'::jsonb WHERE contact_id = :contact""")
        .param("contact", contact.contactId()).update());
    out.put("contact", jdbc.sql("""
        UPDATE responses_contact SET external_id = 'erased-' || id, email = NULL, name = NULL, role = NULL,
               attributes = '{}'::jsonb, updated_at = now() WHERE id = :contact""").param("contact", contact.contactId()).update());
    return out;
  }
}
