package dev.followthrough.platform;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** UUIDv7 ids: time-ordered (index-friendly), random in the rest, for every module's rows. */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static UUID timeOrdered(Instant now) {
    long ms = now.toEpochMilli();
    long msb = (ms << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
