package dev.followthrough.insights;

import dev.followthrough.insights.jdbc.JdbcInsights;
import dev.followthrough.responses.ResponseRecorded;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Codes comments as responses arrive: the pipeline stage {@code insights.code}. Every recorded revision with a
 * comment is queued in the transaction that stored it (one multi-row insert per intake transaction, so a
 * 100,000-row CSV import is 100 inserts, not 100,000 deliveries), and any node's workers code a batch of them per
 * transaction, all of the batch's texts in one call of the embedder. Nobody has to start a job: under a burst the
 * queue grows and drains at the model's pace. With {@code live-queue-limit} > 0 the oldest waiting comments beyond
 * it are dropped and left to a backlog job instead (the test suite bounds its bulk imports so). Coding is keyed by
 * (response, revision, codebook version), so a comment queued twice is coded once. {@link #drain} finishes the
 * queue of earlier versions ({@code insights_pending}).
 */
@Component
class ResponseCommentListener implements dev.followthrough.platform.Stage<ResponseRecorded> {

  static final String STAGE = "insights.code";
  private static final Logger log = LoggerFactory.getLogger(ResponseCommentListener.class);

  private final InsightCoding coding;
  private final InsightsSettings settings;
  private final JdbcInsights store;
  private final TransactionTemplate tx;
  private final org.springframework.beans.factory.ObjectProvider<dev.followthrough.platform.Pipeline> pipeline;

  ResponseCommentListener(InsightCoding coding, InsightsSettings settings, JdbcInsights store, TransactionTemplate tx,
                          org.springframework.beans.factory.ObjectProvider<dev.followthrough.platform.Pipeline> pipeline) {
    this.coding = coding;
    this.settings = settings;
    this.store = store;
    this.tx = tx;
    this.pipeline = pipeline;
  }

  @Override
  public String name() {
    return STAGE;
  }

  @Override
  public Class<ResponseRecorded> type() {
    return ResponseRecorded.class;
  }

  /** The embedder runs a call's texts on every core already. */
  @Override
  public int maxWorkers() {
    return 1;
  }

  @Override
  public boolean accepts(ResponseRecorded event) {
    return settings.codeResponses() && event.hasComment();
  }

  @Override
  public void handle(List<ResponseRecorded> batch) {
    if (!settings.codeResponses()) return;
    if (settings.liveQueueLimit() > 0) {
      int dropped = pipeline.getObject().trim(STAGE, settings.liveQueueLimit());
      if (dropped > 0) {
        log.info("{} comments arrived faster than live coding; they are left to a backlog job (POST /api/v1/insights/backlog)", dropped);
      }
    }
    coding.codeResponses(batch.stream().map(ResponseRecorded::responseId).distinct().toList(), false);
  }

  @Scheduled(fixedDelayString = "${followthrough.insights.live-poll-interval:1s}", initialDelayString = "${followthrough.insights.live-poll-interval:1s}")
  void drain() {
    try {
      // the queue of earlier versions only: nothing is added to it any more
      for (int round = 0; round < 100; round++) {
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
