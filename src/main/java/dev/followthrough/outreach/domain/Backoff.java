package dev.followthrough.outreach.domain;

import java.time.Duration;

/** Exponential backoff: base, 2×base, 4×base … capped at {@code max}; after {@code maxAttempts} tries a message is dead. */
public record Backoff(Duration base, Duration max, int maxAttempts) {

  /** The wait after the {@code attempt}-th failed try (1-based). */
  public Duration after(int attempt) {
    long factor = 1L << Math.min(Math.max(attempt - 1, 0), 30);
    Duration d = base.multipliedBy(factor);
    return d.compareTo(max) > 0 ? max : d;
  }

  public boolean exhausted(int attempts) {
    return attempts >= maxAttempts;
  }
}
