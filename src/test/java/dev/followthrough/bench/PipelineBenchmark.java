package dev.followthrough.bench;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole loop at intake speed (issue 14): the server as a child process with every listener, the default
 * rules, comment coding and a real SMTP server ({@link SmtpSink}, in this JVM) — score → decision → case →
 * message accepted by SMTP. It prints, in one run: sustained responses/s at 32 clients with every stage's
 * backlog sampled each second; score → case and score → first SMTP-accepted message at fixed offered rates;
 * the batch API and a CSV import through the whole pipeline; coded comments/s against the raw embedder in this
 * JVM; the raw PostgreSQL ceiling; CPU per process, memory, start to healthy.
 *
 * <p>{@code scripts/bench --main=PipelineBenchmark [--quick] [--seconds=60] [--clients=32] [--rates=100,200,500]
 * [--rate-seconds=15] [--batch-rows=50000] [--csv-rows=100000] [--coding-texts=800] [--no-raw] [--server-opt=-Dk=v]}
 */
public final class PipelineBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int CONTACTS = 20_000;
  private static final int ACCOUNTS = 500;

  private final ServerProcess server;
  private final SmtpSink smtp;
  private final Workload workload;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, String> summary = new LinkedHashMap<>();

  private PipelineBenchmark(ServerProcess server, SmtpSink smtp, Workload workload, PrintStream out) {
    this.server = server;
    this.smtp = smtp;
    this.workload = workload;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Path jar = null, work = Path.of("target-bench/bench-data"), sample = Path.of("../shared/data/french_retail_nps/nps_utf8.csv");
    int seconds = 60, clients = 32, rateSeconds = 15, batchRows = 50_000, csvRows = 100_000, codingTexts = 800;
    int[] rates = {100, 200, 500};
    boolean raw = true;
    List<String> serverOpts = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--jar=")) jar = Path.of(a.substring(6));
      else if (a.startsWith("--work-dir=")) work = Path.of(a.substring(11));
      else if (a.startsWith("--sample=")) sample = Path.of(a.substring(9));
      else if (a.startsWith("--seconds=")) seconds = Integer.parseInt(a.substring(10));
      else if (a.startsWith("--clients=")) clients = Integer.parseInt(a.substring(10));
      else if (a.startsWith("--rates=")) rates = Arrays.stream(a.substring(8).split(",")).mapToInt(Integer::parseInt).toArray();
      else if (a.startsWith("--rate-seconds=")) rateSeconds = Integer.parseInt(a.substring(15));
      else if (a.startsWith("--batch-rows=")) batchRows = Integer.parseInt(a.substring(13));
      else if (a.startsWith("--csv-rows=")) csvRows = Integer.parseInt(a.substring(11));
      else if (a.startsWith("--coding-texts=")) codingTexts = Integer.parseInt(a.substring(15));
      else if (a.startsWith("--server-opt=")) serverOpts.add(a.substring(13));
      else if (a.equals("--no-raw")) raw = false;
      else if (a.equals("--quick")) { seconds = 20; rateSeconds = 5; batchRows = 10_000; csvRows = 20_000; codingTexts = 300; }
      else throw new IllegalArgumentException("unknown option " + a);
    }
    if (jar == null || !Files.isRegularFile(jar)) throw new IllegalStateException("no jar; run scripts/bench --main=PipelineBenchmark");
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
    Path dataDir = work.toAbsolutePath().resolve("pipeline-" + stamp);
    Files.createDirectories(dataDir);
    Path report = work.toAbsolutePath().resolve("pipeline-" + stamp + ".md");
    SmtpSink smtp = new SmtpSink();
    List<String> opts = new ArrayList<>(List.of("-Dspring.mail.host=127.0.0.1", "-Dspring.mail.port=" + smtp.port(),
        "-Dfollowthrough.outreach.quiet-hours=off", "-Dfollowthrough.outreach.digest-enabled=false"));
    opts.addAll(serverOpts);
    String key = "ftbench_" + HexFormat.of().formatHex(IngestBenchmark.randomBytes(16));
    ServerProcess server = new ServerProcess(jar, dataDir, IngestBenchmark.freePort(), IngestBenchmark.freePort(), key, "512m", opts);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    try (PrintStream file = new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
      PrintStream tee = new PrintStream(new java.io.OutputStream() {
        @Override
        public void write(int b) {
          System.out.write(b);
          file.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          System.out.write(b, off, len);
          file.write(b, off, len);
        }
      }, true, StandardCharsets.UTF_8);
      Workload workload = Workload.load(sample, stamp);
      PipelineBenchmark b = new PipelineBenchmark(server, smtp, workload, tee);
      b.run(seconds, clients, rates, rateSeconds, batchRows, csvRows, codingTexts, raw);
      tee.println();
      tee.println("Report: " + report);
    } finally {
      server.close();
      smtp.close();
      IngestBenchmark.deleteTree(dataDir.resolve("postgres"));
    }
  }

  private void run(int seconds, int clients, int[] rates, int rateSeconds, int batchRows, int csvRows, int codingTexts,
                   boolean raw) throws Exception {
    out.println("# Pipeline benchmark — " + Instant.now());
    out.println();
    out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average at start " + Cpu.loadAverage()
        + ". Sample: " + workload.origin() + ". SMTP: a sink in the benchmark JVM (port " + smtp.port() + ").");
    Duration first = server.start();
    server.stop();
    Duration restart = server.start();
    out.printf("%nStart to healthy: first start (initdb + migrations) %.2f s, restart %.2f s.%n", first.toMillis() / 1e3,
        restart.toMillis() / 1e3);
    summary.put("start to healthy (restart) < 10 s", String.format("%.2f s %s", restart.toMillis() / 1e3,
        restart.toSeconds() < 10 ? "PASS" : "FAIL"));

    try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.dbPort() + "/postgres", "postgres", null)) {
      phases(db, seconds, clients, rates, rateSeconds, batchRows, csvRows, codingTexts, raw);
    } finally {
      out.println();
      out.println("## Summary");
      out.println();
      out.println("| goal | result |");
      out.println("|---|---|");
      summary.forEach((k, v) -> out.println("| " + k + " | " + v + " |"));
      out.println();
      out.println("Load average at the end: " + Cpu.loadAverage() + ". On a shared machine the 'other' CPU column says how far to trust a row.");
    }
  }

  private void phases(Connection db, int seconds, int clients, int[] rates, int rateSeconds, int batchRows, int csvRows,
                      int codingTexts, boolean raw) throws Exception {
    {
      warmUp(clients);
      Map<String, Double> sustained = sustained(db, clients, Duration.ofSeconds(seconds));
      drain(db, "after the sustained load", 240);
      out.println();
      out.println("## Score → case and score → first message accepted by SMTP, open loop");
      out.println();
      out.println("| offered/s | achieved/s | POST p50 | POST p99 | cases | case p50 | p95 | p99 | messages | message p50 | p95 | p99 | missing after 30 s (case / message) |");
      out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
      for (int rate : rates) {
        latency(db, rate, rateSeconds);
        drain(db, null, 120);
      }
      double batchRate = batches(db, batchRows);
      drain(db, "after the batch API", 300);
      double csvRate = csv(db, csvRows);
      drain(db, "after the CSV import", 300);
      waitForCoding(db, 600); // the bulk uploads' comments first: the coding phase measures the coder, not a queue
      double coded = coding(db, codingTexts);
      double rawEmbed = rawEmbeddings();
      if (rawEmbed > 0 && coded > 0) {
        summary.put("coded texts/s ≥ 80% of the raw embedder", String.format("%.0f/s of %.0f/s = %.0f%% %s", coded, rawEmbed,
            100 * coded / rawEmbed, coded >= 0.8 * rawEmbed ? "PASS" : "FAIL"));
      }
      memory();
      if (raw) rawPostgres(sustained.get("rate"), Math.max(batchRate, csvRate));
    }
  }

  private void waitForCoding(Connection db, int maxSeconds) throws Exception {
    long t0 = System.nanoTime();
    long left = backlog(db).getOrDefault("insights.code", 0L);
    while (left > 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(maxSeconds)) {
      Thread.sleep(500);
      left = backlog(db).getOrDefault("insights.code", 0L);
    }
    out.printf("%nThe bulk uploads' comments were coded %.1f s after the uploads%s.%n", (System.nanoTime() - t0) / 1e9,
        left > 0 ? " — NOT all: " + left + " still waiting" : "");
  }

  // ---- request bodies ------------------------------------------------------------------------------------------

  private String body(ThreadLocalRandom r, Integer score, int contact, int account, String owner) {
    Workload.Sample s = workload.sample(r);
    int value = score != null ? score : s.score();
    StringBuilder b = new StringBuilder(400);
    b.append("{\"source\":\"bench\",\"sourceId\":\"pl-").append(run).append('-').append(sequence.incrementAndGet())
        .append("\",\"score\":").append(value);
    if (s.comment() != null) b.append(",\"comment\":").append(JSON.writeValueAsString(s.comment()));
    b.append(",\"program\":\"relationship-2026\",\"touchpoint\":\"quarterly-survey\"")
        .append(",\"contact\":{\"externalId\":\"c-").append(contact).append("\",\"email\":\"c-").append(contact)
        .append("@customers.test\"}")
        .append(",\"account\":{\"externalId\":\"a-").append(account).append("\",\"name\":\"Account ").append(account)
        .append("\",\"tier\":\"").append(account % 10 == 0 ? "enterprise" : account % 3 == 0 ? "mid-market" : "smb")
        .append("\",\"owner\":\"").append(owner).append("\"}}");
    return b.toString();
  }

  private String pooledBody(ThreadLocalRandom r) {
    int contact = r.nextInt(CONTACTS);
    int account = contact % ACCOUNTS;
    return body(r, null, contact, account, "owner-" + account + "@owners.test");
  }

  private HttpResponse<String> post(String path, String type, HttpRequest.BodyPublisher body, HttpClient client) throws Exception {
    return client.send(HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + server.apiKey())
        .header("Content-Type", type).timeout(Duration.ofSeconds(120)).POST(body).build(), HttpResponse.BodyHandlers.ofString());
  }

  // ---- sustained load ------------------------------------------------------------------------------------------

  private void warmUp(int clients) throws Exception {
    closedLoop(clients, Duration.ofSeconds(15), null);
  }

  private record Loop(long ok, long errors, long[] sortedNanos, double seconds) {}

  private Loop closedLoop(int clients, Duration length, Runnable everySecond) throws Exception {
    AtomicLong ok = new AtomicLong(), errors = new AtomicLong();
    List<long[]> lat = new ArrayList<>();
    List<AtomicInteger> counts = new ArrayList<>();
    long end = System.nanoTime() + length.toNanos();
    List<Thread> threads = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      long[] mine = new long[2_000_000 / clients];
      AtomicInteger n = new AtomicInteger();
      lat.add(mine);
      counts.add(n);
      threads.add(Thread.ofVirtual().start(() -> {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
          long s = System.nanoTime();
          try {
            HttpResponse<String> res = post("/api/v1/responses", "application/json",
                HttpRequest.BodyPublishers.ofString(pooledBody(r)), client);
            if (res.statusCode() / 100 == 2) ok.incrementAndGet(); else errors.incrementAndGet();
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          int i = n.getAndIncrement();
          if (i < mine.length) mine[i] = System.nanoTime() - s;
        }
      }));
    }
    Thread ticker = everySecond == null ? null : Thread.ofPlatform().daemon().start(() -> {
      long next = System.nanoTime();
      while (System.nanoTime() < end) {
        next += TimeUnit.SECONDS.toNanos(1);
        try {
          TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        } catch (InterruptedException e) {
          return;
        }
        everySecond.run();
      }
    });
    for (Thread t : threads) t.join();
    if (ticker != null) ticker.join(5_000);
    double secs = (System.nanoTime() - t0) / 1e9;
    int total = 0;
    for (int c = 0; c < clients; c++) total += Math.min(counts.get(c).get(), lat.get(c).length);
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      int n = Math.min(counts.get(c).get(), lat.get(c).length);
      System.arraycopy(lat.get(c), 0, all, at, n);
      at += n;
    }
    Arrays.sort(all);
    return new Loop(ok.get(), errors.get(), all, secs);
  }

  private Map<String, Long> backlog(Connection db) {
    Map<String, Long> m = new TreeMap<>();
    try (var st = db.createStatement(); ResultSet rs = st.executeQuery("""
        SELECT stage, count(*) FROM platform_work GROUP BY stage
        UNION ALL SELECT 'outbox (due)', count(*) FROM outreach_message
          WHERE status IN ('pending', 'sending') AND coalesce(next_attempt_at, not_before) <= now()
        UNION ALL SELECT 'insights (live queue)', count(*) FROM insights_pending""")) {
      while (rs.next()) m.put(rs.getString(1), rs.getLong(2));
    } catch (Exception e) {
      m.put("error: " + e.getMessage(), -1L);
    }
    return m;
  }

  private static long total(Map<String, Long> backlog) {
    return backlog.entrySet().stream().filter(e -> !e.getKey().startsWith("insights")).mapToLong(Map.Entry::getValue).sum();
  }

  private Map<String, Double> sustained(Connection db, int clients, Duration length) throws Exception {
    out.println();
    out.println("## Sustained load: " + clients + " clients, closed loop, " + length.toSeconds() + " s (after a 15 s warm-up)");
    out.println();
    List<Map<String, Long>> samples = new ArrayList<>();
    List<Double> heap = new ArrayList<>();
    Cpu.Snapshot before = Cpu.Snapshot.take(server);
    long delivered0 = smtp.messages.get();
    Loop loop = closedLoop(clients, length, () -> {
      synchronized (samples) {
        samples.add(backlog(db));
      }
      heap.add(server.metric("jvm.memory.used", "area:heap").getOrDefault("VALUE", 0.0));
    });
    Cpu.Usage cpu = Cpu.Snapshot.take(server).since(before);
    double rate = loop.ok() / loop.seconds();
    out.printf("%,d responses accepted in %.1f s = **%,.0f responses/s**; POST p50 %s, p90 %s, p99 %s, max %s; %d errors.%n",
        loop.ok(), loop.seconds(), rate, TriggerBenchmark.ms(loop.sortedNanos(), 0.5), TriggerBenchmark.ms(loop.sortedNanos(), 0.9),
        TriggerBenchmark.ms(loop.sortedNanos(), 0.99), TriggerBenchmark.ms(loop.sortedNanos(), 1.0), loop.errors());
    out.printf("Messages accepted by SMTP during the load: %,d. CPU: %s.%n", smtp.messages.get() - delivered0, cpu);
    out.println();
    java.util.Set<String> stages = new java.util.TreeSet<>();
    samples.forEach(s -> stages.addAll(s.keySet()));
    out.println("Backlog per stage, sampled each second (every 5th sample shown):");
    out.println();
    out.println("| s | " + String.join(" | ", stages) + " |");
    out.println("|---:|" + "---:|".repeat(stages.size()));
    for (int i = 0; i < samples.size(); i++) {
      if (i % 5 != 4 && i != samples.size() - 1) continue;
      Map<String, Long> s = samples.get(i);
      StringBuilder row = new StringBuilder("| " + (i + 1) + " |");
      for (String st : stages) row.append(' ').append(s.getOrDefault(st, 0L)).append(" |");
      out.println(row);
    }
    // growth: least-squares slope of each stage's backlog over the second half of the run
    out.println();
    StringBuilder growth = new StringBuilder();
    boolean growing = false;
    int from = samples.size() / 2;
    for (String st : stages) {
      double slope = slope(samples.subList(from, samples.size()).stream().mapToDouble(s -> s.getOrDefault(st, 0L)).toArray());
      growth.append(String.format("%s %+.1f/s; ", st, slope));
      // growing: more than 1% of the intake rate per second, sustained
      if (!st.startsWith("insights") && slope > Math.max(5, rate * 0.01)) growing = true;
    }
    out.println("Backlog trend over the second half (items per second): " + growth);
    double heapMax = heap.stream().mapToDouble(Double::doubleValue).max().orElse(0) / 1e6;
    out.printf("Server heap max during the load: %.0f MB.%n", heapMax);
    summary.put("sustained responses/s at " + clients + " clients ≥ 1,000, no stage backlog growing", String.format(
        "%,.0f/s, backlog %s → %s", rate, growing ? "growing" : "not growing",
        rate >= 1000 && !growing ? "PASS" : "FAIL"));
    summary.put("single POST p99 < 50 ms (32 clients)", TriggerBenchmark.ms(loop.sortedNanos(), 0.99) + " "
        + (loop.sortedNanos().length > 0 && loop.sortedNanos()[(int) Math.ceil(0.99 * loop.sortedNanos().length) - 1] < 50e6 ? "PASS" : "FAIL"));
    summary.put("heap ≤ 512 MB", String.format("%.0f MB max during the load %s", heapMax, heapMax <= 512 ? "PASS" : "FAIL"));
    summary.put("CPU during the sustained load", cpu.toString());
    return Map.of("rate", rate);
  }

  private static double slope(double[] y) {
    int n = y.length;
    if (n < 2) return 0;
    double mx = (n - 1) / 2.0, my = Arrays.stream(y).average().orElse(0), num = 0, den = 0;
    for (int i = 0; i < n; i++) {
      num += (i - mx) * (y[i] - my);
      den += (i - mx) * (i - mx);
    }
    return num / den;
  }

  private void drain(Connection db, String label, int maxSeconds) throws Exception {
    long t0 = System.nanoTime();
    Map<String, Long> b = backlog(db);
    while (total(b) > 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(maxSeconds)) {
      Thread.sleep(200);
      b = backlog(db);
    }
    if (label != null) {
      out.printf("%nBacklog drained %s in %.1f s%s.%n", label, (System.nanoTime() - t0) / 1e9,
          total(b) > 0 ? " — NOT drained, still " + b : "");
    }
  }

  // ---- latency at fixed rates ----------------------------------------------------------------------------------

  private void latency(Connection db, int rate, int seconds) throws Exception {
    Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, Long> ownerSentAt = new ConcurrentHashMap<>();
    Map<UUID, Long> caseAt = new ConcurrentHashMap<>();
    List<Long> postNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    String tag = run + "-r" + rate;
    java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread poller = Thread.ofPlatform().daemon().start(() -> {
      try (PreparedStatement ps = db.prepareStatement("SELECT response_id FROM followup_case WHERE response_id = ANY(?)")) {
        while (polling.get()) {
          UUID[] missing = sentAt.keySet().stream().filter(id -> !caseAt.containsKey(id)).toArray(UUID[]::new);
          if (missing.length > 0) {
            ps.setArray(1, db.createArrayOf("uuid", missing));
            long now = System.nanoTime();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) caseAt.putIfAbsent(rs.getObject(1, UUID.class), now);
            }
          }
          Thread.sleep(20);
        }
      } catch (Exception e) {
        out.println("case poller stopped: " + e);
      }
    });
    long total = (long) rate * seconds, interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long t0 = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long i = 0; i < total; i++) {
        long wait = t0 + i * interval - System.nanoTime();
        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        long n = i;
        pool.submit(() -> {
          ThreadLocalRandom r = ThreadLocalRandom.current();
          String owner = ("o-" + tag + "-" + n + "@owners.test").toLowerCase();
          // a new detractor at a new smb account with its own owner: the owner alert is its first message
          String body = body(r, r.nextInt(7), 1_000_000 + (int) (sequence.get() % 1_000_000_000), 1_000_001 + (int) n * 3 % 1_000_000, owner)
              .replace("\"tier\":\"enterprise\"", "\"tier\":\"smb\"").replace("\"tier\":\"mid-market\"", "\"tier\":\"smb\"")
              .replace("\"externalId\":\"a-", "\"externalId\":\"a-" + tag + "-" + n + "-");
          long s = System.nanoTime();
          try {
            HttpResponse<String> res = post("/api/v1/responses", "application/json", HttpRequest.BodyPublishers.ofString(body), http);
            postNanos.add(System.nanoTime() - s);
            if (res.statusCode() / 100 != 2) {
              errors.incrementAndGet();
              return;
            }
            UUID id = UUID.fromString(JSON.readTree(res.body()).get("id").asString());
            ownerSentAt.put(owner, s);
            sentAt.put(id, s);
          } catch (Exception e) {
            errors.incrementAndGet();
          }
        });
      }
    }
    double achieved = postNanos.size() / ((System.nanoTime() - t0) / 1e9);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && (caseAt.size() < sentAt.size()
        || ownerSentAt.keySet().stream().anyMatch(o -> !smtp.acceptedAt.containsKey(o)))) {
      Thread.sleep(50);
    }
    polling.set(false);
    poller.join(2_000);
    long[] post = postNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] cases = sentAt.entrySet().stream().filter(e -> caseAt.containsKey(e.getKey()))
        .mapToLong(e -> caseAt.get(e.getKey()) - e.getValue()).sorted().toArray();
    long[] mails = ownerSentAt.entrySet().stream().filter(e -> smtp.acceptedAt.containsKey(e.getKey()))
        .mapToLong(e -> smtp.acceptedAt.get(e.getKey()) - e.getValue()).sorted().toArray();
    out.printf("| %d | %.0f | %s | %s | %d | %s | %s | %s | %d | %s | %s | %s | %d / %d%s |%n", rate, achieved,
        TriggerBenchmark.ms(post, 0.5), TriggerBenchmark.ms(post, 0.99), cases.length, TriggerBenchmark.ms(cases, 0.5),
        TriggerBenchmark.ms(cases, 0.95), TriggerBenchmark.ms(cases, 0.99), mails.length, TriggerBenchmark.ms(mails, 0.5),
        TriggerBenchmark.ms(mails, 0.95), TriggerBenchmark.ms(mails, 0.99), sentAt.size() - cases.length,
        ownerSentAt.size() - mails.length, errors.get() > 0 ? "; " + errors.get() + " POST errors" : "");
    if (rate == 500) {
      summary.put("score → case p99 < 1 s at 500/s", TriggerBenchmark.ms(cases, 0.99) + " (" + (sentAt.size() - cases.length)
          + " missing) " + (cases.length > 0 && sentAt.size() == cases.length && cases[(int) Math.ceil(0.99 * cases.length) - 1] < 1e9 ? "PASS" : "FAIL"));
    }
    if (rate == 200) {
      summary.put("score → first SMTP-accepted message p99 < 2 s at 200/s", TriggerBenchmark.ms(mails, 0.99) + " ("
          + (ownerSentAt.size() - mails.length) + " missing) " + (mails.length > 0 && ownerSentAt.size() == mails.length
          && mails[(int) Math.ceil(0.99 * mails.length) - 1] < 2e9 ? "PASS" : "FAIL"));
    }
  }

  // ---- bulk paths ----------------------------------------------------------------------------------------------

  private double batches(Connection db, int rows) throws Exception {
    out.println();
    out.println("## Bulk: batch API and CSV import through the whole pipeline");
    out.println();
    int perBatch = 1000, clients = 2;
    AtomicLong recorded = new AtomicLong();
    AtomicInteger left = new AtomicInteger(Math.max(1, rows / perBatch));
    Instant start = Instant.now();
    long t0 = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      threads.add(Thread.ofVirtual().start(() -> {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (left.getAndDecrement() > 0) {
          StringBuilder b = new StringBuilder(perBatch * 420).append("{\"items\":[");
          for (int i = 0; i < perBatch; i++) b.append(i == 0 ? "" : ",").append(pooledBody(r).replace("\"source\":\"bench\"", "\"source\":\"bench-batch-" + run + "\""));
          b.append("]}");
          try {
            HttpResponse<String> res = post("/api/v1/responses/batch", "application/json", HttpRequest.BodyPublishers.ofString(b.toString()), client);
            if (res.statusCode() == 200) recorded.addAndGet(perBatch);
            else out.println("batch → " + res.statusCode() + " " + res.body().substring(0, Math.min(300, res.body().length())));
          } catch (Exception e) {
            out.println("batch failed: " + e);
          }
        }
      }));
    }
    for (Thread t : threads) t.join();
    double secs = (System.nanoTime() - t0) / 1e9;
    double rate = recorded.get() / secs;
    Instant end = Instant.now();
    out.printf("Batch API: %,d responses in batches of %,d from %d clients in %.1f s = **%,.0f responses/s recorded**.%n",
        recorded.get(), perBatch, clients, secs, rate);
    lastCase(db, "bench-batch-" + run, end, "batch API");
    summary.put("batch API responses/s recorded (goal ≥ 20,000)", String.format("%,.0f/s %s", rate, rate >= 20_000 ? "PASS" : "FAIL"));
    return rate;
  }

  private void lastCase(Connection db, String source, Instant end, String what) throws Exception {
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(300)) {
      Map<String, Long> b = backlog(db);
      if (b.getOrDefault("triggers.decide", 0L) == 0 && b.getOrDefault("followup.open", 0L) == 0) break;
      Thread.sleep(100);
    }
    try (PreparedStatement ps = db.prepareStatement("""
        SELECT count(*), max(c.opened_at),
               (SELECT count(*) FROM triggers_decision d JOIN responses_response r2 ON r2.id = d.response_id WHERE r2.source = ?),
               (SELECT count(*) FROM responses_response r3 WHERE r3.source = ?)
        FROM followup_case c JOIN responses_response r ON r.id = c.response_id WHERE r.source = ?""")) {
      ps.setString(1, source);
      ps.setString(2, source);
      ps.setString(3, source);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long cases = rs.getLong(1);
        Instant last = rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant();
        double after = last == null ? Double.NaN : Duration.between(end, last).toMillis() / 1e3;
        out.printf("%s: %,d responses stored, %,d decided, %,d cases; the last case opened %.1f s after the upload ended.%n",
            what, rs.getLong(4), rs.getLong(3), cases, after);
        summary.put("last case within 30 s of the " + what + "'s end", String.format("%.1f s %s", after, after <= 30 ? "PASS" : "FAIL"));
      }
    }
  }

  private double csv(Connection db, int rows) throws Exception {
    String source = "bench-csv-" + run;
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    InputStream body = new InputStream() {
      int next = -1;
      byte[] line = "score,comment,email,account id,owner,tier,date\n".getBytes(StandardCharsets.UTF_8);
      int pos;

      @Override
      public int read() {
        if (pos == line.length) {
          if (next + 1 >= rows) return -1;
          next++;
          ThreadLocalRandom r = ThreadLocalRandom.current();
          Workload.Sample s = workload.sample(r);
          int contact = r.nextInt(CONTACTS);
          int account = contact % ACCOUNTS;
          String comment = s.comment() == null ? "" : "\"" + s.comment().replace("\"", "\"\"").replace('\n', ' ').replace('\r', ' ') + "\"";
          line = ("%d,%s,c-%d@customers.test,a-%d,owner-%d@owners.test,%s,%s\n".formatted(s.score(), comment, contact,
              account, account, account % 10 == 0 ? "enterprise" : "smb", now)).getBytes(StandardCharsets.UTF_8);
          pos = 0;
        }
        return line[pos++] & 0xff;
      }
    };
    long t0 = System.nanoTime();
    HttpResponse<String> res = post("/api/v1/imports/responses?source=" + source, "text/csv",
        HttpRequest.BodyPublishers.ofInputStream(() -> body), http);
    double secs = (System.nanoTime() - t0) / 1e9;
    Instant end = Instant.now();
    JsonNode j = res.statusCode() == 200 ? JSON.readTree(res.body()) : null;
    long recorded = j == null ? 0 : j.get("recorded").asLong() + j.get("updated").asLong();
    double rate = recorded / secs;
    out.printf("CSV import: %,d rows → HTTP %d, %,d recorded in %.1f s = **%,.0f responses/s recorded**%s.%n", rows,
        res.statusCode(), recorded, secs, rate, j == null ? " (" + res.body().substring(0, Math.min(300, res.body().length())) + ")" : "");
    lastCase(db, source, end, "CSV import");
    summary.put("CSV import responses/s recorded (goal ≥ 20,000)", String.format("%,.0f/s %s", rate, rate >= 20_000 ? "PASS" : "FAIL"));
    return rate;
  }

  // ---- embeddings ----------------------------------------------------------------------------------------------

  private double coding(Connection db, int texts) throws Exception {
    out.println();
    out.println("## Comment coding");
    out.println();
    String source = "bench-coding-" + run;
    StringBuilder b = new StringBuilder("{\"items\":[");
    ThreadLocalRandom r = ThreadLocalRandom.current();
    int n = 0;
    while (n < texts) {
      Workload.Sample s = workload.sample(r);
      if (s.comment() == null) continue;
      // promoters: the pipeline codes them without opening cases, so this phase measures coding
      b.append(n == 0 ? "" : ",").append("{\"source\":\"").append(source).append("\",\"sourceId\":\"k-").append(n)
          .append("\",\"score\":10,\"comment\":").append(JSON.writeValueAsString(s.comment())).append('}');
      n++;
    }
    b.append("]}");
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    HttpResponse<String> res = post("/api/v1/responses/batch", "application/json", HttpRequest.BodyPublishers.ofString(b.toString()), http);
    if (res.statusCode() != 200) {
      out.println("coding batch → " + res.statusCode());
      return 0;
    }
    long coded = 0, lastChange = System.nanoTime(), lastCodedAt = t0;
    try (PreparedStatement ps = db.prepareStatement("""
        SELECT count(*) FROM insights_text t JOIN responses_response r ON r.id = t.source_id
        WHERE t.source_type = 'response' AND r.source = ?""")) {
      ps.setString(1, source);
      while (coded < texts && System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(30)) {
        Thread.sleep(100);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long c = rs.getLong(1);
          if (c != coded) {
            coded = c;
            lastChange = lastCodedAt = System.nanoTime();
          }
        }
      }
    }
    double secs = (lastCodedAt - t0) / 1e9;
    double rate = coded / secs;
    out.printf("%,d comments posted in one batch at %s; %,d coded in %.1f s = **%,.1f coded texts/s** (from the POST to the last one coded).%n",
        texts, started, coded, secs, rate);
    return rate;
  }

  /** The same model in this JVM, with the server idle: the app's embedder, and langchain4j's default session. */
  private double rawEmbeddings() throws Exception {
    List<String> texts = new ArrayList<>();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    while (texts.size() < 2_000) {
      Workload.Sample s = workload.sample(r);
      if (s.comment() != null) texts.add(s.comment());
    }
    var embedder = new dev.followthrough.insights.embedding.MiniLmEmbedder(Files.createTempDirectory("djl"));
    embedder.warmUp();
    double ours = embedRate(t -> embedder.embed(t), texts);
    var lc = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel();
    double theirs = embedRate(t -> lc.embedAll(t.stream().map(dev.langchain4j.data.segment.TextSegment::from).toList()), texts);
    out.printf("Raw embedding in the benchmark JVM (server idle), batches of 32 for 10 s: the app's MiniLmEmbedder %.1f sentences/s, "
        + "langchain4j's default AllMiniLmL6V2QuantizedEmbeddingModel %.1f sentences/s.%n", ours, theirs);
    return Math.max(ours, theirs);
  }

  private static double embedRate(java.util.function.Consumer<List<String>> embed, List<String> texts) {
    embed.accept(texts.subList(0, 64)); // warm
    long t0 = System.nanoTime(), end = t0 + TimeUnit.SECONDS.toNanos(10);
    int done = 0, at = 0;
    while (System.nanoTime() < end) {
      List<String> batch = texts.subList(at, at + 32);
      embed.accept(batch);
      done += batch.size();
      at = (at + 32) % (texts.size() - 32);
    }
    return done / ((System.nanoTime() - t0) / 1e9);
  }

  // ---- the ceiling and memory ----------------------------------------------------------------------------------

  private void rawPostgres(double singleRate, double bulkRate) throws Exception {
    out.println();
    out.println("## Raw PostgreSQL ceiling (same run, same server)");
    out.println();
    RawPostgres raw = new RawPostgres(server.dbPort(), workload);
    raw.createScratchTable();
    try {
      RawPostgres.Result single = raw.singleRowInserts(32, Duration.ofSeconds(10));
      RawPostgres.Result multi = raw.batchedInserts(4, 1000, Duration.ofSeconds(10));
      out.printf("single-row INSERT + commit, 32 threads: %,.0f rows/s; multi-row INSERT of 1,000, 4 threads: %,.0f rows/s.%n",
          single.rowsPerSecond(), multi.rowsPerSecond());
      out.printf("Sustained single responses through the whole pipeline: %,.0f/s = %.0f%% of the single-row ceiling; "
          + "bulk (best of batch API and CSV): %,.0f/s = %.0f%% of the multi-row ceiling.%n", singleRate,
          100 * singleRate / single.rowsPerSecond(), bulkRate, 100 * bulkRate / multi.rowsPerSecond());
      summary.put("share of the raw PostgreSQL ceiling", String.format("single %.0f%% of %,.0f commits/s; bulk %.0f%% of %,.0f rows/s",
          100 * singleRate / single.rowsPerSecond(), single.rowsPerSecond(), 100 * bulkRate / multi.rowsPerSecond(), multi.rowsPerSecond()));
    } finally {
      raw.dropScratchTable();
    }
  }

  private void memory() {
    long pid = server.pid();
    out.printf("%nMemory: server RSS peak (VmHWM) %,d MB; PostgreSQL %,d MB by PSS; SMTP sessions opened %,d for %,d messages.%n",
        ServerProcess.procStatusKb(pid, "VmHWM") / 1024, server.postgresPssKb() / 1024, smtp.sessions.get(), smtp.messages.get());
  }
}
