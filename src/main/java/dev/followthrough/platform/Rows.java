package dev.followthrough.platform;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows as column → value maps (jsonb as text, timestamps as instants), for exports. */
public final class Rows {

  private Rows() {}

  /** {@code :contact} is the contact's id, {@code :records} the ids of their records in every module. */
  public static List<Map<String, Object>> of(JdbcClient jdbc, String sql, PersonalData.Subject subject) {
    var spec = jdbc.sql(sql).param("contact", subject.contactId());
    if (sql.contains(":records")) spec = spec.param("records", subject.recordArray());
    return spec.query((rs, i) -> row(rs)).list();
  }

  static Map<String, Object> row(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    Map<String, Object> m = new LinkedHashMap<>();
    for (int c = 1; c <= md.getColumnCount(); c++) {
      Object v = rs.getObject(c);
      if (v instanceof java.sql.Timestamp t) v = t.toInstant();
      else if (v instanceof java.sql.Date d) v = d.toLocalDate();
      else if (v instanceof org.postgresql.util.PGobject o) v = o.getValue();
      else if (v instanceof byte[]) continue; // embeddings: numbers, not the person's data in a readable form
      m.put(md.getColumnLabel(c), v);
    }
    return m;
  }
}
