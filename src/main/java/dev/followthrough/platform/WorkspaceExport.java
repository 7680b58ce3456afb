package dev.followthrough.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * The whole workspace for a customer leaving or a regulator asking: every business table of one consistent
 * snapshot as CSV (with a header) or NDJSON (one JSON object per line), in a zip. Left out: the framework's
 * tables (event registry, timers, migrations), secrets and the columns holding secrets, password or key hashes,
 * and binary embeddings.
 */
@Component
public class WorkspaceExport {

  public enum Format { CSV, JSON }

  private static final Set<String> SKIPPED_TABLES = Set.of("event_publication", "event_publication_archive",
      "platform_scheduled_tasks", "flyway_schema_history", "platform_api_key", "outreach_secret", "surveys_widget_secret",
      "surveys_widget_nonce");

  private final DataSource dataSource;

  WorkspaceExport(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The tables and columns an export contains. */
  public static List<Backup.Table> exported(Connection c) throws SQLException {
    return Backup.tables(c).stream().filter(t -> !SKIPPED_TABLES.contains(t.name()))
        .map(t -> new Backup.Table(t.name(), t.columns().stream().filter(WorkspaceExport::exportedColumn).toList(), t.primaryKey(), t.flyway()))
        .filter(t -> !t.columns().isEmpty()).toList();
  }

  private static boolean exportedColumn(Backup.Column c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    return !(n.contains("secret") || n.contains("password") || n.contains("hash") || n.contains("token") || c.type().equals("bytea"));
  }

  public void write(Format format, OutputStream target) throws IOException {
    try (Connection c = dataSource.getConnection(); ZipOutputStream zip = new ZipOutputStream(target)) {
      c.setAutoCommit(false);
      try {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        for (Backup.Table t : exported(c)) {
          String select = "SELECT " + t.columnList() + " FROM " + Backup.quote(t.name());
          if (format == Format.CSV) {
            zip.putNextEntry(new ZipEntry(t.name() + ".csv"));
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT (FORMAT csv, HEADER)", Backup.keepOpen(zip));
          } else {
            zip.putNextEntry(new ZipEntry(t.name() + ".ndjson"));
            try (Statement s = c.createStatement()) {
              s.setFetchSize(1000);
              try (ResultSet rs = s.executeQuery("SELECT row_to_json(r)::text FROM (" + select + ") r")) {
                while (rs.next()) {
                  zip.write(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                  zip.write('\n');
                }
              }
            }
          }
          zip.closeEntry();
        }
        c.commit();
      } finally {
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("the export failed: " + e.getMessage(), e));
    }
  }
}
