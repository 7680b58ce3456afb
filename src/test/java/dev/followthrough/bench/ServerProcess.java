package dev.followthrough.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server under test as a child process ({@code java -Xmx512m -jar followthrough.jar}), exactly
 * as an operator runs it. Stopping is SIGTERM (graceful: the app closes its pool, then its embedded
 * PostgreSQL); if anything is left — including a postmaster orphaned by a crash — it is shut down
 * through the pid in {@code postmaster.pid}.
 */
final class ServerProcess implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** How long a start may take before it counts as failed ({@code -Dft.bench.health-timeout=N}; a busy shared box needs more). */
  private static final long HEALTH_TIMEOUT_SECONDS = Long.getLong("ft.bench.health-timeout", 180);

  private final Path jar;
  private final Path dataDir;
  private final int httpPort;
  private final int dbPort;
  private final String apiKey;
  private final String heap;
  private final List<String> jvmOptions;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private Path log;
  private int starts;

  ServerProcess(Path jar, Path dataDir, int httpPort, int dbPort, String apiKey, String heap, List<String> jvmOptions) {
    this.jvmOptions = jvmOptions;
    this.jar = jar;
    this.dataDir = dataDir;
    this.httpPort = httpPort;
    this.dbPort = dbPort;
    this.apiKey = apiKey;
    this.heap = heap;
  }

  /** Starts the server and answers the time until {@code GET /actuator/health} says 200. */
  synchronized Duration start() throws IOException, InterruptedException {
    if (process != null && process.isAlive()) throw new IllegalStateException("already running");
    Files.createDirectories(dataDir);
    log = dataDir.resolve("server-" + (++starts) + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .directory(dataDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("FOLLOWTHROUGH_DATA_DIR", dataDir.toAbsolutePath().toString());
    env.put("FOLLOWTHROUGH_DATABASE_EMBEDDED_PORT", Integer.toString(dbPort));
    env.put("SERVER_PORT", Integer.toString(httpPort));
    env.put("FOLLOWTHROUGH_BOOTSTRAP_API_KEY", apiKey);
    env.put("FOLLOWTHROUGH_BOOTSTRAP_ADMIN_EMAIL", "bench@example.test");
    env.put("FOLLOWTHROUGH_BOOTSTRAP_ADMIN_PASSWORD", "bench-password-not-secret");
    // the load generator is one loopback client: it measures throughput, not the per-address rate limits
    env.put("FOLLOWTHROUGH_SECURITY_RATE_LIMIT_EXEMPT", "127.0.0.1");
    long t0 = System.nanoTime();
    process = pb.start();
    HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(2)).GET().build();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(HEALTH_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited with " + process.exitValue() + " before it was healthy; log "
            + log + ":\n" + tail(40));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - t0);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("server not healthy after " + HEALTH_TIMEOUT_SECONDS + " s; log " + log + ":\n" + tail(40));
  }

  /** SIGTERM and wait; answers how long a graceful stop took. */
  synchronized Duration stop() throws InterruptedException {
    if (process == null) return Duration.ZERO;
    long t0 = System.nanoTime();
    process.destroy();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      System.err.println("server did not stop within 90 s; killing it");
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    stopPostmaster();
    process = null;
    return took;
  }

  /** For shutdown hooks and failures: never leave a JVM or a postmaster behind. */
  @Override
  public void close() {
    try {
      if (process != null && process.isAlive()) stop();
      else stopPostmaster();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopPostmaster() throws InterruptedException {
    Optional<ProcessHandle> pm = postmaster();
    if (pm.isEmpty()) return;
    System.err.println("stopping leftover PostgreSQL pid " + pm.get().pid());
    signal(pm.get().pid(), "INT"); // fast shutdown
    try {
      pm.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      signal(pm.get().pid(), "QUIT");
    }
  }

  private static void signal(long pid, String sig) throws InterruptedException {
    try {
      new ProcessBuilder("kill", "-" + sig, Long.toString(pid)).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      System.err.println("kill -" + sig + " " + pid + " failed: " + e);
    }
  }

  /** The live postmaster owning this data directory, if any. */
  Optional<ProcessHandle> postmaster() {
    Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
    try {
      if (!Files.exists(pid)) return Optional.empty();
      List<String> lines = Files.readAllLines(pid);
      if (lines.isEmpty()) return Optional.empty();
      return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
          .filter(h -> h.info().command().map(c -> c.contains("postgres")).orElse(true));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  long pid() {
    return process.pid();
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  Path log() {
    return log;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  String apiKey() {
    return apiKey;
  }

  int dbPort() {
    return dbPort;
  }

  /** A Micrometer meter's statistics (COUNT, TOTAL_TIME, MAX, VALUE…) by {@code /actuator/metrics}; empty if absent. */
  Map<String, Double> metric(String name, String... tags) {
    StringBuilder q = new StringBuilder("/actuator/metrics/").append(name);
    for (int i = 0; i < tags.length; i++) q.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
    Map<String, Double> out = new LinkedHashMap<>();
    try {
      HttpRequest r = HttpRequest.newBuilder(uri(q.toString())).header("Authorization", "Bearer " + apiKey)
          .timeout(Duration.ofSeconds(10)).GET().build();
      HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) return out;
      for (JsonNode m : JSON.readTree(res.body()).get("measurements")) {
        out.put(m.get("statistic").asString(), m.get("value").asDouble());
      }
    } catch (IOException e) {
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  /** kB from /proc/pid/status, e.g. VmRSS or VmHWM (peak RSS); -1 if unknown. */
  static long procStatusKb(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field + ":")) return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** Proportional set size: shared pages (shared_buffers) split among the processes mapping them. */
  static long pssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
        if (line.startsWith("Pss:")) return Long.parseLong(line.substring(4).replace("kB", "").trim());
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** The postmaster and its backends, summed by PSS (an honest total for processes sharing memory). */
  long postgresPssKb() {
    Optional<ProcessHandle> pm = postmaster();
    if (pm.isEmpty()) return -1;
    List<ProcessHandle> all = new ArrayList<>();
    all.add(pm.get());
    pm.get().descendants().forEach(all::add);
    long sum = 0;
    for (ProcessHandle h : all) {
      long k = pssKb(h.pid());
      if (k > 0) sum += k;
    }
    return sum;
  }

  /** CPU seconds used so far by the postmaster and its live backends. */
  double postgresCpuSeconds() {
    Optional<ProcessHandle> pm = postmaster();
    if (pm.isEmpty()) return 0;
    List<ProcessHandle> all = new ArrayList<>();
    all.add(pm.get());
    pm.get().descendants().forEach(all::add);
    // the postmaster's own figure includes its reaped children (backends that have exited)
    double sum = Cpu.processSeconds(pm.get().pid(), true);
    for (int i = 1; i < all.size(); i++) sum += Cpu.processSeconds(all.get(i).pid(), false);
    return sum;
  }

  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
