package dev.followthrough.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The set-based pipeline's queues and workers (docs/adr/007-set-based-pipeline.md). Producers publish
 * their module events as before; for every event type a {@link Stage} consumes, this listener collects the
 * events of the transaction and writes them to {@code platform_work} in one multi-row insert just before
 * it commits (so a 2xx after the commit means the work is durable), then wakes this node's workers for those
 * stages. Each worker claims up to {@code batch-size} items with {@code FOR UPDATE SKIP LOCKED}, runs the
 * stage on the whole batch and deletes the items, all in one transaction: a crash or a failure hands the
 * items back. A failed batch is retried item by item so that one bad item cannot hold up the others; a
 * failing item waits with backoff and is tried again (never dropped). Work queued by a transaction with more than
 * {@value #BULK} events (a batch, a CSV chunk) is bulk work: a stage claims live work first, so a single score
 * is never stuck behind an import's backlog.
 */
@Component
public class Pipeline implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final ObjectProvider<Stage<?>> stageBeans;
  private final PipelineSettings settings;
  private final TransactionTemplate tx;
  private final TransactionTemplate fresh;
  private volatile Map<Class<?>, List<Stage<Object>>> byType;
  private final Map<String, Semaphore> signals = new ConcurrentHashMap<>();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;

  Pipeline(JdbcClient jdbc, ObjectProvider<Stage<?>> stageBeans, PipelineSettings settings,
           PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.stageBeans = stageBeans;
    this.settings = settings;
    this.tx = new TransactionTemplate(transactions);
    this.fresh = new TransactionTemplate(transactions);
    this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @SuppressWarnings("unchecked")
  private Map<Class<?>, List<Stage<Object>>> stages() {
    Map<Class<?>, List<Stage<Object>>> m = byType;
    if (m == null) {
      Map<Class<?>, List<Stage<Object>>> built = new HashMap<>();
      java.util.Set<String> names = new java.util.HashSet<>();
      stageBeans.orderedStream().forEach(s -> {
        if (!names.add(s.name())) throw new IllegalStateException("two pipeline stages are called " + s.name());
        built.computeIfAbsent(s.type(), t -> new ArrayList<>()).add((Stage<Object>) s);
      });
      byType = m = built;
    }
    return m;
  }

  /** The names of all stages, for backlog reports. */
  public List<String> stageNames() {
    return stages().values().stream().flatMap(List::stream).map(Stage::name).sorted().toList();
  }

  /** Items waiting per stage (including items waiting for a retry). */
  public Map<String, Long> backlog() {
    Map<String, Long> out = new LinkedHashMap<>();
    stageNames().forEach(n -> out.put(n, 0L));
    jdbc.sql("SELECT stage, count(*) AS n FROM platform_work GROUP BY stage")
        .query((rs, i) -> out.put(rs.getString("stage"), rs.getLong("n"))).list();
    return out;
  }

  /**
   * Keeps only the newest {@code keep} waiting items of a stage and deletes the rest (for a stage that prefers
   * dropping a burst's oldest items to falling behind); answers how many it deleted.
   */
  public int trim(String stage, int keep) {
    return jdbc.sql("""
        DELETE FROM platform_work WHERE id IN (
          SELECT id FROM platform_work WHERE stage = ? ORDER BY id DESC OFFSET ? FOR UPDATE SKIP LOCKED)""")
        .param(stage).param(keep).update();
  }

  // ---- queueing ----------------------------------------------------------------------------------

  private record Item(String stage, String payload) {}

  @EventListener
  void on(Object event) {
    if (!event.getClass().getName().startsWith("dev.followthrough.")) return;
    List<Stage<Object>> consumers = stages().get(event.getClass());
    if (consumers == null) return;
    String payload = null;
    List<Item> items = new ArrayList<>(consumers.size());
    for (Stage<Object> s : consumers) {
      if (!s.accepts(event)) continue;
      if (payload == null) payload = JSON.writeValueAsString(event);
      items.add(new Item(s.name(), payload));
    }
    if (items.isEmpty()) return;
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      insert(items, false);
      items.forEach(i -> wake(i.stage()));
      return;
    }
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      Pending all = new Pending();
      TransactionSynchronizationManager.bindResource(this, all);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          insert(all.items, all.events > BULK);
        }

        @Override
        public void afterCommit() {
          all.items.stream().map(Item::stage).distinct().forEach(Pipeline.this::wake);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(Pipeline.this);
        }
      });
      pending = all;
    }
    pending.items.addAll(items);
    pending.events++;
  }

  /** The work a transaction has queued so far, and from how many events. */
  private static final class Pending {
    final List<Item> items = new ArrayList<>();
    int events;
  }

  /** More events than this in one transaction make its work bulk work (a batch, a CSV chunk, a survey wave). */
  static final int BULK = 50;

  private void insert(List<Item> items, boolean bulk) {
    if (items.isEmpty()) return;
    for (int from = 0; from < items.size(); from += 5_000) {
      List<Item> part = items.subList(from, Math.min(items.size(), from + 5_000));
      jdbc.sql("INSERT INTO platform_work (stage, bulk, payload) SELECT s, ?, p FROM unnest(?::text[], ?::text[]) AS x(s, p)")
          .param(bulk)
          .param(part.stream().map(Item::stage).toArray(String[]::new))
          .param(part.stream().map(Item::payload).toArray(String[]::new))
          .update();
    }
  }

  private void wake(String stage) {
    Semaphore s = signals.get(stage);
    if (s != null && s.availablePermits() == 0) s.release();
  }

  // ---- working -----------------------------------------------------------------------------------

  private record Claimed(long id, String payload, int attempts) {}

  /**
   * Claims and handles one batch of the stage in one transaction; returns how many items it handled. Public
   * for tests and benchmarks that drive a stage by hand.
   */
  public int runOnce(String stageName) {
    Stage<Object> stage = stageNames().contains(stageName) ? find(stageName) : null;
    if (stage == null) throw new IllegalArgumentException("no pipeline stage " + stageName);
    return runBatch(stage);
  }

  private Stage<Object> find(String name) {
    return stages().values().stream().flatMap(List::stream).filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private int runBatch(Stage<Object> stage) {
    List<Claimed> failed = new ArrayList<>();
    Integer n;
    try {
      n = tx.execute(st -> {
        List<Claimed> batch = claim(stage.name(), settings.batchSize());
        if (batch.isEmpty()) return 0;
        failed.addAll(batch);
        stage.handle(batch.stream().map(c -> read(stage, c)).toList());
        failed.clear();
        return batch.size();
      });
    } catch (RuntimeException e) {
      if (failed.isEmpty()) throw e;
      log.info("stage {}: a batch of {} failed ({}); trying its items one by one", stage.name(), failed.size(), e.toString());
      failed.forEach(c -> runOne(stage, c));
      return failed.size();
    }
    return n == null ? 0 : n;
  }

  private void runOne(Stage<Object> stage, Claimed item) {
    try {
      tx.executeWithoutResult(st -> {
        List<Claimed> mine = jdbc.sql("""
            DELETE FROM platform_work WHERE id = (SELECT id FROM platform_work WHERE id = ? FOR UPDATE SKIP LOCKED)
            RETURNING id, payload, attempts""")
            .param(item.id()).query(Pipeline::claimed).list();
        if (!mine.isEmpty()) stage.handle(List.of(read(stage, mine.get(0))));
      });
    } catch (RuntimeException e) {
      int attempts = item.attempts() + 1;
      long delaySeconds = Math.min(3600, 1L << Math.min(attempts, 12));
      log.warn("stage {}: item {} failed (attempt {}), next try in {} s", stage.name(), item.id(), attempts, delaySeconds, e);
      fresh.executeWithoutResult(st -> jdbc.sql("""
          UPDATE platform_work SET attempts = ?, last_error = ?, not_before = now() + make_interval(secs => ?)
          WHERE id = ?""")
          .param(attempts).param(cut(e.toString())).param(delaySeconds).param(item.id()).update());
    }
  }

  private List<Claimed> claim(String stage, int limit) {
    return jdbc.sql("""
        DELETE FROM platform_work WHERE id IN (
          SELECT id FROM platform_work WHERE stage = ? AND not_before <= now() ORDER BY bulk, id LIMIT ? FOR UPDATE SKIP LOCKED)
        RETURNING id, payload, attempts""")
        .param(stage).param(limit).query(Pipeline::claimed).list()
        .stream().sorted(java.util.Comparator.comparingLong(Claimed::id)).toList();
  }

  private static Claimed claimed(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Claimed(rs.getLong("id"), rs.getString("payload"), rs.getInt("attempts"));
  }

  private static Object read(Stage<Object> stage, Claimed c) {
    return JSON.readValue(c.payload(), stage.type());
  }

  private static String cut(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) : s;
  }

  private void work(Stage<Object> stage, Semaphore signal) {
    while (running) {
      int handled;
      try {
        handled = runBatch(stage);
      } catch (RuntimeException e) {
        if (!running) return;
        log.warn("stage {}: claiming failed; trying again", stage.name(), e);
        handled = 0;
      }
      if (handled >= settings.batchSize()) continue; // more is waiting
      try {
        if (signal.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) signal.drainPermits();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void start() {
    running = true;
    if (!settings.enabled()) return;
    for (List<Stage<Object>> list : stages().values()) {
      for (Stage<Object> stage : list) {
        Semaphore signal = signals.computeIfAbsent(stage.name(), n -> new Semaphore(0));
        for (int i = 0; i < Math.min(settings.workersPerStage(), Math.max(1, stage.maxWorkers())); i++) {
          Thread t = Thread.ofPlatform().daemon().name("stage-" + stage.name() + "-" + i)
              .unstarted(() -> work(stage, signal));
          workers.add(t);
          t.start();
        }
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    signals.values().forEach(s -> s.release(1000));
    for (Thread t : workers) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000; // like the timers: after the web server has started, stopped before the database
  }
}
