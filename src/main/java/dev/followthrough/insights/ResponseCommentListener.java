package dev.followthrough.insights;

import dev.followthrough.insights.jdbc.JdbcInsights;
import dev.followthrough.responses.ResponseRecorded;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Codes comments as responses arrive. The listener only queues the response id, synchronously, in the
 * transaction that stored the response (so it is queued exactly when the response exists); a drainer on
 * every node codes the newest waiting comments in batches. Not an outbox listener on purpose: a
 * 100,000-row CSV import would otherwise become 100,000 asynchronous deliveries and codings (measured:
 * the test suite went from about 2 to 11 minutes). Beyond {@code live-queue-limit} the oldest waiting
 * comments are left to a backlog job. Coding is keyed by (response, revision, codebook version), so a
 * comment queued twice is coded once.
 */
@Component
class ResponseCommentListener {

  private static final Logger log = LoggerFactory.getLogger(ResponseCommentListener.class);

  private final InsightCoding coding;
  private final InsightsSettings settings;
  private final JdbcInsights store;
  private final Clock clock;
  private final TransactionTemplate tx;

  ResponseCommentListener(InsightCoding coding, InsightsSettings settings, JdbcInsights store, Clock clock, TransactionTemplate tx) {
    this.coding = coding;
    this.settings = settings;
    this.store = store;
    this.clock = clock;
    this.tx = tx;
  }

  @EventListener
  void on(ResponseRecorded event) {
    if (!settings.codeResponses() || !event.hasComment()) return;
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      store.enqueue(List.of(event.responseId()), clock.instant());
      return;
    }
    // one multi-row insert per intake transaction (a CSV chunk is 1,000 rows), just before it commits
    @SuppressWarnings("unchecked")
    List<java.util.UUID> pending = (List<java.util.UUID>) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      List<java.util.UUID> ids = new java.util.ArrayList<>();
      TransactionSynchronizationManager.bindResource(this, ids);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          store.enqueue(ids, clock.instant());
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(ResponseCommentListener.this);
        }
      });
      pending = ids;
    }
    pending.add(event.responseId());
  }

  @Scheduled(fixedDelayString = "${followthrough.insights.live-poll-interval:1s}", initialDelayString = "${followthrough.insights.live-poll-interval:1s}")
  void drain() {
    try {
      // at most one queue's worth per run, trimming as we go: an import still streaming in must not keep this busy
      for (int coded = 0; coded < settings.liveQueueLimit(); coded += settings.liveBatchSize()) {
        int dropped = tx.execute(s -> store.trimQueue(settings.liveQueueLimit()));
        if (dropped > 0) {
          log.info("{} comments arrived faster than live coding; they are left to a backlog job (POST /api/v1/insights/backlog)", dropped);
        }
        boolean more = Boolean.TRUE.equals(tx.execute(s -> {
          List<java.util.UUID> ids = store.takeNewest(settings.liveBatchSize());
          coding.codeResponses(ids, false);
          return !ids.isEmpty();
        }));
        if (!more) return;
      }
    } catch (RuntimeException e) {
      log.warn("live coding failed; the comments stay queued and are tried again", e);
    }
  }
}
