package dev.followthrough.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Trigger latency: from {@code POST /api/v1/responses} returning 201 to the follow-up case being
 * visible in the database, at a sustained open-loop arrival rate (requests are sent on schedule
 * whether or not earlier ones have finished). Every response is a fresh detractor, so the default
 * rules open a case for each. The server is the real jar as a child process on embedded PostgreSQL;
 * a poller reads {@code followup_case} every 10 ms.
 *
 * <p>{@code scripts/bench --main=TriggerBenchmark [--rates=100,300,600,1000] [--seconds=20]}
 */
public final class TriggerBenchmark {

  public static void main(String[] args) throws Exception {
    Path jar = null, work = Path.of("target-bench/bench-data");
    int[] rates = {100, 300, 600, 1000};
    int seconds = 20;
    List<String> serverOpts = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--jar=")) jar = Path.of(a.substring(6));
      else if (a.startsWith("--work-dir=")) work = Path.of(a.substring(11));
      else if (a.startsWith("--rates=")) rates = Arrays.stream(a.substring(8).split(",")).mapToInt(Integer::parseInt).toArray();
      else if (a.startsWith("--seconds=")) seconds = Integer.parseInt(a.substring(10));
      else if (a.startsWith("--server-opt=")) serverOpts.add(a.substring(13));
      else if (a.equals("--quick")) { rates = new int[] {100, 300}; seconds = 5; }
      else throw new IllegalArgumentException("unknown option " + a + " (known: --rates=100,300 --seconds=N --quick)");
    }
    if (jar == null || !Files.isRegularFile(jar)) throw new IllegalStateException("no jar; run scripts/bench --main=TriggerBenchmark");
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
    Path dataDir = work.toAbsolutePath().resolve("triggers-" + stamp);
    String key = "ftbench_" + HexFormat.of().formatHex(IngestBenchmark.randomBytes(16));
    int httpPort = IngestBenchmark.freePort(), dbPort = IngestBenchmark.freePort();
    ServerProcess server = new ServerProcess(jar, dataDir, httpPort, dbPort, key, "512m", serverOpts);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    try {
      System.out.println("server started in " + server.start().toMillis() + " ms; machine: "
          + Runtime.getRuntime().availableProcessors() + " cores, load average " + Cpu.loadAverage());
      System.out.println();
      System.out.println("| rate offered (resp/s) | achieved | POST p50 | POST p99 | cases | trigger p50 | trigger p95 | trigger p99 | max | missing after 30 s |");
      System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      run(server, 50, 5, dbPort, false); // warm-up
      for (int rate : rates) run(server, rate, seconds, dbPort, true);
    } finally {
      server.close();
      IngestBenchmark.deleteTree(dataDir.resolve("postgres"));
      IngestBenchmark.deleteTree(dataDir.resolve("runtime"));
    }
    System.out.println();
    System.out.println("Rule evaluation cost (in-process, after the server stopped):");
    RuleEvaluationBenchmark.main(new String[0]);
  }

  private static void run(ServerProcess server, int rate, int seconds, int dbPort, boolean print) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<UUID, Long> returnedAt = new ConcurrentHashMap<>();
    Map<UUID, Long> visibleAt = new ConcurrentHashMap<>();
    List<Long> postNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant start = Instant.now().minusSeconds(5);

    AtomicLong stopPolling = new AtomicLong(Long.MAX_VALUE);
    Thread poller = Thread.ofPlatform().daemon().start(() -> poll(dbPort, start, returnedAt, visibleAt, stopPolling));

    long total = (long) rate * seconds;
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long t0 = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long i = 0; i < total; i++) {
        long due = t0 + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        long n = i;
        pool.submit(() -> {
          String body = """
              {"source": "bench-%s", "sourceId": "%d", "score": %d, "comment": "Slow exports",
               "contact": {"externalId": "c-%s-%d"}, "account": {"externalId": "a-%s-%d", "tier": "smb", "arr": 12000}}"""
              .formatted(run, n, (int) (n % 7), run, n, run, n % 500);
          long s = System.nanoTime();
          try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri("/api/v1/responses"))
                .header("Authorization", "Bearer " + server.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            long e = System.nanoTime();
            if (r.statusCode() != 201) { errors.incrementAndGet(); return; }
            String b = r.body();
            int k = b.indexOf("\"id\":\"") + 6;
            returnedAt.put(UUID.fromString(b.substring(k, k + 36)), e);
            postNanos.add(e - s);
          } catch (Exception ex) {
            errors.incrementAndGet();
          }
        });
      }
    }
    double achieved = returnedAt.size() / ((System.nanoTime() - t0) / 1e9);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (visibleAt.size() < returnedAt.size() && System.nanoTime() < deadline) Thread.sleep(50);
    stopPolling.set(0);
    poller.join();
    if (!print) return;
    long[] lat = returnedAt.entrySet().stream().filter(e -> visibleAt.containsKey(e.getKey()))
        .mapToLong(e -> Math.max(0, visibleAt.get(e.getKey()) - e.getValue())).sorted().toArray();
    long[] post = postNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("| %d | %.0f | %s | %s | %d | %s | %s | %s | %s | %d |%n", rate, achieved, ms(post, 0.5), ms(post, 0.99),
        lat.length, ms(lat, 0.5), ms(lat, 0.95), ms(lat, 0.99), ms(lat, 1.0), returnedAt.size() - lat.length
            + errors.get());
  }

  private static void poll(int dbPort, Instant since, Map<UUID, Long> returnedAt, Map<UUID, Long> visibleAt, AtomicLong stop) {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres", "postgres", "")) {
      PreparedStatement q = c.prepareStatement("SELECT response_id FROM followup_case WHERE opened_at >= ?");
      while (stop.get() != 0) {
        long seenAt = System.nanoTime();
        // look back 10 s: a case's opened_at is taken before its transaction commits
        Instant lookBack = Instant.now().minusSeconds(10);
        q.setTimestamp(1, Timestamp.from(lookBack.isAfter(since) ? lookBack : since));
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) visibleAt.putIfAbsent(rs.getObject(1, UUID.class), seenAt);
        }
        Thread.sleep(10);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The q-quantile of sorted nanoseconds, in milliseconds. */
  static String ms(long[] sorted, double q) {
    if (sorted.length == 0) return "–";
    int i = Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1));
    return String.format("%.0f ms", sorted[i] / 1e6);
  }

  private TriggerBenchmark() {}
}
