package dev.followthrough.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingest benchmark: starts the packaged server as a child process, measures start-up, loads
 * {@code POST /api/v1/responses} and {@code /batch} with closed-loop clients, samples heap and RSS,
 * measures the raw PostgreSQL ceiling for the same rows, and prints a Markdown report with the
 * goals marked PASS/FAIL. Run it with {@code scripts/bench [--quick]}; see docs/benchmarks.md.
 *
 * <p>A plain program, not a test: its figures depend on the machine and must never gate a build.
 */
public final class IngestBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int[] SINGLE_CLIENTS = {1, 8, 32, 64, 256};
  private static final int[] BATCH_CLIENTS = {1, 2, 4};
  private static final int BATCH_SIZE = 1000;

  // goals
  private static final double GOAL_SINGLE_RPS = 2_000, GOAL_SINGLE_P99_MS = 50, GOAL_BATCH_RPS = 20_000,
      GOAL_START_S = 10, GOAL_HEAP_MB = 512;

  record Options(boolean quick, Duration level, Duration warmup, int[] single, int[] batch, boolean raw, boolean profile,
                 Path jar, Path workDir, Path sample, Path report, boolean keepData, List<String> serverOpts) {
    static Options parse(String[] args) {
      boolean quick = false, keep = false, profile = false, raw = true;
      Integer seconds = null, warmup = null;
      int[] single = SINGLE_CLIENTS, batch = BATCH_CLIENTS;
      Path jar = Path.of("target-bench/followthrough.jar"), work = Path.of("target-bench/bench-data");
      Path sample = Path.of("../shared/data/french_retail_nps/nps_utf8.csv"), report = null;
      List<String> serverOpts = new ArrayList<>();
      for (String a : args) {
        if (a.equals("--quick")) quick = true;
        else if (a.equals("--keep-data")) keep = true;
        else if (a.equals("--profile")) profile = true;
        else if (a.equals("--no-raw")) raw = false;
        else if (a.startsWith("--seconds=")) seconds = Integer.parseInt(a.substring(10));
        else if (a.startsWith("--warmup=")) warmup = Integer.parseInt(a.substring(9));
        else if (a.startsWith("--single=")) single = clients(a.substring(9), 1024);
        else if (a.startsWith("--batch=")) batch = clients(a.substring(8), 16);
        else if (a.startsWith("--jar=")) jar = Path.of(a.substring(6));
        else if (a.startsWith("--work-dir=")) work = Path.of(a.substring(11));
        else if (a.startsWith("--sample=")) sample = Path.of(a.substring(9));
        else if (a.startsWith("--report=")) report = Path.of(a.substring(9));
        else if (a.startsWith("--server-opt=")) serverOpts.add(a.substring(13));
        else throw new IllegalArgumentException("unknown option " + a + " (known: --quick --seconds=N --warmup=N"
            + " --single=1,8,32,64,256 --batch=1,2,4 --no-raw --profile --server-opt=-Dx=y --keep-data --report=FILE --sample=CSV"
            + " --jar=… --work-dir=…)");
      }
      int s = seconds != null ? seconds : quick ? 4 : 15;
      int w = warmup != null ? warmup : quick ? 5 : 60;
      if (s < 1 || s > 600 || w < 0 || w > 600) throw new IllegalArgumentException("--seconds and --warmup must be at most 600");
      return new Options(quick, Duration.ofSeconds(s), Duration.ofSeconds(w), single, batch, raw, profile, jar, work,
          sample, report, keep, List.copyOf(serverOpts));
    }

    private static int[] clients(String list, int max) {
      if (list.isBlank()) return new int[0];
      int[] out = java.util.Arrays.stream(list.split(",")).mapToInt(x -> Integer.parseInt(x.trim())).toArray();
      for (int c : out) if (c < 1 || c > max) throw new IllegalArgumentException("client counts must be 1.." + max);
      return out;
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    if (!Files.isRegularFile(o.jar())) throw new IllegalStateException("no jar at " + o.jar() + "; run scripts/bench");
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
    Path dataDir = o.workDir().toAbsolutePath().resolve("run-" + stamp);
    Path report = o.report() != null ? o.report() : o.workDir().toAbsolutePath().resolve("ingest-" + stamp + ".md");
    String key = "ftbench_" + HexFormat.of().formatHex(randomBytes(16)); // 8 + 32 = 40 characters
    int httpPort = freePort(), dbPort = freePort();
    while (dbPort == httpPort) dbPort = freePort();

    Report r = new Report();
    r.line("# Followthrough ingest benchmark — " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC)));
    r.line("");
    r.line("mode: " + (o.quick() ? "quick" : "full") + ", " + o.level().toSeconds() + " s per level, warm-up "
        + o.warmup().toSeconds() + " s; server `java -Xmx512m " + String.join(" ", o.serverOpts())
        + (o.serverOpts().isEmpty() ? "" : " ") + "-jar " + o.jar() + "`; data " + dataDir);
    r.line("machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
        + memTotal() + " RAM; load generator JDK " + Runtime.version() + "; load average at start " + Cpu.loadAverage());
    List<String> others = otherJavaProcesses();
    r.line("other JVMs running at start: " + (others.isEmpty() ? "none" : others.size() + " — " + String.join("; ", others)));
    Workload workload = Workload.load(o.sample(), stamp);
    r.line("responses: " + workload.origin() + "; " + Workload.CONTACTS + " contacts in " + Workload.ACCOUNTS + " accounts");
    r.flush();

    ServerProcess server = new ServerProcess(o.jar(), dataDir, httpPort, dbPort, key, "512m", o.serverOpts());
    Thread hook = new Thread(server::close, "bench-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean ok = false;
    try {
      run(o, server, workload, r);
      ok = true;
    } finally {
      server.close();
      if (ok) {
        Files.createDirectories(report.getParent());
        Files.writeString(report, r.text());
        System.out.println("\nreport written to " + report);
        if (!o.keepData()) {
          deleteTree(dataDir.resolve("postgres"));
          deleteTree(dataDir.resolve("runtime"));
        }
      } else {
        System.err.println("benchmark failed; server logs and data kept in " + dataDir);
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is already running
      }
    }
  }

  private static void run(Options o, ServerProcess server, Workload workload, Report r) throws Exception {
    // 1. start-up: the first start runs initdb and every migration; the second is an ordinary restart
    r.section("Start-up");
    Duration first = server.start();
    r.line(String.format("first start (initdb + migrations) to healthy: %.2f s", secs(first)));
    Duration firstStop = server.stop();
    Duration second = server.start();
    r.line(String.format("graceful stop: %.2f s; second start (same data dir) to healthy: **%.2f s**", secs(firstStop), secs(second)));
    r.line("server pid " + server.pid() + ", HTTP 127.0.0.1:" + server.uri("").getPort() + ", PostgreSQL 127.0.0.1:"
        + server.dbPort() + ", log " + server.log());
    r.flush();

    List<LoadRun.Result> single = new ArrayList<>(), batch = new ArrayList<>();
    List<String> profiles = new ArrayList<>();
    Levels levels = new Levels(server, new Profiler(server, server.log().getParent()), profiles);
    try (Sampler sampler = new Sampler(server); DbWaits waits = new DbWaits(server.dbPort())) {
      levels.sampler = sampler;
      levels.waits = waits;

      // 2. single responses
      URI one = server.uri("/api/v1/responses");
      LoadRun.Call singleCall = http -> {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        HttpRequest req = HttpRequest.newBuilder(one).timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + server.apiKey()).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(workload.responseJson(rnd, Instant.now()))).build();
        int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        return new LoadRun.Outcome(status, 1, 0);
      };
      if (o.single().length > 0) {
        r.section("Single responses: POST /api/v1/responses");
        LoadRun.Result warm = LoadRun.run("warmup", 32, o.warmup(), server, singleCall);
        r.line(String.format("warm-up: 32 clients × %d s, %,d requests, errors: %s; CPU %s", o.warmup().toSeconds(),
            warm.requests(), warm.errorText(), warm.cpu()));
        r.line("");
        r.line("| clients | requests | responses/s | p50 ms | p90 ms | p99 ms | max ms | errors |");
        r.line("|---:|---:|---:|---:|---:|---:|---:|---|");
        r.flush();
        List<String> detail = new ArrayList<>();
        for (int clients : o.single()) {
          Levels.Measured m = levels.measure("single-" + clients, clients, o.level(), "/api/v1/responses", singleCall,
              o.profile() && clients == 32);
          LoadRun.Result res = m.result();
          single.add(res);
          r.line(String.format("| %d | %,d | **%,.0f** | %.1f | %.1f | %.1f | %.1f | %s |", clients, res.requests(),
              res.itemsPerSecond(), res.percentileMs(50), res.percentileMs(90), res.percentileMs(99), res.maxMs(),
              res.errorText()));
          r.flush();
          detail.add(m.detailRow());
        }
        r.line("");
        r.line("Where the time went (server-side timers from /actuator/metrics; database sessions from pg_stat_activity every 100 ms; CPU from /proc):");
        r.line("");
        r.line(Levels.DETAIL_HEADER);
        detail.forEach(r::line);
        r.flush();
      }

      // batches of 1000
      URI many = server.uri("/api/v1/responses/batch");
      LoadRun.Call batchCall = http -> {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        HttpRequest req = HttpRequest.newBuilder(many).timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + server.apiKey()).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(workload.batchJson(rnd, Instant.now(), BATCH_SIZE))).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) return new LoadRun.Outcome(res.statusCode(), 0, 0);
        JsonNode summary = JSON.readTree(res.body()).get("summary");
        long accepted = summary.get("recorded").asLong() + summary.get("updated").asLong() + summary.get("duplicate").asLong();
        return new LoadRun.Outcome(200, accepted, summary.get("rejected").asLong());
      };
      if (o.batch().length > 0) {
        r.section("Batches: POST /api/v1/responses/batch, " + BATCH_SIZE + " responses each");
        pause();
        LoadRun.Result bwarm = LoadRun.run("batch-warmup", 1, o.warmup().dividedBy(2), server, batchCall);
        r.line(String.format("warm-up: 1 client × %d s, %,d batches, errors: %s", o.warmup().dividedBy(2).toSeconds(),
            bwarm.requests(), bwarm.errorText()));
        r.line("");
        r.line("| clients | batches | batches/s | responses/s | p50 ms | p99 ms | max ms | errors |");
        r.line("|---:|---:|---:|---:|---:|---:|---:|---|");
        r.flush();
        List<String> detail = new ArrayList<>();
        for (int clients : o.batch()) {
          Levels.Measured m = levels.measure("batch-" + clients, clients, o.level(), "/api/v1/responses/batch", batchCall,
              o.profile() && clients == 1);
          LoadRun.Result res = m.result();
          batch.add(res);
          r.line(String.format("| %d | %,d | %.2f | **%,.0f** | %.0f | %.0f | %.0f | %s |", clients, res.requests(),
              res.requestsPerSecond(), res.itemsPerSecond(), res.percentileMs(50), res.percentileMs(99), res.maxMs(),
              res.errorText()));
          r.flush();
          detail.add(m.detailRow());
        }
        r.line("");
        r.line(Levels.DETAIL_HEADER);
        detail.forEach(r::line);
        r.flush();
      }

      // 3. memory after load
      Thread.sleep(3000);
      sampler.sample();
      r.section("Memory");
      long hwm = ServerProcess.procStatusKb(server.pid(), "VmHWM");
      long pgPss = server.postgresPssKb();
      r.line(String.format("server heap used: max %.0f MB during load, %.0f MB 3 s after load (-Xmx512m)",
          sampler.maxHeapMb(), sampler.lastHeapMb()));
      r.line(String.format("server process RSS: max sampled %.0f MB, peak (VmHWM) %.0f MB, now %.0f MB",
          sampler.maxRssMb(), hwm / 1024.0, sampler.lastRssMb()));
      r.line(String.format("embedded PostgreSQL (postmaster + backends, PSS): %.0f MB", pgPss / 1024.0));
      r.flush();
      r.maxHeapMb = sampler.maxHeapMb();
    }
    long stored = countResponses(server);
    r.line(String.format("rows in responses_response after the load: %,d", stored));

    // 4. the raw PostgreSQL ceiling, same server, same moment
    List<RawPostgres.Result> rawResults = new ArrayList<>();
    if (o.raw()) {
      r.section("Raw PostgreSQL ceiling (JDBC straight to the embedded server, table cloned from responses_response)");
      RawPostgres raw = new RawPostgres(server.dbPort(), workload);
      raw.createScratchTable();
      r.line("| test | threads | rows | rows/s | p50 ms | p99 ms (per unit) | CPU: cores busy = server + pg + loadgen + other |");
      r.line("|---|---:|---:|---:|---:|---:|---|");
      r.flush();
      try {
        for (var test : List.<RawTest>of(
            () -> raw.singleRowInserts(32, o.level()),
            () -> raw.batchedInserts(1, BATCH_SIZE, o.level()),
            () -> raw.batchedInserts(4, BATCH_SIZE, o.level()),
            () -> raw.copy(1, 10_000, o.level()))) {
          pause();
          Cpu.Snapshot cpu0 = Cpu.Snapshot.take(server);
          RawPostgres.Result res = test.run();
          Cpu.Usage u = Cpu.Snapshot.take(server).since(cpu0);
          rawResults.add(res);
          r.line(String.format("| %s | %d | %,d | **%,.0f** | %.1f | %.1f (per %s) | %.2f = %.2f + %.2f + %.2f + %.2f |",
              res.name(), res.threads(), res.rows(), res.rowsPerSecond(), res.percentileMs(50), res.percentileMs(99),
              res.unit(), u.machine(), u.server(), u.postgres(), u.loadgen(), u.other()));
          r.flush();
        }
      } finally {
        raw.dropScratchTable();
      }
    }

    LoadRun.Result at32 = level(single, 32), at256 = level(single, 256);
    LoadRun.Result bestSingle = single.stream().max(Comparator.comparingDouble(LoadRun.Result::itemsPerSecond)).orElse(null);
    LoadRun.Result bestBatch = batch.stream().max(Comparator.comparingDouble(LoadRun.Result::itemsPerSecond)).orElse(null);
    RawPostgres.Result rawSingle = rawResults.isEmpty() ? null : rawResults.get(0);
    RawPostgres.Result rawBatch = rawResults.isEmpty() ? null
        : rawResults.get(1).rowsPerSecond() >= rawResults.get(2).rowsPerSecond() ? rawResults.get(1) : rawResults.get(2);
    RawPostgres.Result rawCopy = rawResults.isEmpty() ? null : rawResults.get(3);
    if (rawSingle != null) {
      r.line("");
      if (at32 != null) r.line(String.format("API/raw, single: %,.0f responses/s at 32 clients vs %,.0f single-row commits/s from 32 threads = **%.0f%%**",
          at32.itemsPerSecond(), rawSingle.rowsPerSecond(), 100 * at32.itemsPerSecond() / rawSingle.rowsPerSecond()));
      if (bestBatch != null) r.line(String.format("API/raw, batch: best API batch %,.0f responses/s vs best multi-row INSERT %,.0f rows/s = **%.0f%%**; vs COPY %,.0f rows/s = **%.0f%%**",
          bestBatch.itemsPerSecond(), rawBatch.rowsPerSecond(), 100 * bestBatch.itemsPerSecond() / rawBatch.rowsPerSecond(),
          rawCopy.rowsPerSecond(), 100 * bestBatch.itemsPerSecond() / rawCopy.rowsPerSecond()));
    }

    long serverPid = server.pid();
    Duration stop = server.stop();
    r.line(String.format("graceful stop after the run: %.2f s (pid %d)", secs(stop), serverPid));

    // 5. summary and goals
    r.section("Summary");
    r.line("| measure | result | goal | |");
    r.line("|---|---|---|---|");
    if (at32 != null) {
      boolean g = at32.itemsPerSecond() >= GOAL_SINGLE_RPS && at32.percentileMs(99) < GOAL_SINGLE_P99_MS && at32.errorCount() == 0;
      r.line(String.format("| single responses, 32 clients | %,.0f responses/s, p99 %.1f ms, errors: %s | ≥ 2,000/s, p99 < 50 ms | %s |",
          at32.itemsPerSecond(), at32.percentileMs(99), at32.errorText(), mark(g)));
    } else {
      r.line("| single responses, 32 clients | not run | ≥ 2,000/s, p99 < 50 ms | — |");
    }
    if (at256 != null) {
      r.line(String.format("| single responses, 256 clients | %,.0f responses/s, p99 %.1f ms, errors: %s | no errors | %s |",
          at256.itemsPerSecond(), at256.percentileMs(99), at256.errorText(), mark(at256.errorCount() == 0)));
    } else {
      r.line("| single responses, 256 clients | not run | no errors | — |");
    }
    if (bestSingle != null) {
      r.line(String.format("| best single-response level | %,.0f responses/s at %d clients | — | |", bestSingle.itemsPerSecond(), bestSingle.clients()));
    }
    if (bestBatch != null) {
      long batchErrors = batch.stream().mapToLong(LoadRun.Result::errorCount).sum();
      boolean g = bestBatch.itemsPerSecond() >= GOAL_BATCH_RPS && batchErrors == 0;
      r.line(String.format("| batches of 1,000 (best of %s clients) | %,.0f responses/s at %d client(s), p99 %.0f ms; errors at any level: %d | ≥ 20,000/s | %s |",
          java.util.Arrays.toString(o.batch()), bestBatch.itemsPerSecond(), bestBatch.clients(), bestBatch.percentileMs(99),
          batchErrors, mark(g)));
    } else {
      r.line("| batches of 1,000 | not run | ≥ 20,000/s | — |");
    }
    r.line(String.format("| start to healthy (restart) | %.2f s (first start with initdb: %.2f s) | < 10 s | %s |",
        secs(second), secs(first), mark(secs(second) < GOAL_START_S)));
    r.line(String.format("| server heap used (max during load) | %.0f MB of -Xmx512m | ≤ 512 MB | %s |", r.maxHeapMb,
        mark(r.maxHeapMb > 0 && r.maxHeapMb <= GOAL_HEAP_MB)));
    if (rawSingle != null) {
      r.line(String.format("| raw PostgreSQL ceiling | %,.0f single-row commits/s (32 threads); %,.0f rows/s multi-row INSERT; %,.0f rows/s COPY | — | |",
          rawSingle.rowsPerSecond(), rawBatch.rowsPerSecond(), rawCopy.rowsPerSecond()));
    }
    r.line("");
    r.line("load average at end: " + Cpu.loadAverage());
    if (!profiles.isEmpty()) {
      r.section("Profiles (--profile: JFR of the server during the level; these levels ran with the recorder on)");
      profiles.forEach(r::line);
    }
    r.flush();
  }

  private static LoadRun.Result level(List<LoadRun.Result> results, int clients) {
    return results.stream().filter(x -> x.clients() == clients).findFirst().orElse(null);
  }

  /** Runs one level with everything measured around it. */
  private static final class Levels {
    static final String DETAIL_HEADER = """
        | level | server mean ms | pool wait ms | conn held ms | DB sessions not idle (avg): what they wait on | CPU cores busy = server (JIT, GC) + postgres + load gen + other | heap max MB | RSS max MB |
        |---|---:|---:|---:|---|---|---:|---:|""";

    record Measured(LoadRun.Result result, String detailRow) {}

    private final ServerProcess server;
    private final Profiler profiler;
    private final List<String> profiles;
    Sampler sampler;
    DbWaits waits;

    Levels(ServerProcess server, Profiler profiler, List<String> profiles) {
      this.server = server;
      this.profiler = profiler;
      this.profiles = profiles;
    }

    Measured measure(String name, int clients, Duration duration, String uri, LoadRun.Call call, boolean profileThis)
        throws Exception {
      pause();
      ServerSide before = ServerSide.take(server, uri);
      sampler.newWindow();
      waits.newWindow();
      Path jfr = profileThis ? profiler.start(name) : null;
      LoadRun.Result res = LoadRun.run(name, clients, duration, server, call);
      if (profileThis) profiler.stop(name);
      String dbWaits = waits.summary(4);
      sampler.sample();
      ServerSide d = ServerSide.take(server, uri).minus(before);
      Cpu.Usage u = res.cpu();
      String row = String.format("| %s | %s | %s | %s | %s | %.2f = %.2f (%.2f, %.2f) + %.2f + %.2f + %.2f | %.0f | %.0f |",
          name, d.serverMeanMs(), d.poolWaitMs(), d.connHeldMs(), dbWaits, u.machine(), u.server(), u.jit(), u.gc(),
          u.postgres(), u.loadgen(), u.other(), sampler.windowHeapMb(), sampler.windowRssMb());
      if (profileThis) profiles.add("### " + name + "\n\n" + Profiler.summarise(jfr, 15));
      return new Measured(res, row);
    }
  }

  @FunctionalInterface
  private interface RawTest {
    RawPostgres.Result run() throws Exception;
  }

  /** Server-side view of one endpoint and the connection pool, from Micrometer's cumulative timers. */
  record ServerSide(double reqCount, double reqTotal, double acqCount, double acqTotal, double useCount, double useTotal) {

    static ServerSide take(ServerProcess s, String uri) {
      Map<String, Double> req = s.metric("http.server.requests", "uri:" + uri, "method:POST");
      Map<String, Double> acq = s.metric("hikaricp.connections.acquire");
      Map<String, Double> use = s.metric("hikaricp.connections.usage");
      return new ServerSide(req.getOrDefault("COUNT", Double.NaN), req.getOrDefault("TOTAL_TIME", Double.NaN),
          acq.getOrDefault("COUNT", Double.NaN), acq.getOrDefault("TOTAL_TIME", Double.NaN),
          use.getOrDefault("COUNT", Double.NaN), use.getOrDefault("TOTAL_TIME", Double.NaN));
    }

    ServerSide minus(ServerSide b) {
      return new ServerSide(reqCount - b.reqCount, reqTotal - b.reqTotal, acqCount - b.acqCount,
          acqTotal - b.acqTotal, useCount - b.useCount, useTotal - b.useTotal);
    }

    private static String ms(double total, double count) {
      return Double.isNaN(total) || Double.isNaN(count) || count <= 0 ? "n/a" : String.format("%.2f", 1000 * total / count);
    }

    String serverMeanMs() {
      return ms(reqTotal, reqCount);
    }

    String poolWaitMs() {
      return ms(acqTotal, acqCount);
    }

    String connHeldMs() {
      return ms(useTotal, useCount);
    }
  }

  /** Collects Markdown and echoes it to stdout as it goes. */
  private static final class Report {
    private final StringBuilder text = new StringBuilder();
    private int printed;
    double maxHeapMb = -1;

    void line(String s) {
      text.append(s).append('\n');
    }

    void section(String title) {
      line("");
      line("## " + title);
      line("");
    }

    void flush() {
      System.out.print(text.substring(printed));
      System.out.flush();
      printed = text.length();
    }

    String text() {
      flush();
      return text.toString();
    }
  }

  private static long countResponses(ServerProcess server) {
    try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.dbPort() + "/postgres", "postgres", null);
         var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM responses_response")) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      return -1;
    }
  }

  private static String cpu(Cpu.Usage u) {
    return String.format("%.2f (%.2f + %.2f + %.2f + %.2f)", u.machine(), u.server(), u.postgres(), u.loadgen(), u.other());
  }

  private static String mark(boolean pass) {
    return pass ? "**PASS**" : "**FAIL**";
  }

  private static double secs(Duration d) {
    return d.toNanos() / 1e9;
  }

  /** Lets the previous level's connections close and the database settle. */
  private static void pause() throws InterruptedException {
    Thread.sleep(2000);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new java.security.SecureRandom().nextBytes(b);
    return b;
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static String memTotal() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      return lines.filter(l -> l.startsWith("MemTotal")).findFirst()
          .map(l -> String.format("%.0f GB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  /** Other JVMs on the machine (builds and tests of other engineers share these cores). */
  private static List<String> otherJavaProcesses() {
    long self = ProcessHandle.current().pid();
    List<String> out = new ArrayList<>();
    ProcessHandle.allProcesses().filter(p -> p.pid() != self)
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .forEach(p -> {
          String[] a = p.info().arguments().orElse(new String[0]);
          String what = "java";
          for (int i = 0; i < a.length; i++) {
            if (a[i].equals("-jar") && i + 1 < a.length) { what = Path.of(a[i + 1]).getFileName().toString(); break; }
            if (a[i].contains("classworlds")) { what = "maven " + String.join(" ", List.of(a).subList(Math.min(a.length, i + 1), a.length)); }
          }
          if (what.startsWith("maven")) what = what.replaceAll(".*Launcher", "mvn");
          out.add("pid " + p.pid() + " " + (what.length() > 80 ? what.substring(0, 80) + "…" : what));
        });
    return out;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
