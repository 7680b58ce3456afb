package dev.followthrough.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * The ceiling: the same rows written straight into the same PostgreSQL with no HTTP, no JSON, no
 * contact/account upsert — into a scratch table cloned from the live {@code responses_response}
 * (columns, generated category, checks, unique key, all four indexes) plus its two foreign keys,
 * pointing at contacts and accounts the API load created. Single-row inserts and batches keep the
 * API's {@code ON CONFLICT (source, source_id) DO NOTHING}; COPY cannot.
 */
final class RawPostgres {

  static final String TABLE = "bench_raw_response";

  private static final String COLUMNS =
      "id, source, source_id, contact_id, account_id, score, comment, responded_at, received_at, updated_at, program, touchpoint";
  private static final int PARAMS = 12;

  record Result(String name, int threads, double seconds, long rows, long[] sortedMicros, String unit) {
    double rowsPerSecond() {
      return rows / seconds;
    }

    double percentileMs(double p) {
      if (sortedMicros.length == 0) return Double.NaN;
      int idx = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
      return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, idx))] / 1000.0;
    }
  }

  private record Owner(UUID contact, UUID account) {}

  private final String url;
  private final Workload workload;
  private final List<Owner> owners = new ArrayList<>();
  private final AtomicLong sequence = new AtomicLong();

  RawPostgres(int port, Workload workload) {
    this.url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    this.workload = workload;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", null);
  }

  void createScratchTable() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
      s.execute("CREATE TABLE " + TABLE + " (LIKE responses_response INCLUDING ALL)");
      s.execute("ALTER TABLE " + TABLE + " ADD FOREIGN KEY (contact_id) REFERENCES responses_contact (id),"
          + " ADD FOREIGN KEY (account_id) REFERENCES responses_account (id)");
      try (ResultSet rs = s.executeQuery("SELECT id, account_id FROM responses_contact LIMIT " + Workload.CONTACTS)) {
        while (rs.next()) owners.add(new Owner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
      }
    }
  }

  void dropScratchTable() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
    }
  }

  /** (a) INSERT + COMMIT per row, like one API request's final statement, from many connections. */
  Result singleRowInserts(int threads, Duration duration) throws Exception {
    String sql = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES " + marks(1)
        + " ON CONFLICT (source, source_id) DO NOTHING";
    return parallel("single-row INSERT + commit", threads, duration, "commit", (c, deadline, lat) -> {
      long rows = 0;
      ThreadLocalRandom r = ThreadLocalRandom.current();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        while (System.nanoTime() < deadline) {
          long t0 = System.nanoTime();
          bind(ps, 0, r, Instant.now());
          ps.executeUpdate();
          lat.add((System.nanoTime() - t0) / 1000);
          rows++;
        }
      }
      return rows;
    });
  }

  /** (b) one multi-row INSERT of {@code size} rows per transaction. */
  Result batchedInserts(int threads, int size, Duration duration) throws Exception {
    String sql = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES " + marks(size)
        + " ON CONFLICT (source, source_id) DO NOTHING";
    return parallel("multi-row INSERT of " + size, threads, duration, "batch", (c, deadline, lat) -> {
      long rows = 0;
      ThreadLocalRandom r = ThreadLocalRandom.current();
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        while (System.nanoTime() < deadline) {
          long t0 = System.nanoTime();
          Instant now = Instant.now();
          for (int i = 0; i < size; i++) bind(ps, i * PARAMS, r, now);
          ps.executeUpdate();
          c.commit();
          lat.add((System.nanoTime() - t0) / 1000);
          rows += size;
        }
      }
      return rows;
    });
  }

  /** (c) COPY … FROM STDIN, {@code size} rows per COPY and transaction. */
  Result copy(int threads, int size, Duration duration) throws Exception {
    String sql = "COPY " + TABLE + " (" + COLUMNS + ") FROM STDIN";
    return parallel("COPY, " + size + " rows per COPY", threads, duration, "copy", (c, deadline, lat) -> {
      long rows = 0;
      ThreadLocalRandom r = ThreadLocalRandom.current();
      c.setAutoCommit(false);
      var api = c.unwrap(PGConnection.class).getCopyAPI();
      StringBuilder b = new StringBuilder(size * 300);
      while (System.nanoTime() < deadline) {
        long t0 = System.nanoTime();
        Instant now = Instant.now();
        b.setLength(0);
        for (int i = 0; i < size; i++) copyLine(b, r, now);
        api.copyIn(sql, new StringReader(b.toString()));
        c.commit();
        lat.add((System.nanoTime() - t0) / 1000);
        rows += size;
      }
      return rows;
    });
  }

  // ------------------------------------------------------------------ plumbing

  private interface Body {
    long run(Connection c, long deadline, LongList latencies) throws Exception;
  }

  private Result parallel(String name, int threads, Duration duration, String unit, Body body) throws Exception {
    List<Thread> ts = new ArrayList<>();
    long[] rows = new long[threads];
    LongList[] lats = new LongList[threads];
    Map<String, String> failures = new TreeMap<>();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    for (int i = 0; i < threads; i++) {
      int k = i;
      lats[k] = new LongList();
      ts.add(Thread.ofPlatform().name("raw-" + i).start(() -> {
        try (Connection c = connect()) {
          rows[k] = body.run(c, deadline, lats[k]);
        } catch (Exception e) {
          synchronized (failures) {
            failures.put("thread " + k, e.toString());
          }
        }
      }));
    }
    for (Thread t : ts) t.join(duration.plusMinutes(3).toMillis());
    double secs = (System.nanoTime() - start) / 1e9;
    if (!failures.isEmpty()) {
      var first = failures.entrySet().iterator().next();
      throw new IllegalStateException(name + " failed in " + failures.size() + " of " + threads + " threads, e.g. "
          + first.getKey() + ": " + first.getValue());
    }
    long total = Arrays.stream(rows).sum();
    long[] all = Arrays.stream(lats).flatMapToLong(LongList::stream).sorted().toArray();
    return new Result(name, threads, secs, total, all, unit);
  }

  private static final class LongList {
    private long[] a = new long[256];
    private int n;

    void add(long v) {
      if (n == 1_000_000) return; // bounded memory
      if (n == a.length) a = Arrays.copyOf(a, n * 2);
      a[n++] = v;
    }

    java.util.stream.LongStream stream() {
      return Arrays.stream(a, 0, n);
    }
  }

  private static String marks(int rows) {
    String one = "(" + "?,".repeat(PARAMS - 1) + "?)";
    StringBuilder b = new StringBuilder(rows * (one.length() + 1));
    for (int i = 0; i < rows; i++) b.append(i == 0 ? "" : ",").append(one);
    return b.toString();
  }

  private Owner owner(ThreadLocalRandom r) {
    return owners.isEmpty() ? new Owner(null, null) : owners.get(r.nextInt(owners.size()));
  }

  private void bind(PreparedStatement ps, int at, ThreadLocalRandom r, Instant now) throws SQLException {
    Workload.Sample s = workload.sample(r);
    Owner o = owner(r);
    Timestamp ts = Timestamp.from(now);
    ps.setObject(at + 1, Workload.timeOrdered(now, r));
    ps.setString(at + 2, "api");
    ps.setString(at + 3, "raw-" + sequence.incrementAndGet());
    ps.setObject(at + 4, o.contact());
    ps.setObject(at + 5, o.account());
    ps.setShort(at + 6, (short) s.score());
    ps.setString(at + 7, s.comment());
    ps.setTimestamp(at + 8, Timestamp.from(Workload.respondedAt(r, now)));
    ps.setTimestamp(at + 9, ts);
    ps.setTimestamp(at + 10, ts);
    ps.setString(at + 11, Workload.program(r));
    ps.setString(at + 12, Workload.touchpoint(r));
  }

  private void copyLine(StringBuilder b, ThreadLocalRandom r, Instant now) {
    Workload.Sample s = workload.sample(r);
    Owner o = owner(r);
    b.append(Workload.timeOrdered(now, r)).append('\t').append("api").append('\t')
        .append("raw-").append(sequence.incrementAndGet()).append('\t')
        .append(o.contact() == null ? "\\N" : o.contact().toString()).append('\t')
        .append(o.account() == null ? "\\N" : o.account().toString()).append('\t')
        .append(s.score()).append('\t');
    if (s.comment() == null) b.append("\\N");
    else copyEscape(b, s.comment());
    b.append('\t').append(Workload.respondedAt(r, now)).append('\t').append(now).append('\t').append(now)
        .append('\t').append(Workload.program(r)).append('\t').append(Workload.touchpoint(r)).append('\n');
  }

  private static void copyEscape(StringBuilder b, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
  }
}
