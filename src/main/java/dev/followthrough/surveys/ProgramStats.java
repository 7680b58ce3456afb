package dev.followthrough.surveys;

import java.util.Map;
import java.util.UUID;

/** What a program did: sends by state, answers by NPS category, and why sends were skipped. */
public record ProgramStats(UUID programId, long planned, long sent, long skipped, long responded, long promoters,
                           long passives, long detractors, Map<String, Long> skipReasons) {

  /** Responses per survey sent, 0–1; null before anything was sent. */
  public Double responseRate() {
    return sent == 0 ? null : (double) responded / sent;
  }

  /** NPS −100…100; null without answers. */
  public Integer nps() {
    long n = promoters + passives + detractors;
    return n == 0 ? null : (int) Math.round(100.0 * (promoters - detractors) / n);
  }
}
