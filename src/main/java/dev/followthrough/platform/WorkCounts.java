package dev.followthrough.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The program's own work as numbers, read from a module's tables by SQL. Each module contributes its own
 * (a Spring bean); {@link WorkMetrics} reads them all every {@code followthrough.observability.refresh-interval}
 * and publishes them as Micrometer meters, so a scrape never touches the database. Totals come from the
 * database, not from one node's memory: every node of a cluster reports the same value (aggregate with
 * {@code max}, not {@code sum}), and a restart does not reset them.
 */
public interface WorkCounts {

  List<Sample> sample(Instant now);

  enum Kind { COUNTER, GAUGE }

  /** One meter value: {@code name} without the {@code _total} suffix a counter gets in Prometheus. */
  record Sample(String name, Kind kind, Map<String, String> tags, double value, String description) {
    public static Sample counter(String name, Map<String, String> tags, double value, String description) {
      return new Sample(name, Kind.COUNTER, tags, value, description);
    }

    public static Sample gauge(String name, Map<String, String> tags, double value, String description) {
      return new Sample(name, Kind.GAUGE, tags, value, description);
    }
  }
}
