package dev.followthrough.platform;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes every module's {@link WorkCounts} and every {@link StageQueue} as Micrometer meters. The SQL runs
 * on a timer ({@code followthrough.observability.refresh-interval}), never on a scrape; meters read the last
 * values. Stage gauges: {@code followthrough_stage_depth{stage}} (items due) and
 * {@code followthrough_stage_oldest_seconds{stage}}. Also the {@code stages} component of {@code /actuator/health}:
 * STALLED (HTTP 200) when a stage's oldest due item has waited longer than {@code followthrough.observability.stalled-after}.
 */
@Component("stages")
class WorkMetrics implements HealthIndicator {

  /** Worse than UP, better than DOWN, answered with 200: a backlog is an alert, not a reason to take the node out. */
  static final Status STALLED = new Status("STALLED", "a stage's oldest due item waited longer than followthrough.observability.stalled-after");

  private static final Logger log = LoggerFactory.getLogger(WorkMetrics.class);

  private final List<WorkCounts> counts;
  private final List<StageQueue> queues;
  private final MeterRegistry registry;
  private final Clock clock;
  private final ObservabilitySettings settings;
  private final Map<String, Value> values = new ConcurrentHashMap<>();
  private final Map<String, Boolean> gauges = new ConcurrentHashMap<>();
  private final AtomicReference<Snapshot> last = new AtomicReference<>();

  record Snapshot(Instant at, List<StageQueue.Depth> stages) {}

  /** The last value read; a scrape never sees a half-written one. */
  private static final class Value {
    volatile double v;

    double get() {
      return v;
    }
  }

  WorkMetrics(List<WorkCounts> counts, List<StageQueue> queues, MeterRegistry registry, Clock clock, ObservabilitySettings settings) {
    this.counts = counts;
    this.queues = queues;
    this.registry = registry;
    this.clock = clock;
    this.settings = settings;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() {
    refresh();
  }

  @Scheduled(fixedDelayString = "${followthrough.observability.refresh-interval:30s}",
      initialDelayString = "${followthrough.observability.refresh-interval:30s}")
  void refresh() {
    Instant now = clock.instant();
    try {
      Map<String, Double> seen = new LinkedHashMap<>();
      for (WorkCounts c : counts) {
        for (WorkCounts.Sample s : c.sample(now)) set(s.name(), s.kind(), s.tags(), s.value(), s.description(), seen);
      }
      List<StageQueue.Depth> stages = new ArrayList<>();
      for (StageQueue q : queues) stages.addAll(q.depths(now));
      for (StageQueue.Depth d : stages) {
        Map<String, String> tags = Map.of("stage", d.stage());
        set("followthrough.stage.depth", WorkCounts.Kind.GAUGE, tags, d.items(), "work items due in the stage", seen);
        set("followthrough.stage.oldest.seconds", WorkCounts.Kind.GAUGE, tags, d.oldest().toMillis() / 1000.0,
            "seconds the stage's oldest due item has waited", seen);
      }
      // a gauge whose row disappeared (a stage that emptied, a status no message has any more) reads 0, not its last value
      gauges.keySet().forEach(key -> {
        if (!seen.containsKey(key)) values.get(key).v = 0;
      });
      last.set(new Snapshot(now, List.copyOf(stages)));
    } catch (RuntimeException e) {
      log.warn("Work metrics not refreshed: {}", e.toString()); // the database may be briefly unavailable; the next run retries
    }
  }

  private void set(String name, WorkCounts.Kind kind, Map<String, String> tags, double value, String description,
                   Map<String, Double> seen) {
    String key = name + tags;
    seen.put(key, value);
    Value holder = values.computeIfAbsent(key, k -> {
      Value a = new Value();
      Tags t = Tags.of(tags.entrySet().stream().map(e -> Tag.of(e.getKey(), e.getValue() == null ? "" : e.getValue())).toList());
      if (kind == WorkCounts.Kind.COUNTER) {
        FunctionCounter.builder(name, a, Value::get).tags(t).description(description).register(registry);
      } else {
        Gauge.builder(name, a, Value::get).tags(t).description(description).register(registry);
        gauges.put(k, true);
      }
      return a;
    });
    holder.v = value;
  }

  @Override
  public Health health() {
    Snapshot s = last.get();
    Instant now = clock.instant();
    if (s == null || Duration.between(s.at(), now).compareTo(settings.refreshInterval().multipliedBy(2)) > 0) {
      refresh();
      s = last.get();
    }
    if (s == null) return Health.unknown().withDetail("reason", "stage depths could not be read").build();
    boolean stalled = false;
    Map<String, Object> details = new LinkedHashMap<>();
    for (StageQueue.Depth d : s.stages()) {
      boolean st = d.oldest().compareTo(settings.stalledAfter()) > 0;
      stalled |= st;
      details.put(d.stage(), Map.of("items", d.items(), "oldestSeconds", d.oldest().toSeconds(), "stalled", st));
    }
    return (stalled ? Health.status(STALLED) : Health.up()).withDetail("measuredAt", s.at().toString())
        .withDetail("stalledAfter", settings.stalledAfter().toString()).withDetails(details).build();
  }
}
