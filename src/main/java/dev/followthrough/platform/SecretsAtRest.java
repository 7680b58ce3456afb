package dev.followthrough.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps every {@link SealedColumn} sealed under the current key: on start it seals values still in clear
 * (written before secrets were sealed) and re-seals values under an earlier key (after a rotation);
 * {@code POST /api/v1/secrets/reseal} does the same on demand. Safe on several nodes at once: a row is
 * only rewritten if it still holds the value this node read.
 */
@Service
@Order(-10)
public class SecretsAtRest implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SecretsAtRest.class);

  /** What one pass found per column. */
  public record Pass(String column, int resealed, int unreadable) {}

  /** How many values of each column are sealed under which key (ids only, never values). */
  public record Census(String column, Map<String, Integer> byKey, int clear) {}

  private final JdbcClient jdbc;
  private final SecretBox box;
  private final List<SealedColumn> columns;

  SecretsAtRest(JdbcClient jdbc, SecretBox box, List<SealedColumn> columns) {
    this.jdbc = jdbc;
    this.box = box;
    this.columns = columns;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Pass p : reseal()) {
      if (p.resealed() > 0) log.info("Sealed {} value(s) of {} under key {}", p.resealed(), p.column(), box.keyId());
      if (p.unreadable() > 0) {
        log.error("{} value(s) of {} are sealed under a key that is not configured: add the earlier secret to "
            + "followthrough.previous-secrets", p.unreadable(), p.column());
      }
    }
  }

  public String keyId() {
    return box.keyId();
  }

  public List<String> keyIds() {
    return box.keyIds();
  }

  public List<Pass> reseal() {
    return columns.stream().map(this::reseal).toList();
  }

  private Pass reseal(SealedColumn c) {
    int resealed = 0;
    int unreadable = 0;
    List<String[]> stale = jdbc.sql("SELECT CAST(" + c.idColumn() + " AS text), " + c.column() + " FROM " + c.table()
            + " WHERE " + c.column() + " IS NOT NULL AND " + c.column() + " NOT LIKE :current")
        .param("current", SecretBox.PREFIX + box.keyId() + ":%")
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    for (String[] row : stale) {
      String clear;
      try {
        clear = box.open(row[1]);
      } catch (SecretBox.SealedValueException e) {
        unreadable++;
        continue;
      }
      resealed += jdbc.sql("UPDATE " + c.table() + " SET " + c.column() + " = :sealed WHERE CAST(" + c.idColumn()
              + " AS text) = :id AND " + c.column() + " = :old")
          .param("sealed", box.seal(clear)).param("id", row[0]).param("old", row[1]).update();
    }
    return new Pass(c.name(), resealed, unreadable);
  }

  public List<Census> census() {
    return columns.stream().map(c -> {
      Map<String, Integer> byKey = new LinkedHashMap<>();
      int[] clear = {0};
      jdbc.sql("SELECT " + c.column() + " FROM " + c.table() + " WHERE " + c.column() + " IS NOT NULL")
          .query((rs, i) -> rs.getString(1)).list().forEach(v -> {
            if (!SecretBox.isSealed(v)) clear[0]++;
            else byKey.merge(v.substring(SecretBox.PREFIX.length(), Math.max(SecretBox.PREFIX.length(), v.indexOf(':', SecretBox.PREFIX.length()))), 1, Integer::sum);
          });
      return new Census(c.name(), byKey, clear[0]);
    }).toList();
  }
}
