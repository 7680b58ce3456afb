package dev.followthrough.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Program metrics at scale: generates a program with 1,000,000 responses (two years), their trigger decisions
 * (with a 5% holdout), follow-up cases, interviews, coded texts and codings, interventions and account events,
 * loaded with COPY straight into the modules' tables of a real server's embedded PostgreSQL; then times
 * {@code GET /api/v1/metrics} for the last year, the last quarter and a segment (tier + touchpoint over a year):
 * the first request after a server (and PostgreSQL) restart, then p50/p95 of 20 runs. Prints the memory of the
 * server JVM and of PostgreSQL.
 *
 * <p>{@code scripts/bench --main=ProgramMetricsBenchmark [--responses=1000000] [--runs=20]}
 */
public final class ProgramMetricsBenchmark {

  private static final long RESPONSE = 0x0000_0001_0000_4000L;
  private static final long CONTACT = 0x0000_0002_0000_4000L;
  private static final long ACCOUNT = 0x0000_0003_0000_4000L;
  private static final long CASE = 0x0000_0004_0000_4000L;
  private static final long SESSION = 0x0000_0005_0000_4000L;
  private static final long TEXT = 0x0000_0006_0000_4000L;
  private static final long INTERVIEW_TEXT = 0x0000_0007_0000_4000L;
  private static final long INTERVENTION = 0x0000_0008_0000_4000L;
  private static final long CODING = 0x0000_0009_0000_4000L;
  private static final String[] PROGRAMS = {"relational-2025", "relational-2026", "onboarding-pulse", "support-csat"};
  private static final String[] TOUCHPOINTS = {"renewal", "onboarding", "support", "billing", "product"};
  private static final int MECHANISMS = 60;

  private final int responses;
  private final int contacts;
  private final int accounts;
  private final Instant now = Instant.now();
  private final Instant start;

  private ProgramMetricsBenchmark(int responses) {
    this.responses = responses;
    this.contacts = Math.max(1, responses / 4);
    this.accounts = Math.max(1, responses / 50);
    this.start = now.minus(Duration.ofDays(730));
  }

  public static void main(String[] args) throws Exception {
    Path jar = null, work = Path.of("target-bench/bench-data");
    int responses = 1_000_000, runs = 20, runsBefore = 5;
    boolean backup = false;
    List<String> serverOpts = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--jar=")) jar = Path.of(a.substring(6));
      else if (a.startsWith("--work-dir=")) work = Path.of(a.substring(11));
      else if (a.startsWith("--responses=")) responses = Integer.parseInt(a.substring(12));
      else if (a.startsWith("--runs=")) runs = Integer.parseInt(a.substring(7));
      else if (a.startsWith("--runs-before=")) runsBefore = Integer.parseInt(a.substring(14));
      else if (a.startsWith("--server-opt=")) serverOpts.add(a.substring(13));
      else if (a.equals("--quick")) { responses = 100_000; runs = 5; runsBefore = 3; }
      else if (a.equals("--backup")) backup = true; // time scripts/backup (server running) and scripts/restore instead of the queries
      else throw new IllegalArgumentException("unknown option " + a + " (known: --responses=N --runs=N --runs-before=N --quick --backup --server-opt=)");
    }
    if (jar == null || !Files.isRegularFile(jar)) throw new IllegalStateException("no jar; run scripts/bench --main=ProgramMetricsBenchmark");
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
    Path dataDir = work.toAbsolutePath().resolve("metrics-" + stamp);
    String key = "ftbench_" + HexFormat.of().formatHex(IngestBenchmark.randomBytes(16));
    int httpPort = IngestBenchmark.freePort(), dbPort = IngestBenchmark.freePort();
    // A (before): every metric from the rows, as before the rollups; B (after): the same data, the rollups on
    List<String> rowOpts = new ArrayList<>(serverOpts);
    rowOpts.add("-Dfollowthrough.reporting.rollups=false");
    ServerProcess server = new ServerProcess(jar, dataDir, httpPort, dbPort, key, "512m", rowOpts);
    ServerProcess[] running = {server};
    Runtime.getRuntime().addShutdownHook(new Thread(() -> running[0].close()));
    ProgramMetricsBenchmark b = new ProgramMetricsBenchmark(responses);
    String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
    try {
      System.out.println("server started in " + server.start().toMillis() + " ms; machine: "
          + Runtime.getRuntime().availableProcessors() + " cores, load average " + Cpu.loadAverage());
      long t0 = System.nanoTime();
      try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", null)) {
        b.load(c);
        long loaded = System.nanoTime();
        try (Statement s = c.createStatement()) {
          s.execute("VACUUM ANALYZE");
        }
        System.out.printf("generated and loaded in %.1f s (+ VACUUM ANALYZE %.1f s)%n", (loaded - t0) / 1e9,
            (System.nanoTime() - loaded) / 1e9);
        b.printSizes(c);
      }
      if (backup) {
        timeBackupAndRestore(jar, work.toAbsolutePath().resolve("backup-" + stamp), dataDir, dbPort);
        return;
      }
      String year = "from=" + b.now.minus(Duration.ofDays(365)) + "&to=" + b.now;
      String quarter = "from=" + b.now.minus(Duration.ofDays(91)) + "&to=" + b.now;
      String segment = year + "&tier=mid&touchpoint=onboarding";
      List<String[]> shapes = List.of(new String[] {"last year", year}, new String[] {"last quarter", quarter},
          new String[] {"segment: tier mid, touchpoint onboarding, last year", segment});
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

