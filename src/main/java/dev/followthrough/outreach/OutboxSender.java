package dev.followthrough.outreach;

import dev.followthrough.platform.PipelineSettings;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's outbox sender: one thread that sends due messages in batches ({@link Outbox#sendDue}), woken
 * at once when a message due now is committed on this node and otherwise polling every
 * {@code followthrough.pipeline.poll-interval} (messages queued by other nodes, retries, quiet hours ending).
 * Off when {@code followthrough.pipeline.enabled=false}.
 */
@Component
class OutboxSender implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final Outbox outbox;
  private final PipelineSettings pipeline;
  private final OutreachSettings settings;
  private final Semaphore signal = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;

  OutboxSender(Outbox outbox, PipelineSettings pipeline, OutreachSettings settings) {
    this.outbox = outbox;
    this.pipeline = pipeline;
    this.settings = settings;
  }

  private void loop() {
    while (running) {
      int n;
      try {
        n = outbox.sendDue(Math.max(1, settings.sendBatchSize()));
      } catch (RuntimeException e) {
        if (!running) return;
        log.warn("outbox: sending failed; trying again", e);
        n = 0;
      }
      if (n > 0) continue;
      try {
        if (signal.tryAcquire(pipeline.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) signal.drainPermits();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void start() {
    running = true;
    if (!pipeline.enabled()) return;
    outbox.onWake(() -> {
      if (signal.availablePermits() == 0) signal.release();
    });
    thread = Thread.ofPlatform().daemon().name("outbox-sender").start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    signal.release(1000);
    if (thread != null) {
      try {
        thread.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }
}
