package dev.followthrough.nps;

/** Test fixtures in the order the published worked examples use: detractors, passives, promoters. */
final class NpsFixtures {

  private NpsFixtures() {}

  static NpsCounts detractorsPassivesPromoters(long detractors, long passives, long promoters) {
    return new NpsCounts(promoters, passives, detractors);
  }

  static NpsCounts promoters(long n) {
    return new NpsCounts(n, 0, 0);
  }

  static NpsCounts detractors(long n) {
    return new NpsCounts(0, 0, n);
  }
}
