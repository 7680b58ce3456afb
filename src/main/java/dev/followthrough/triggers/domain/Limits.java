package dev.followthrough.triggers.domain;

import java.time.Duration;

/**
 * Global guards applied around the rules.
 *
 * @param maxResponseAge a response answered longer ago than this never opens a follow-up (historical imports)
 * @param quietPeriod    no new follow-up this long after the contact's last one (a rule may override)
 */
public record Limits(Duration maxResponseAge, Duration quietPeriod) {

  public static Limits defaults() {
    return new Limits(Duration.ofDays(14), Duration.ofDays(30));
  }
}