      // a restart empties PostgreSQL's shared buffers and the server's caches: the first request is cold
      // (the operating system's page cache stays warm: this is not a cold disk)
      server.stop();
      System.out.println("server restarted (rollups off) in " + server.start().toMillis() + " ms");
      List<String> before = measure("A: row level (followthrough.reporting.rollups=false)", http, server, shapes, runsBefore);
      String rowBody = get(http, server, year);
      server.close();

      server = new ServerProcess(jar, dataDir, httpPort, dbPort, key, "512m", serverOpts);
      running[0] = server;
      long f0 = System.nanoTime();
      System.out.println("server restarted (rollups on) in " + server.start().toMillis() + " ms; load average " + Cpu.loadAverage());
      try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", null); Statement s = c.createStatement()) {
        // the first start with rollups lists every day as changed; the fold timer rewrites 31 days per transaction
        for (long pending = 1; pending > 0; Thread.sleep(1_000)) {
          try (var rs = s.executeQuery("SELECT count(*) FROM reporting_rollup_dirty")) {
            rs.next();
            pending = rs.getLong(1);
          }
          if (System.nanoTime() - f0 > Duration.ofMinutes(30).toNanos()) throw new IllegalStateException("fold did not finish");
        }
        System.out.printf("rollups built (server start + fold of every day) in %.1f s; %s%n", (System.nanoTime() - f0) / 1e9,
            rollupSizes(s));
        s.execute("VACUUM ANALYZE reporting_rollup_day, reporting_rollup_mechanism, reporting_rollup_unit");
      }
      server.stop();
      System.out.println("server restarted (rollups on) in " + server.start().toMillis() + " ms");
      List<String> after = measure("B: rollups (default)", http, server, shapes, runs);
      String rollupBody = get(http, server, year);
      String ra = withoutTimes(rowBody), rb = withoutTimes(rollupBody);
      int at = 0;
      while (at < Math.min(ra.length(), rb.length()) && ra.charAt(at) == rb.charAt(at)) at++;
      // the two runs are minutes apart: "now" moved, so a case may have passed its deadline, a half-life week ended
      System.out.println("same metrics, last year (queryMillis aside): " + ra.equals(rb) + (ra.equals(rb) ? "" : "; first difference: A …"
          + ra.substring(Math.max(0, at - 120), Math.min(ra.length(), at + 60)) + "… B …" + rb.substring(Math.max(0, at - 120),
          Math.min(rb.length(), at + 60)) + "…"));
      System.out.println();
      System.out.println("| query | A: row level p50 / p95 | B: rollups p50 / p95 | speed-up (p50) |");
      System.out.println("|---|---:|---:|---:|");
      for (int i = 0; i < shapes.size(); i++) {
        String[] x = before.get(i).split("/"), y = after.get(i).split("/");
        System.out.printf("| %s | %s / %s ms | %s / %s ms | %.1f× |%n", shapes.get(i)[0], x[0], x[1], y[0], y[1],
            Double.parseDouble(x[0]) / Math.max(0.1, Double.parseDouble(y[0])));
      }
      try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", null)) {
        rawCeiling(c, b.now.minus(Duration.ofDays(365)), b.now, runs);
        intakeOverhead(c, 500);
      }
      System.out.println();
      System.out.printf("memory: server JVM RSS %,d MB (peak %,d MB, -Xmx512m); PostgreSQL PSS %,d MB%n",
          ServerProcess.procStatusKb(server.pid(), "VmRSS") / 1024, ServerProcess.procStatusKb(server.pid(), "VmHWM") / 1024,
          server.postgresPssKb() / 1024);
      System.out.println("load average after the runs: " + Cpu.loadAverage());
      for (String[] shape : shapes) {
        String body = get(http, server, shape[1]);
        System.out.println("query times, " + shape[0] + ": " + body.substring(body.indexOf("\"queryMillis\"")));
      }
      System.out.println();
      System.out.println("last year's metrics (for a sanity check of the generated program):");
      String sample = rollupBody.replaceAll("\"definition\":\"[^\"]*\",", "");
      System.out.println(sample.substring(0, Math.min(sample.length(), 1500)) + " …");
    } finally {
      running[0].close();
      IngestBenchmark.deleteTree(dataDir.resolve("postgres"));
      IngestBenchmark.deleteTree(dataDir.resolve("runtime"));
    }
  }

  private static void timeBackupAndRestore(Path jar, Path dir, Path dataDir, int dbPort) throws Exception {
    Files.createDirectories(dir);
    Path file = dir.resolve("bench.ftbackup");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long t0 = System.nanoTime();
    run(java, "-Xmx512m", "-jar", jar.toString(), "backup", "--file=" + file, "--followthrough.data-dir=" + dataDir,
        "--followthrough.database.embedded-port=" + dbPort);
    long backedUp = System.nanoTime();
    System.out.printf("backup (server running): %.1f s, %,d bytes%n", (backedUp - t0) / 1e9, Files.size(file));
    int port = IngestBenchmark.freePort();
    run(java, "-Xmx512m", "-jar", jar.toString(), "restore", "--file=" + file, "--followthrough.data-dir=" + dir.resolve("restored"),
        "--followthrough.database.embedded-port=" + port);
    System.out.printf("restore into a fresh data directory (initdb, migrations, COPY, indexes, counts checked): %.1f s%n",
        (System.nanoTime() - backedUp) / 1e9);
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed");
  }

  /** Cold (first after restart) and warm p50/p95 of each shape; returns "p50/p95" in ms per shape. */
  private static List<String> measure(String title, HttpClient http, ServerProcess server, List<String[]> shapes, int runs)
      throws IOException, InterruptedException {
    System.out.println();
    System.out.println(title + ", load average " + Cpu.loadAverage());
    System.out.println();
    System.out.println("| query | first request after restart | p50 | p95 | max | response bytes |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    long[] cold = new long[shapes.size()];
    int[] bytes = new int[shapes.size()];
    for (int i = 0; i < shapes.size(); i++) {
      long s = System.nanoTime();
      bytes[i] = get(http, server, shapes.get(i)[1]).length();
      cold[i] = System.nanoTime() - s;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      long[] warm = new long[runs];
      for (int r = 0; r < runs; r++) {
        long s = System.nanoTime();
        get(http, server, shapes.get(i)[1]);
        warm[r] = System.nanoTime() - s;
      }
      Arrays.sort(warm);
      System.out.printf("| %s | %s | %s | %s | %s | %,d |%n", shapes.get(i)[0], ms(cold[i]),
          TriggerBenchmark.ms(warm, 0.5), TriggerBenchmark.ms(warm, 0.95), TriggerBenchmark.ms(warm, 1.0), bytes[i]);
      out.add(String.format(java.util.Locale.ROOT, "%.0f/%.0f", percentile(warm, 0.5) / 1e6, percentile(warm, 0.95) / 1e6));
    }
    return out;
  }

  private static long percentile(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static String withoutTimes(String body) {
    return body.replaceAll("\"queryMillis\":\\{[^}]*}", "");
  }

  private static String rollupSizes(Statement s) throws SQLException {
    StringBuilder out = new StringBuilder("rollup rows:");
    for (String t : List.of("reporting_rollup_day", "reporting_rollup_mechanism", "reporting_rollup_unit")) {
      try (var rs = s.executeQuery("SELECT count(*), pg_size_pretty(pg_total_relation_size('" + t + "')) FROM " + t)) {
        rs.next();
        out.append(String.format(" %s %,d (%s);", t, rs.getLong(1), rs.getString(2)));
      }
    }
    return out.toString();
  }

  /**
   * What the rollup triggers cost a write: single-row INSERT + commit into responses_response over JDBC, alternating
   * blocks with the insert trigger enabled and disabled (the other triggers stay; intake also upserts accounts, whose
   * trigger only looks at tier changes).
   */
  private static void intakeOverhead(Connection c, int perBlock) throws SQLException {
    List<UUID[]> people = new ArrayList<>();
    try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT id, account_id FROM responses_contact LIMIT 2000")) {
      while (rs.next()) people.add(new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)});
    }
    c.setAutoCommit(true);
    long[] nanos = new long[2];
    long[] count = new long[2];
    SplittableRandom rnd = new SplittableRandom(7);
    try (Statement s = c.createStatement(); var ps = c.prepareStatement("""
        INSERT INTO responses_response (id, source, source_id, contact_id, account_id, score, responded_at, received_at, updated_at)
        VALUES (?, 'overhead', ?, ?, ?, ?, now(), now(), now())""")) {
      for (int block = 0; block < 6; block++) {
        int on = block % 2;
        s.execute("ALTER TABLE responses_response " + (on == 1 ? "ENABLE" : "DISABLE") + " TRIGGER reporting_rollup_ins");
        for (int i = 0; i < perBlock; i++) {
          UUID id = UUID.randomUUID();
          UUID[] who = people.get(rnd.nextInt(people.size()));
          ps.setObject(1, id);
          ps.setString(2, id.toString());
          ps.setObject(3, who[0]);
          ps.setObject(4, who[1]);
          ps.setInt(5, rnd.nextInt(11));
          long t = System.nanoTime();
          ps.executeUpdate();
          nanos[on] += System.nanoTime() - t;
          count[on]++;
        }
      }
      s.execute("ALTER TABLE responses_response ENABLE TRIGGER reporting_rollup_ins");
    }
    System.out.println();
    System.out.printf("intake cost of the rollup trigger (single-row INSERT + commit, %,d each, alternating blocks): "
            + "%.3f ms without, %.3f ms with (+%.3f ms)%n", count[0], nanos[0] / 1e6 / count[0], nanos[1] / 1e6 / count[1],
        nanos[1] / 1e6 / count[1] - nanos[0] / 1e6 / count[0]);
  }

  /**
   * The raw PostgreSQL ceiling, over JDBC with no server in between: the cheapest row-level pass over the year
   * (one scan counting categories — what any row-level metric costs at least) and the rollup's own sum over the
   * year's days (what any rollup read costs at least).
   */
  private static void rawCeiling(Connection c, Instant from, Instant to, int runs) throws SQLException {
    String[][] queries = {
        {"raw: one scan of the year's responses (count per category)",
            "SELECT category, count(*) FROM responses_response WHERE responded_at >= ? AND responded_at < ? GROUP BY 1"},
        {"raw: sum of the year's rollup days (NPS counts and funnel counts)",
            "SELECT sum(promoters), sum(passives), sum(detractors), sum(cases), sum(contacted), sum(completed) "
                + "FROM reporting_rollup_day WHERE day >= CAST(? AS timestamptz)::date AND day < CAST(? AS timestamptz)::date"},
        {"raw: the year's outcome units, first per unit (DISTINCT ON)",
            "SELECT count(*) FROM (SELECT DISTINCT ON (unit_set, unit) unit FROM reporting_rollup_unit "
                + "WHERE day >= CAST(? AS timestamptz)::date AND day < CAST(? AS timestamptz)::date "
                + "ORDER BY unit_set, unit, responded_at, response_id) u"}};
    System.out.println();
    System.out.println("| raw PostgreSQL (JDBC, same run) | p50 | p95 |");
    System.out.println("|---|---:|---:|");
    for (String[] q : queries) {
      long[] t = new long[runs];
      try (var ps = c.prepareStatement(q[1])) {
        ps.setTimestamp(1, java.sql.Timestamp.from(from));
        ps.setTimestamp(2, java.sql.Timestamp.from(to));
        for (int i = 0; i < runs; i++) {
          long s = System.nanoTime();
          try (var rs = ps.executeQuery()) {
            while (rs.next()) { /* read it all */ }
          }
          t[i] = System.nanoTime() - s;
        }
      }
      Arrays.sort(t);
      System.out.printf("| %s | %s | %s |%n", q[0], TriggerBenchmark.ms(t, 0.5), TriggerBenchmark.ms(t, 0.95));
    }
  }

  private static String get(HttpClient http, ServerProcess server, String query) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri("/api/v1/metrics?" + query))
        .header("Authorization", "Bearer " + server.apiKey()).timeout(Duration.ofMinutes(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException("GET /api/v1/metrics → " + r.statusCode() + " " + r.body());
    return r.body();
  }

  private static String ms(long nanos) {
    return String.format("%.0f ms", nanos / 1e6);
  }

  // ------------------------------------------------------------------ the generated program

  /** Everything about response i, the same on every pass (each pass writes one table). */
  private record R(int i, int contact, int account, String tier, Instant at, int score, String program, String touchpoint,
                   boolean eligible, boolean holdout, boolean hasCase, Instant opened, Instant firstContact, String status,
                   String outcome, boolean session, boolean started, boolean completed, boolean commented, int mech1,
                   int mech2, boolean rejected) {
    String category() {
      return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
    }
  }

  private R response(int i) {
    SplittableRandom r = new SplittableRandom(0x9E3779B97F4A7C15L * (i + 1));
    int contact = i % contacts;
    int account = contact % accounts;
    String tier = tier(account);
    Instant at = start.plusSeconds((long) (r.nextDouble() * Duration.ofDays(730).toSeconds()));
    double u = r.nextDouble();
    int score = u < 0.25 ? r.nextInt(7) : u < 0.55 ? 7 + r.nextInt(2) : 9 + r.nextInt(2);
    boolean eligible = score <= 6 || (score <= 8 ? r.nextDouble() < 0.3 : r.nextDouble() < 0.2);
    boolean holdout = eligible && !tier.equals("enterprise") && Math.floorMod(contact * 2654435761L, 100) < 5;
    boolean hasCase = eligible && !holdout && at.isBefore(now.minus(Duration.ofHours(2)));
    Instant opened = at.plus(Duration.ofHours(1));
    Instant first = null;
    String status = "open", outcome = null;
    boolean session = false, started = false, completed = false;
    if (hasCase) {
      if (r.nextDouble() < 0.85) {
        double hours = Math.exp(r.nextGaussian() + 2.5); // median about 12 h, a long tail past the 48 h SLA
        first = opened.plusSeconds((long) (hours * 3600));
        if (first.isAfter(now)) first = null;
      }
      session = r.nextDouble() < 0.4;
      started = session && r.nextDouble() < 0.6;
      completed = started && r.nextDouble() < 0.66;
      if (first != null) {
        double v = r.nextDouble();
        status = v < 0.5 ? "closed" : v < 0.7 ? "in_conversation" : "contacted";
        if (status.equals("closed")) outcome = v < 0.3 ? "resolved" : v < 0.4 ? "not_resolved" : "no_response";
      }
    }
    boolean commented = r.nextDouble() < 0.3;
    return new R(i, contact, account, tier, at, score, PROGRAMS[r.nextInt(PROGRAMS.length)],
        TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)], eligible, holdout, hasCase, opened, first, status, outcome, session,
        started, completed, commented, r.nextInt(MECHANISMS), r.nextInt(MECHANISMS), r.nextDouble() < 0.05);
  }

  private static String tier(int account) {
    int t = Math.floorMod(account * 31, 10);
    return t == 0 ? "enterprise" : t < 4 ? "mid" : "smb";
  }

  private static UUID id(long kind, long i) {
    return new UUID(kind, 0x8000_0000_0000_0000L | i);
  }

  private void load(Connection c) throws SQLException, IOException {
    c.setAutoCommit(true);
    String created = now.toString();
    copy(c, "responses_account (id, external_id, name, tier, arr, created_at, updated_at)", accounts, (a, out) ->
        row(out, id(ACCOUNT, a), "acct-" + a, "Account " + a, tier(a), 1000 + Math.floorMod(a * 7919L, 200_000), created, created));
    copy(c, "responses_contact (id, external_id, account_id, created_at, updated_at)", contacts, (k, out) ->
        row(out, id(CONTACT, k), "contact-" + k, id(ACCOUNT, k % accounts), created, created));
    copy(c, "responses_response (id, source, source_id, contact_id, account_id, score, responded_at, received_at, updated_at, program, kind, touchpoint)",
        responses, (i, out) -> {
          R x = response(i);
          row(out, id(RESPONSE, i), "bench", "r-" + i, id(CONTACT, x.contact()), id(ACCOUNT, x.account()), x.score(), x.at(),
              x.at(), x.at(), x.program(), "relational", x.touchpoint());
        });
    copy(c, "triggers_decision (response_id, revision, contact_id, rule_name, follow_up, holdout, reason, decided_at)",
        responses, (i, out) -> {
          R x = response(i);
          row(out, id(RESPONSE, i), 1, id(CONTACT, x.contact()), x.eligible() ? "bench rule" : null,
              x.eligible() && !x.holdout(), x.holdout(), x.holdout() ? "holdout" : x.eligible() ? "follow up" : "no rule",
              x.at().plusSeconds(1));
        });
    copy(c, "followup_case (id, response_id, revision, contact_id, account_id, score, category, channel, play, priority, status, "
        + "outcome, sla_seconds, calendar, received_at, opened_at, due_at, first_contact_at, closed_at, updated_at)", responses,
        (i, out) -> {
          R x = response(i);
          if (!x.hasCase()) return;
          row(out, id(CASE, i), id(RESPONSE, i), 1, id(CONTACT, x.contact()), id(ACCOUNT, x.account()), x.score(),
              x.category(), x.session() ? "interview" : x.tier().equals("enterprise") ? "call" : "email", "recover", 50,
              x.status(), x.outcome(), 172800, "calendar", x.at(), x.opened(), x.opened().plus(Duration.ofHours(48)),
              x.firstContact(), x.status().equals("closed") ? x.firstContact().plus(Duration.ofDays(3)) : null, x.opened());
        });
    var d = dev.followthrough.interviews.domain.DefaultGuides.DETRACTOR; // a real body: the console lists every guide
    try (var ps = c.prepareStatement("INSERT INTO interviews_guide (key, version, kind, body, created_at, created_by) "
        + "VALUES ('bench', 1, 'detractor', CAST(? AS jsonb), now(), 'bench') ON CONFLICT DO NOTHING")) {
      ps.setString(1, dev.followthrough.interviews.jdbc.JdbcInterviews.JSON.writeValueAsString(new dev.followthrough.interviews.domain.Guide(
          "bench", d.kind(), 1, d.title(), d.intro(), d.segments(), d.phases(), d.summaryLead(), d.closing(), d.invitation(), d.avoid())));
      ps.execute();
    }
    copy(c, "interviews_session (id, case_id, response_id, channel, guide_key, guide_version, status, invited_at, started_at, completed_at, updated_at)",
        responses, (i, out) -> {
          R x = response(i);
          if (!x.session()) return;
          Instant invited = x.opened().plus(Duration.ofHours(2));
          row(out, id(SESSION, i), id(CASE, i), id(RESPONSE, i), "interview", "bench", 1,
              x.completed() ? "completed" : x.started() ? "in_progress" : "invited", invited,
              x.started() ? invited.plus(Duration.ofHours(3)) : null, x.completed() ? invited.plus(Duration.ofHours(3).plusMinutes(12)) : null,
              invited);
        });
    copy(c, "insights_text (id, source_type, source_id, revision, codebook_version, body, embedding, best_similarity, score, category, account_id, tier, responded_at, coded_at)",
        responses, (i, out) -> {
          R x = response(i);
          if (x.commented()) {
            row(out, id(TEXT, i), "response", id(RESPONSE, i), 1, 1, "comment " + i, "\\x00", 0.5, x.score(), x.category(),
                id(ACCOUNT, x.account()), x.tier(), x.at(), x.at());
          }
          if (x.completed()) {
            row(out, id(INTERVIEW_TEXT, i), "interview", id(SESSION, i), 1, 1, "transcript " + i, "\\x00", 0.5, x.score(),
                x.category(), id(ACCOUNT, x.account()), x.tier(), x.at(), x.at());
          }
        });
    copy(c, "insights_coding (id, text_id, mechanism, category_key, confidence, similarity, evidence_start, evidence_end, evidence, "
        + "stated_reason, codebook_version, status, needs_review, machine_mechanism, created_at)", responses, (i, out) -> {
          R x = response(i);
          if (x.commented()) {
            coding(out, id(CODING, 4L * i), id(TEXT, i), x.mech1(), x.rejected() ? "rejected" : "machine", x.at());
            if (x.mech2() != x.mech1() && x.i() % 3 == 0) coding(out, id(CODING, 4L * i + 1), id(TEXT, i), x.mech2(), "machine", x.at());
          }
          if (x.completed()) coding(out, id(CODING, 4L * i + 2), id(INTERVIEW_TEXT, i), x.mech2(), "confirmed", x.at());
        });
    copy(c, "actions_intervention (id, title, team, status, created_by, created_at, committed_at, shipped_at, updated_at)",
        MECHANISMS, (m, out) -> {
          String status = m % 3 == 0 ? "shipped" : m % 3 == 1 ? "committed" : "proposed";
          Instant shipped = start.plus(Duration.ofDays(30L + m * 11L));
          row(out, id(INTERVENTION, m), "Fix mechanism " + m, "product", status, "bench", start,
              status.equals("proposed") ? null : start, status.equals("shipped") ? shipped : null, start);
        });
    copy(c, "actions_intervention_mechanism (intervention_id, mechanism)", MECHANISMS, (m, out) ->
        row(out, id(INTERVENTION, m), "mechanism-" + m));
    copy(c, "responses_account_event (id, account_id, kind, event_date, arr_change, source, recorded_at)", accounts, (a, out) -> {
      SplittableRandom r = new SplittableRandom(0xA5A5L * (a + 1));
      LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(r.nextInt(730));
      if (r.nextDouble() < 0.15) row(out, id(CODING, 4L * responses + 2L * a), id(ACCOUNT, a), "churned", day, -5000, "bench", created);
      else if (r.nextDouble() < 0.6) row(out, id(CODING, 4L * responses + 2L * a + 1), id(ACCOUNT, a), "renewed", day, 0, "bench", created);
    });
  }

  private void coding(StringBuilder out, UUID id, UUID text, int mechanism, String status, Instant at) {
    row(out, id, text, "mechanism-" + mechanism, "category", 0.8, 0.7, 0, 5, "words", "words", 1, status, false,
        "mechanism-" + mechanism, at);
  }

  private interface Rows {
    void write(int i, StringBuilder out);
  }

  /** COPY text format, in 4 MB chunks through the driver's CopyManager. */
  private static void copy(Connection c, String target, int count, Rows rows) throws SQLException {
    long t0 = System.nanoTime();
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN");
    StringBuilder out = new StringBuilder(1 << 22);
    try {
      for (int i = 0; i < count; i++) {
        rows.write(i, out);
        if (out.length() > (1 << 22) - 4096) {
          byte[] b = out.toString().getBytes(StandardCharsets.UTF_8);
          in.writeToCopy(b, 0, b.length);
          out.setLength(0);
        }
      }
      byte[] b = out.toString().getBytes(StandardCharsets.UTF_8);
      in.writeToCopy(b, 0, b.length);
      long n = in.endCopy();
      System.out.printf("  %-28s %,10d rows in %5.1f s%n", target.substring(0, target.indexOf(' ')), n, (System.nanoTime() - t0) / 1e9);
    } finally {
      if (in.isActive()) in.cancelCopy();
    }
  }

  private static void row(StringBuilder out, Object... values) {
    for (int k = 0; k < values.length; k++) {
      if (k > 0) out.append('\t');
      Object v = values[k];
      out.append(v == null ? "\\N" : v instanceof String s && s.startsWith("\\x") ? "\\" + s : v.toString());
    }
    out.append('\n');
  }

  private void printSizes(Connection c) throws SQLException {
    StringBuilder b = new StringBuilder("rows:");
    for (String table : List.of("responses_response", "triggers_decision", "followup_case", "interviews_session",
        "insights_text", "insights_coding", "responses_account_event")) {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
        rs.next();
        b.append(' ').append(table).append(String.format("=%,d", rs.getLong(1)));
      }
    }
    System.out.println(b);
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
      rs.next();
      System.out.println("database size: " + rs.getString(1));
    }
  }
}
