package dev.followthrough.responses.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

public record ResponseId(UUID value) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Time-ordered (UUIDv7 layout) so new rows land at the right edge of the primary-key index. */
  public static UUID timeOrdered(Instant now) {
    long ms = now.toEpochMilli();
    long msb = (ms << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
