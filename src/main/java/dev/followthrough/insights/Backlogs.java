package dev.followthrough.insights;

import dev.followthrough.insights.jdbc.JdbcInsights;
import dev.followthrough.responses.ResponseQueries;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Codes backlogs (an import of 100,000 historic comments, or everything again under a new codebook) as
 * jobs cut into chunks that any node claims with {@code FOR UPDATE SKIP LOCKED}. A node that dies
 * holding a chunk loses it when its claim expires; coding is idempotent, so a chunk done twice is harmless.
 */
@Service
public class Backlogs {

  public enum Scope { UNCODED, ALL;
    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
  }

  public record Job(UUID id, int codebookVersion, String scope, int total, int done, int chunks, int chunksDone,
                    String createdBy, Instant createdAt, Instant finishedAt) {
    public boolean finished() {
      return finishedAt != null;
    }

    public int percent() {
      return total == 0 ? 100 : (int) Math.floor(100.0 * done / total);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(Backlogs.class);
  static final String NODE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

  private final JdbcInsights store;
  private final ResponseQueries responses;
  private final InsightCoding coding;
  private final InsightsSettings settings;
  private final Clock clock;

  Backlogs(JdbcInsights store, ResponseQueries responses, InsightCoding coding, InsightsSettings settings, Clock clock) {
    this.store = store;
    this.responses = responses;
    this.coding = coding;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Creates a job over every commented response (of one source, e.g. one CSV import, or all when null) not yet
   * coded at its revision with the current codebook — or over all of them again.
   */
  public Job start(Scope scope, String source, String by) {
    int version = coding.codebookVersion();
    UUID id = UUID.randomUUID();
    List<List<UUID>> chunks = new ArrayList<>();
    List<UUID> current = new ArrayList<>();
    UUID after = null;
    int total = 0;
    while (true) {
      List<ResponseQueries.Commented> page = responses.commented(source, after, 5_000);
      if (page.isEmpty()) break;
      after = page.getLast().id();
      Map<UUID, Integer> coded = scope == Scope.ALL ? Map.of()
          : store.codedRevisions(page.stream().map(ResponseQueries.Commented::id).toList(), version);
      for (ResponseQueries.Commented c : page) {
        if (coded.getOrDefault(c.id(), -1) == c.revision()) continue;
        current.add(c.id());
        total++;
        if (current.size() == settings.backlogChunkSize()) {
          chunks.add(current);
          current = new ArrayList<>();
        }
      }
    }
    if (!current.isEmpty()) chunks.add(current);
    store.insertJob(id, version, scope.key(), source, total, by, clock.instant());
    for (int i = 0; i < chunks.size(); i++) store.insertChunk(id, i, chunks.get(i));
    return progress(id).orElseThrow();
  }

  public Optional<Job> progress(UUID id) {
    return store.job(id).map(Backlogs::job);
  }

  public List<Job> recent(int limit) {
    return store.jobs(limit).stream().map(Backlogs::job).toList();
  }

  private static Job job(JdbcInsights.JobRow r) {
    return new Job(r.id(), r.codebookVersion(), r.scope(), r.total(), r.done(), r.chunks(), r.chunksDone(), r.createdBy(),
        r.createdAt(), r.finishedAt());
  }

  /** Every node polls; each claim is one chunk, so the work spreads over the nodes that have time. */
  @Scheduled(fixedDelayString = "${followthrough.insights.backlog-poll-interval:5s}", initialDelayString = "${followthrough.insights.backlog-poll-interval:5s}")
  void poll() {
    try {
      while (workOneChunk()) {
        // keep going while there is work
      }
    } catch (RuntimeException e) {
      log.warn("backlog coding failed; the chunk will be claimed again after its claim expires", e);
    }
  }

  /** Claims and codes one chunk; false when there was none. */
  boolean workOneChunk() {
    Instant now = clock.instant();
    Optional<JdbcInsights.Chunk> claimed = store.claimChunk(NODE, now, now.plus(settings.backlogClaimTimeout()));
    if (claimed.isEmpty()) return false;
    JdbcInsights.Chunk chunk = claimed.get();
    int coded = coding.codeResponses(chunk.responseIds(), Scope.ALL.key().equals(chunk.scope()));
    store.finishChunk(chunk, NODE, coded, clock.instant());
    return true;
  }
}
