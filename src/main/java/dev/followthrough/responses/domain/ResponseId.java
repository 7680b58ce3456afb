package dev.followthrough.responses.domain;

import java.time.Instant;
import java.util.UUID;

public record ResponseId(UUID value) {

  /** Time-ordered (UUIDv7 layout) so new rows land at the right edge of the primary-key index. */
  public static UUID timeOrdered(Instant now) {
    return dev.followthrough.platform.Ids.timeOrdered(now);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
