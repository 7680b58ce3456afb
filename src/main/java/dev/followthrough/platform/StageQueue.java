package dev.followthrough.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Work waiting in one or more pipeline stages: how many items are due and how long the oldest has waited.
 * Implemented today over the event publication registry, the timers table and the outreach outbox; a new
 * work queue (a stage table) adds one more bean. Read by {@link WorkMetrics} for the
 * {@code followthrough_stage_*} gauges and the {@code stages} health component.
 */
public interface StageQueue {

  List<Depth> depths(Instant now);

  /** {@code oldest} is zero when nothing waits. */
  record Depth(String stage, long items, Duration oldest) {
    /** From the time the oldest due item became due ({@code null}: nothing waits). */
    public static Depth of(String stage, long items, Instant now, java.sql.Timestamp oldestDue) {
      if (oldestDue == null || items == 0) return new Depth(stage, items, Duration.ZERO);
      Duration d = Duration.between(oldestDue.toInstant(), now);
      return new Depth(stage, items, d.isNegative() ? Duration.ZERO : d);
    }
  }
}
