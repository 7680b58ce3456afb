package dev.followthrough.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pipeline's stage workers on this node (see {@link Stage}). A worker is woken at once when work is
 * queued on this node; work queued by another node is found at the next poll.
 */
@ConfigurationProperties("followthrough.pipeline")
public record PipelineSettings(
    @DefaultValue("true") boolean enabled,            // false: this node queues work but never runs stages
    @DefaultValue("2") int workersPerStage,           // claimers per stage on this node
    @DefaultValue("250") int batchSize,               // items claimed per transaction
    @DefaultValue("200ms") Duration pollInterval) {   // how often an idle worker looks for other nodes' work

  public PipelineSettings {
    if (workersPerStage < 1) throw new IllegalArgumentException("followthrough.pipeline.workers-per-stage must be at least 1");
    if (batchSize < 1 || batchSize > 10_000) throw new IllegalArgumentException("followthrough.pipeline.batch-size must be 1..10000");
  }
}
