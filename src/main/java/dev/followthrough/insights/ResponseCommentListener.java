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
    if (settings.codeResponses() && event.hasComment()) store.enqueue(event.responseId(), clock.instant());
  }

  @Scheduled(fixedDelayString = "${followthrough.insights.live-poll-interval:1s}", initialDelayString = "${followthrough.insights.live-poll-interval:1s}")
  void drain() {
    try {
      int dropped = tx.execute(s -> store.trimQueue(settings.liveQueueLimit()));
      if (dropped > 0) {
        log.info("{} comments arrived faster than live coding; they are left to a backlog job (POST /api/v1/insights/backlog)", dropped);
      }
      while (Boolean.TRUE.equals(tx.execute(s -> {
        List<java.util.UUID> ids = store.takeNewest(settings.liveBatchSize());
        coding.codeResponses(ids, false);
        return !ids.isEmpty();
      }))) {
        // until the queue is empty
      }
    } catch (RuntimeException e) {
      log.warn("live coding failed; the comments stay queued and are tried again", e);
    }
  }
}
