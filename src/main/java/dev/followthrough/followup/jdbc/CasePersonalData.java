package dev.followthrough.followup.jdbc;

import dev.followthrough.platform.PersonalData;
import dev.followthrough.platform.Rows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The contact's follow-up cases and their timelines. */
@Component
class CasePersonalData implements PersonalData {

  private final JdbcClient jdbc;

  CasePersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String section() {
    return "cases";
  }

  @Override
  public Map<String, List<Map<String, Object>>> export(Subject contact) {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    out.put("cases", Rows.of(jdbc, "SELECT * FROM followup_case WHERE contact_id = :contact ORDER BY opened_at", contact));
    out.put("timeline", Rows.of(jdbc, """
        SELECT e.* FROM followup_case_event e JOIN followup_case c ON c.id = e.case_id
         WHERE c.contact_id = :contact ORDER BY e.id""", contact));
    return out;
  }

  /** What staff wrote about the person goes (notes, summary, commitment); outcome, root cause and SLA facts stay. */
  @Override
  public Map<String, Integer> erase(Subject contact) {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("notes", jdbc.sql("""
        UPDATE followup_case_event e SET detail = e.detail - ARRAY['text', 'note', 'summary', 'commitment', 'comment', 'reason']
          FROM followup_case c
         WHERE c.id = e.case_id AND c.contact_id = :contact
           AND jsonb_exists_any(e.detail, ARRAY['text', 'note', 'summary', 'commitment', 'comment', 'reason'])""")
        .param("contact", contact.contactId()).update());
    out.put("cases", jdbc.sql("""
        UPDATE followup_case SET summary = NULL, commitment = NULL WHERE contact_id = :contact""")
        .param("contact", contact.contactId()).update());
    return out;
  }
}
