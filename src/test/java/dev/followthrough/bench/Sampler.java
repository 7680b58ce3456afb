package dev.followthrough.bench;

import java.util.Map;

/**
 * Samples the server's heap ({@code jvm.memory.used}, area heap) and its process RSS twice a second
 * while load runs, keeping the overall maximum and the maximum of the current window (one level).
 */
final class Sampler implements AutoCloseable {

  private final ServerProcess server;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile double lastHeap = -1, maxHeap = -1, windowHeap = -1;
  private volatile long lastRssKb = -1, maxRssKb = -1, windowRssKb = -1;

  Sampler(ServerProcess server) {
    this.server = server;
    this.thread = Thread.ofPlatform().daemon().name("heap-sampler").start(this::loop);
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  synchronized void sample() {
    Map<String, Double> m = server.metric("jvm.memory.used", "area:heap");
    Double heap = m.get("VALUE");
    if (heap != null) {
      lastHeap = heap;
      maxHeap = Math.max(maxHeap, heap);
      windowHeap = Math.max(windowHeap, heap);
    }
    long rss = ServerProcess.procStatusKb(server.pid(), "VmRSS");
    if (rss > 0) {
      lastRssKb = rss;
      maxRssKb = Math.max(maxRssKb, rss);
      windowRssKb = Math.max(windowRssKb, rss);
    }
  }

  synchronized void newWindow() {
    windowHeap = -1;
    windowRssKb = -1;
  }

  double windowHeapMb() {
    return windowHeap / (1024 * 1024);
  }

  double windowRssMb() {
    return windowRssKb / 1024.0;
  }

  double maxHeapMb() {
    return maxHeap / (1024 * 1024);
  }

  double lastHeapMb() {
    return lastHeap / (1024 * 1024);
  }

  double maxRssMb() {
    return maxRssKb / 1024.0;
  }

  double lastRssMb() {
    return lastRssKb / 1024.0;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
