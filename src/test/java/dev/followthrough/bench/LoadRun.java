package dev.followthrough.bench;

import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A closed loop: N clients (virtual threads), each sending its next request as soon as the last
 * one is answered, for a fixed time. Bounded in time and in count; every request goes to 127.0.0.1.
 */
final class LoadRun {

  /** One request: answers its HTTP status and how many responses it carried (1, or a batch's size). */
  interface Call {
    Outcome send(HttpClient http) throws Exception;
  }

  /** {@code items}: responses the server accepted; {@code itemErrors}: items rejected inside a 200 batch. */
  record Outcome(int status, long items, long itemErrors) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  record Result(String name, int clients, double seconds, long requests, long items, long[] sortedMicros,
                Map<String, Long> errors, Cpu.Usage cpu) {

    double requestsPerSecond() {
      return requests / seconds;
    }

    double itemsPerSecond() {
      return items / seconds;
    }

    long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Nearest-rank percentile in milliseconds. */
    double percentileMs(double p) {
      if (sortedMicros.length == 0) return Double.NaN;
      int idx = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
      return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, idx))] / 1000.0;
    }

    double maxMs() {
      return sortedMicros.length == 0 ? Double.NaN : sortedMicros[sortedMicros.length - 1] / 1000.0;
    }

    String errorText() {
      if (errors.isEmpty()) return "none";
      StringBuilder b = new StringBuilder();
      errors.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(" ×").append(v));
      return b.toString();
    }
  }

  private static final int MAX_REQUESTS_PER_CLIENT = 5_000_000;
  private static final int MAX_SAMPLES_PER_CLIENT = 2_000_000;

  private LoadRun() {}

  static Result run(String name, int clients, Duration duration, ServerProcess server, Call call)
      throws InterruptedException {
    // a fresh client per level: its connection pool grows to one HTTP/1.1 connection per client
    try (ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor();
         HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
             .connectTimeout(Duration.ofSeconds(10)).executor(exec).build()) {
      Client[] cs = new Client[clients];
      Thread[] ts = new Thread[clients];
      Cpu.Snapshot cpu0 = Cpu.Snapshot.take(server);
      long start = System.nanoTime();
      long deadline = start + duration.toNanos();
      for (int i = 0; i < clients; i++) {
        cs[i] = new Client(http, call, deadline);
        ts[i] = Thread.ofVirtual().name("load-" + name + "-" + i).start(cs[i]);
      }
      long hardStop = deadline + Duration.ofMinutes(3).toNanos();
      for (Thread t : ts) {
        long left = hardStop - System.nanoTime();
        if (left <= 0 || !t.join(Duration.ofNanos(Math.max(1, left)))) {
          for (Thread x : ts) x.interrupt();
          break;
        }
      }
      for (Thread t : ts) t.join(Duration.ofSeconds(30));
      long end = System.nanoTime();
      Cpu.Usage usage = Cpu.Snapshot.take(server).since(cpu0);
      long requests = 0, items = 0;
      int samples = 0;
      Map<String, Long> errors = new TreeMap<>();
      for (Client c : cs) {
        requests += c.requests;
        items += c.items;
        samples += c.n;
        c.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
      }
      long[] all = new long[samples];
      int at = 0;
      for (Client c : cs) {
        System.arraycopy(c.micros, 0, all, at, c.n);
        at += c.n;
      }
      Arrays.sort(all);
      return new Result(name, clients, (end - start) / 1e9, requests, items, all, errors, usage);
    }
  }

  private static final class Client implements Runnable {
    private final HttpClient http;
    private final Call call;
    private final long deadline;
    long[] micros = new long[1024];
    int n;
    long requests, items;
    final Map<String, Long> errors = new TreeMap<>();

    Client(HttpClient http, Call call, long deadline) {
      this.http = http;
      this.call = call;
      this.deadline = deadline;
    }

    @Override
    public void run() {
      while (System.nanoTime() < deadline && requests < MAX_REQUESTS_PER_CLIENT && !Thread.currentThread().isInterrupted()) {
        long t0 = System.nanoTime();
        String error = null;
        try {
          Outcome o = call.send(http);
          if (o.ok()) items += o.items();
          else error = "HTTP " + o.status();
          if (o.itemErrors() > 0) errors.merge("rejected items", o.itemErrors(), Long::sum);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          error = "interrupted";
        } catch (HttpTimeoutException e) {
          error = "timeout";
        } catch (Exception e) {
          error = e.getClass().getSimpleName();
        }
        long us = (System.nanoTime() - t0) / 1000;
        requests++;
        if (error != null) errors.merge(error, 1L, Long::sum);
        if (n < MAX_SAMPLES_PER_CLIENT) {
          if (n == micros.length) micros = Arrays.copyOf(micros, n * 2);
          micros[n++] = us;
        }
      }
    }
  }
}
