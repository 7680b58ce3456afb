package dev.followthrough.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What the server's database sessions are doing, sampled from {@code pg_stat_activity} every 100 ms
 * (pg_stat_statements is not available in the embedded bundle): running on CPU, waiting for a lock,
 * waiting for the WAL to reach disk, or idle inside a transaction waiting for the application.
 */
final class DbWaits implements AutoCloseable {

  private static final String SQL = """
      SELECT CASE WHEN state LIKE 'idle in transaction%' THEN 'idle in tx (waiting for the app)'
                  WHEN wait_event_type IS NULL THEN 'CPU'
                  ELSE wait_event_type || ':' || wait_event END
      FROM pg_stat_activity
      WHERE backend_type = 'client backend' AND state <> 'idle' AND pid <> pg_backend_pid()""";

  private final Connection connection;
  private final Thread thread;
  private final Map<String, Integer> counts = new HashMap<>();
  private int samples;
  private volatile boolean running = true;

  DbWaits(int port) throws SQLException {
    connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
    thread = Thread.ofPlatform().daemon().name("db-waits").start(this::loop);
  }

  private void loop() {
    try (Statement s = connection.createStatement()) {
      while (running) {
        Map<String, Integer> one = new HashMap<>();
        try (ResultSet rs = s.executeQuery(SQL)) {
          while (rs.next()) one.merge(rs.getString(1), 1, Integer::sum);
        }
        synchronized (this) {
          samples++;
          one.forEach((k, v) -> counts.merge(k, v, Integer::sum));
        }
        Thread.sleep(100);
      }
    } catch (SQLException e) {
      if (running) System.err.println("pg_stat_activity sampling stopped: " + e.getMessage());
    } catch (InterruptedException e) {
      // closing
    }
  }

  synchronized void newWindow() {
    counts.clear();
    samples = 0;
  }

  /** e.g. "12.0 busy: Lock:transactionid 45%, CPU 30%, …" — average sessions not idle, and what they wait on. */
  synchronized String summary(int top) {
    if (samples == 0) return "n/a";
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    if (total == 0) return "0.0";
    StringBuilder b = new StringBuilder(String.format("%.1f: ", (double) total / samples));
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
        .forEach(e -> b.append(String.format("%s %.0f%%, ", e.getKey(), 100.0 * e.getValue() / total)));
    return b.substring(0, b.length() - 2);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2000);
      connection.close();
    } catch (InterruptedException | SQLException e) {
      // best effort
    }
  }
}
