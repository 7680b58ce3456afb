package dev.followthrough.responses;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * How far the demo load has got. The demo loads in the background once the application is ready (health
 * is UP before it starts), so the console shows this progress instead of a server that is not there yet.
 */
@Component
public class DemoStatus {

  public enum State { OFF, LOADING, DONE, FAILED }

  public record Progress(State state, int done, int total, Duration took, String error) {
    public int percent() {
      return total <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * done / total));
    }

    public boolean loading() {
      return state == State.LOADING;
    }
  }

  private final AtomicReference<Progress> progress = new AtomicReference<>(new Progress(State.OFF, 0, 0, null, null));

  public Progress progress() {
    return progress.get();
  }

  public void started(int total) {
    progress.set(new Progress(State.LOADING, 0, total, null, null));
  }

  public void advanced(int done) {
    progress.updateAndGet(p -> new Progress(p.state(), done, p.total(), null, null));
  }

  public void finished(Duration took) {
    progress.updateAndGet(p -> new Progress(State.DONE, p.total(), p.total(), took, null));
  }

  public void failed(String error) {
    progress.updateAndGet(p -> new Progress(State.FAILED, p.done(), p.total(), null, error));
  }
}
