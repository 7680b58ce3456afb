package dev.followthrough.platform;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A logical backup that needs no {@code pg_dump} (the embedded bundle has none, and Debian's refuses a newer
 * server): every table of the {@code public} schema is copied with {@code COPY … TO STDOUT (FORMAT binary)}
 * through PgJDBC's CopyManager, all inside one {@code REPEATABLE READ READ ONLY} transaction — one snapshot,
 * so the archive is consistent while the server keeps writing. The archive is a zip: {@code data/<table>.copy}
 * per table and {@code manifest.json} (Flyway version, tables with their columns and row counts, sequence
 * values, optional checksums).
 *
 * <p>Restore goes into an empty database: it runs this build's Flyway migrations up to the archive's version
 * (so the schema, indexes and constraints are the application's own), creates the tables Flyway does not own
 * (the event publication registry) from the manifest, empties what migrations seeded, copies every table back
 * in foreign-key order, sets the sequences, and checks row counts (and checksums when the archive has them).
 */
public final class Backup {

  static final int FORMAT = 1;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Where the database is: a JDBC URL with its credentials. */
  public record Target(String url, String user, String password) {
    Connection connect() throws SQLException {
      var props = new java.util.Properties();
      props.setProperty("user", user);
      if (password != null && !password.isBlank()) props.setProperty("password", password);
      return DriverManager.getConnection(url, props);
    }
  }

  public record Result(String flywayVersion, Map<String, Long> rows, long bytes, long millis) {}

  private Backup() {}

  // ---------------------------------------------------------------- backup

  /**
   * Writes the archive. {@code checksums}: also an md5 of every table's rows (sorted), verified by restore;
   * it reads every table a second time.
   */
  public static Result backup(Target target, Path file, boolean checksums) throws IOException, SQLException {
    long start = System.nanoTime();
    Path tmp = file.resolveSibling(file.getFileName() + ".part");
    Map<String, Long> rows = new LinkedHashMap<>();
    String version;
    try (Connection c = target.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        s.execute("SET TIME ZONE 'UTC'");
      }
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      List<Table> tables = tables(c);
      version = flywayVersion(c);
      ObjectNode manifest = JSON.createObjectNode();
      manifest.put("format", FORMAT);
      manifest.put("createdAt", Instant.now().toString());
      manifest.put("flywayVersion", version);
      manifest.put("serverVersion", c.getMetaData().getDatabaseProductVersion());
      ArrayNode tableList = manifest.putArray("tables");
      try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.setLevel(6);
        for (Table t : tables) {
          zip.putNextEntry(new ZipEntry("data/" + t.name() + ".copy"));
          long n = copy.copyOut("COPY " + quote(t.name()) + " (" + t.columnList() + ") TO STDOUT (FORMAT binary)", keepOpen(zip));
          zip.closeEntry();
          rows.put(t.name(), n);
          ObjectNode tn = tableList.addObject();
          tn.put("name", t.name());
          tn.put("rows", n);
          tn.put("flyway", t.flyway());
          ArrayNode cols = tn.putArray("columns");
          for (Column col : t.columns()) cols.addObject().put("name", col.name()).put("type", col.type()).put("notNull", col.notNull());
          ArrayNode pk = tn.putArray("primaryKey");
          t.primaryKey().forEach(pk::add);
          if (checksums) tn.put("md5", checksum(c, t));
        }
        ObjectNode seqs = manifest.putObject("sequences");
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")) {
          while (rs.next()) {
            long v = rs.getLong(2);
            if (!rs.wasNull()) seqs.put(rs.getString(1), v);
          }
        }
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
      }
      c.commit();
    } catch (IOException | SQLException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return new Result(version, rows, Files.size(file), (System.nanoTime() - start) / 1_000_000);
  }

  // ---------------------------------------------------------------- restore

  public static Result restore(Target target, Path file) throws IOException, SQLException {
    long start = System.nanoTime();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry me = zip.getEntry("manifest.json");
      if (me == null) throw new IllegalArgumentException(file + " is not a Followthrough backup (no manifest.json)");
      JsonNode manifest;
      try (InputStream in = zip.getInputStream(me)) {
        manifest = JSON.readTree(in);
      }
      if (manifest.path("format").asInt() != FORMAT)
        throw new IllegalArgumentException("backup format " + manifest.path("format") + " is not supported (this build reads " + FORMAT + ")");
      String version = manifest.path("flywayVersion").asString();
      try (Connection c = target.connect()) {
        if (!tables(c).isEmpty())
          throw new IllegalStateException("the target database is not empty: restore into a fresh data directory or an empty database");
      }
      Flyway.configure().dataSource(target.url(), target.user(), target.password())
          .locations("classpath:db/migration").outOfOrder(true)
          .target(version).load().migrate();

      Map<String, Long> rows = new LinkedHashMap<>();
      try (Connection c = target.connect()) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.execute("SET TIME ZONE 'UTC'");
        }
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        manifest.path("tables").forEach(t -> byName.put(t.path("name").asString(), t));
        Set<String> existing = new LinkedHashSet<>();
        tables(c).forEach(t -> existing.add(t.name()));
        try (Statement s = c.createStatement()) {
          for (JsonNode t : byName.values()) {
            if (!existing.contains(t.path("name").asString())) s.execute(createTable(t));
          }
        }
        // The archive's rows go in as they were: no trigger fires (the rollups' change markers, the audit log's
        // append-only guard) where the role may switch them off (a superuser, as on the embedded database); the
        // archive already holds what those triggers wrote.
        java.sql.Savepoint beforeRole = c.setSavepoint();
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL session_replication_role = replica");
        } catch (java.sql.SQLException notAllowed) {
          c.rollback(beforeRole);
        }
        List<Table> seeded = new ArrayList<>();
        try (Statement s = c.createStatement()) {
          for (Table t : tables(c)) {
            try (var rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quote(t.name()) + ")")) {
              if (rs.next() && rs.getBoolean(1)) seeded.add(t);
            }
          }
        }
        if (!seeded.isEmpty()) {
          try (Statement s = c.createStatement()) { // what the migrations seeded (default rules, teams) is replaced by the archive's rows
            s.execute("TRUNCATE " + String.join(", ", seeded.stream().map(t -> quote(t.name())).toList()) + " CASCADE");
          }
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (String name : foreignKeyOrder(c, byName.keySet())) {
          JsonNode t = byName.get(name);
          ZipEntry entry = zip.getEntry("data/" + name + ".copy");
          if (entry == null) throw new IllegalArgumentException("the backup lacks the data of " + name);
          List<String> cols = new ArrayList<>();
          t.path("columns").forEach(col -> cols.add(quote(col.path("name").asString())));
          long n;
          try (InputStream in = zip.getInputStream(entry)) {
            n = copy.copyIn("COPY " + quote(name) + " (" + String.join(", ", cols) + ") FROM STDIN (FORMAT binary)", in);
          }
          if (n != t.path("rows").asLong())
            throw new IllegalStateException(name + ": restored " + n + " rows, the backup has " + t.path("rows").asLong());
          rows.put(name, n);
        }
        try (Statement s = c.createStatement()) {
          for (var seq : manifest.path("sequences").properties())
            s.execute("SELECT setval('public." + quote(seq.getKey()).replace("'", "''") + "', " + seq.getValue().asLong() + ")");
        }
        for (Table table : tables(c)) {
          JsonNode t = byName.get(table.name());
          if (t != null && t.has("md5") && !t.path("md5").asString().equals(checksum(c, table)))
            throw new IllegalStateException(table.name() + ": the restored rows differ from the backed-up ones (checksum)");
        }
        c.commit();
      }
      return new Result(version, rows, Files.size(file), (System.nanoTime() - start) / 1_000_000);
    }
  }

  // ---------------------------------------------------------------- catalog

  public record Column(String name, String type, boolean notNull) {}

  public record Table(String name, List<Column> columns, List<String> primaryKey, boolean flyway) {
    public String columnList() {
      return String.join(", ", columns.stream().map(c -> quote(c.name())).toList());
    }
  }

  /** Ordinary and partitioned tables of the public schema, with their stored (not generated) columns. */
  public static List<Table> tables(Connection c) throws SQLException {
    Map<String, List<Column>> cols = new LinkedHashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
        SELECT cl.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
          FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
          JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
         WHERE n.nspname = 'public' AND cl.relkind IN ('r', 'p') AND NOT cl.relispartition
         ORDER BY cl.relname, a.attnum""")) {
      while (rs.next()) cols.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Column(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
    }
    Map<String, List<String>> pks = new LinkedHashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
        SELECT cl.relname, a.attname
          FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
          JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord) ON true
          JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum = u.attnum
         WHERE n.nspname = 'public' AND k.contype = 'p'
         ORDER BY cl.relname, u.ord""")) {
      while (rs.next()) pks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
    }
    Set<String> flywayOwned = flywayTables(cols.keySet());
    List<Table> out = new ArrayList<>();
    cols.forEach((name, cs) -> out.add(new Table(name, cs, pks.getOrDefault(name, List.of()), flywayOwned.contains(name))));
    return out;
  }

  /** Tables not created by a migration (the event publication registry) are recreated from the manifest. */
  private static Set<String> flywayTables(Set<String> all) {
    Set<String> out = new LinkedHashSet<>(all);
    out.remove("event_publication");
    out.remove("event_publication_archive");
    return out;
  }

  private static String flywayVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
        SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
         ORDER BY string_to_array(version, '.')::bigint[] DESC LIMIT 1""")) {
      if (!rs.next()) throw new IllegalStateException("no Flyway history: this is not a Followthrough database");
      return rs.getString(1);
    }
  }

  /** Parents before children, so foreign keys hold while each table is copied in. */
  static List<String> foreignKeyOrder(Connection c, Set<String> names) throws SQLException {
    Map<String, Set<String>> parents = new LinkedHashMap<>();
    names.forEach(n -> parents.put(n, new LinkedHashSet<>()));
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
        SELECT child.relname, parent.relname
          FROM pg_constraint k JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
          JOIN pg_namespace n ON n.oid = child.relnamespace
         WHERE n.nspname = 'public' AND k.contype = 'f' AND child.oid <> parent.oid""")) {
      while (rs.next()) {
        if (parents.containsKey(rs.getString(1)) && parents.containsKey(rs.getString(2))) parents.get(rs.getString(1)).add(rs.getString(2));
      }
    }
    List<String> order = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    Deque<String> visiting = new ArrayDeque<>();
    for (String n : names) visit(n, parents, done, visiting, order);
    return order;
  }

  private static void visit(String n, Map<String, Set<String>> parents, Set<String> done, Deque<String> visiting, List<String> order) {
    if (done.contains(n)) return;
    if (visiting.contains(n)) throw new IllegalStateException("foreign keys form a cycle through " + n);
    visiting.push(n);
    for (String p : parents.get(n)) visit(p, parents, done, visiting, order);
    visiting.pop();
    done.add(n);
    order.add(n);
  }

  private static String createTable(JsonNode t) {
    List<String> defs = new ArrayList<>();
    t.path("columns").forEach(col -> defs.add(quote(col.path("name").asString()) + " " + col.path("type").asString()
        + (col.path("notNull").asBoolean() ? " NOT NULL" : "")));
    List<String> pk = new ArrayList<>();
    t.path("primaryKey").forEach(p -> pk.add(quote(p.asString())));
    if (!pk.isEmpty()) defs.add("PRIMARY KEY (" + String.join(", ", pk) + ")");
    return "CREATE TABLE " + quote(t.path("name").asString()) + " (" + String.join(", ", defs) + ")";
  }

  /** md5 of the table's rows as text, sorted: equal contents, equal sums (same server version and time zone). */
  static String checksum(Connection c, Table t) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) FROM (SELECT " + t.columnList() + " FROM "
            + quote(t.name()) + ") r")) {
      rs.next();
      return rs.getString(1);
    }
  }

  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static OutputStream keepOpen(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush(); // the zip entry is closed by the caller
      }
    };
  }
}
