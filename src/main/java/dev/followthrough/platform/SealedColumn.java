package dev.followthrough.platform;

import java.util.regex.Pattern;

/**
 * A column that holds values sealed by {@link SecretBox}. A module declares one bean per such column of
 * its own tables; {@link SecretsAtRest} seals its clear values on start and re-seals values under an old
 * key after a rotation. {@code idColumn} names the row (the primary key).
 */
public record SealedColumn(String table, String idColumn, String column) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public SealedColumn {
    for (String n : new String[] {table, idColumn, column}) {
      if (n == null || !NAME.matcher(n).matches()) throw new IllegalArgumentException("not a plain SQL name: " + n);
    }
  }

  public String name() {
    return table + "." + column;
  }
}
