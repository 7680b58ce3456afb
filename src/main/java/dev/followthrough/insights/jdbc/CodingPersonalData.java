package dev.followthrough.insights.jdbc;

import dev.followthrough.platform.PersonalData;
import dev.followthrough.platform.Rows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The contact's coded texts (their comments and interview answers) and the mechanisms found in them. Erasure
 * blanks the text, its evidence quotes and its embedding (which a model could partly invert); the codings stay
 * (mechanism, category, confidence), so impact and mention counts do not change.
 */
@Component
class CodingPersonalData implements PersonalData {

  /** The contact's responses and interview sessions (ids from their modules): the sources of their texts. */
  private static final String TEXTS = "SELECT t.id FROM insights_text t WHERE t.source_id = ANY(:records)";

  private final JdbcClient jdbc;

  CodingPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String section() {
    return "insights";
  }

  @Override
  public Map<String, List<Map<String, Object>>> export(Subject contact) {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    out.put("texts", Rows.of(jdbc, "SELECT * FROM insights_text WHERE id IN (" + TEXTS + ")", contact));
    out.put("codings", Rows.of(jdbc, "SELECT * FROM insights_coding WHERE text_id IN (" + TEXTS + ")", contact));
    return out;
  }

  @Override
  public Map<String, Integer> erase(Subject contact) {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("codings", jdbc.sql("UPDATE insights_coding SET evidence = '', stated_reason = '' WHERE text_id IN (" + TEXTS + ")")
        .param("records", contact.recordArray()).update());
    out.put("texts", jdbc.sql("""
        UPDATE insights_text SET body = '', embedding = decode(repeat('00', length(embedding)), 'hex') WHERE id IN (""" + TEXTS + ")")
        .param("records", contact.recordArray()).update());
    return out;
  }
}
