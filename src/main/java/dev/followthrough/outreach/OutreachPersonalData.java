package dev.followthrough.outreach;

import dev.followthrough.platform.PersonalData;
import dev.followthrough.platform.Rows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Messages to or about the contact. Erasure blanks address and content; kind, channel, status and times stay. */
@Component
class OutreachPersonalData implements PersonalData {

  private final JdbcClient jdbc;

  OutreachPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String section() {
    return "messages";
  }

  @Override
  public Map<String, List<Map<String, Object>>> export(Subject contact) {
    return Map.of("messages", Rows.of(jdbc, """
        SELECT id, kind, channel, customer, case_id, recipient, event_type, language, subject, body_text, payload, status,
               reason, attempts, created_at, sent_at
          FROM outreach_message WHERE contact_id = :contact ORDER BY created_at""", contact));
  }

  @Override
  public Map<String, Integer> erase(Subject contact) {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("messages", jdbc.sql("""
        UPDATE outreach_message SET recipient = NULL, subject = NULL, body_text = NULL, body_html = NULL, payload = NULL,
               unsubscribe_url = NULL, last_error = NULL, updated_at = now()
         WHERE contact_id = :contact""").param("contact", contact.contactId()).update());
    return out;
  }
}
