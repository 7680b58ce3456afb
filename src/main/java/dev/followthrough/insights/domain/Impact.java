package dev.followthrough.insights.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sizes mechanisms: who mentions them (promoters, passives, detractors), which share of all detractors,
 * which accounts and how much ARR is at risk, an ARR-weighted impact score, the trend of their share of
 * coded comments per period with a 95% Wilson interval, where they sit in the frequency × severity
 * matrix, and a "fix first" rank that says why.
 *
 * <p>Impact score: every account that mentions the mechanism counts its ARR once, times the severity of
 * its most severe mention (detractor 1, passive 0.4, promoter 0.1); a mention without an account or
 * ARR counts as one account of median ARR, so anonymous detractors are not invisible.
 */
public final class Impact {

  /** One coding of one text, with the response context it was coded with. */
  public record Mention(String mechanism, String npsCategory, String account, Double arr, String period) {}

  public record PeriodShare(String period, long mentions, long texts, double share, double low, double high) {}

  public record MechanismImpact(String mechanism, long promoters, long passives, long detractors, double shareOfDetractors,
                                int accounts, int accountsAtRisk, double revenueAtRisk, double impactScore,
                                double frequency, double severity, String quadrant, List<PeriodShare> trend,
                                String trendVerdict, int rank, String why) {
    public long mentions() {
      return promoters + passives + detractors;
    }
  }

  static double severity(String npsCategory) {
    return switch (npsCategory == null ? "" : npsCategory) {
      case "detractor" -> 1.0;
      case "passive" -> 0.4;
      default -> 0.1;
    };
  }

  /**
   * @param totalDetractors all detractors in the period (coded or not), for the share of detractors
   * @param textsPerPeriod  coded texts per period, the denominator of the trend
   */
  public static List<MechanismImpact> of(List<Mention> mentions, long totalDetractors, Map<String, Long> textsPerPeriod) {
    long totalTexts = textsPerPeriod.values().stream().mapToLong(Long::longValue).sum();
    double medianArr = median(mentions.stream().filter(m -> m.account() != null && m.arr() != null)
        .collect(java.util.stream.Collectors.toMap(Mention::account, Mention::arr, (a, b) -> a)).values().stream()
        .mapToDouble(Double::doubleValue).sorted().toArray());
    Map<String, List<Mention>> byMechanism = new LinkedHashMap<>();
    for (Mention m : mentions) byMechanism.computeIfAbsent(m.mechanism(), k -> new ArrayList<>()).add(m);

    List<MechanismImpact> raw = new ArrayList<>();
    for (var e : byMechanism.entrySet()) {
      List<Mention> ms = e.getValue();
      long p = ms.stream().filter(m -> "promoter".equals(m.npsCategory())).count();
      long pa = ms.stream().filter(m -> "passive".equals(m.npsCategory())).count();
      long d = ms.stream().filter(m -> "detractor".equals(m.npsCategory())).count();
      Map<String, Double> accountSeverity = new HashMap<>();
      Map<String, Double> accountArr = new HashMap<>();
      double anonymous = 0;
      for (Mention m : ms) {
        if (m.account() == null) {
          anonymous += severity(m.npsCategory()) * medianArr;
          continue;
        }
        accountSeverity.merge(m.account(), severity(m.npsCategory()), Math::max);
        accountArr.put(m.account(), m.arr() == null ? medianArr : m.arr());
      }
      double score = anonymous;
      double atRisk = 0;
      int accountsAtRisk = 0;
      for (var a : accountSeverity.entrySet()) {
        double arr = accountArr.get(a.getKey());
        score += arr * a.getValue();
        if (a.getValue() >= 1.0) { atRisk += arr; accountsAtRisk++; }
      }
      List<PeriodShare> trend = trend(ms, textsPerPeriod);
      raw.add(new MechanismImpact(e.getKey(), p, pa, d, totalDetractors == 0 ? 0 : (double) d / totalDetractors,
          accountSeverity.size(), accountsAtRisk, atRisk, score, totalTexts == 0 ? 0 : (double) ms.size() / totalTexts,
          ms.isEmpty() ? 0 : (double) d / ms.size(), "", trend, verdict(trend), 0, ""));
    }
    double[] freqs = raw.stream().mapToDouble(MechanismImpact::frequency).sorted().toArray();
    double medianFrequency = median(freqs);
    raw.sort(Comparator.comparingDouble(MechanismImpact::impactScore).reversed()
        .thenComparing(Comparator.comparingLong(MechanismImpact::detractors).reversed())
        .thenComparing(MechanismImpact::mechanism));
    List<MechanismImpact> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      MechanismImpact m = raw.get(i);
      boolean frequent = m.frequency() >= medianFrequency && m.mentions() > 1;
      boolean severe = m.severity() >= 0.5;
      String quadrant = frequent ? (severe ? "frequent and severe" : "frequent but mild") : (severe ? "rare but severe" : "rare and mild");
      String why = String.format(Locale.ROOT, "#%d by ARR-weighted impact: %d detractor mention%s (%.0f%% of all detractors), "
              + "%d account%s at risk with %s ARR; %s; share of comments %s",
          i + 1, m.detractors(), m.detractors() == 1 ? "" : "s", 100 * m.shareOfDetractors(), m.accountsAtRisk(),
          m.accountsAtRisk() == 1 ? "" : "s", money(m.revenueAtRisk()), quadrant, m.trendVerdict());
      out.add(new MechanismImpact(m.mechanism(), m.promoters(), m.passives(), m.detractors(), m.shareOfDetractors(),
          m.accounts(), m.accountsAtRisk(), m.revenueAtRisk(), m.impactScore(), m.frequency(), m.severity(), quadrant,
          m.trend(), m.trendVerdict(), i + 1, why));
    }
    return out;
  }

  static List<PeriodShare> trend(List<Mention> ms, Map<String, Long> textsPerPeriod) {
    Map<String, Long> counts = new TreeMap<>();
    for (Mention m : ms) if (m.period() != null) counts.merge(m.period(), 1L, Long::sum);
    List<PeriodShare> out = new ArrayList<>();
    for (var e : new TreeMap<>(textsPerPeriod).entrySet()) {
      long k = counts.getOrDefault(e.getKey(), 0L);
      long n = e.getValue();
      double[] ci = wilson(k, n);
      out.add(new PeriodShare(e.getKey(), k, n, n == 0 ? 0 : (double) k / n, ci[0], ci[1]));
    }
    return out;
  }

  /** Rising or falling only when the last period's interval clears the one before it. */
  static String verdict(List<PeriodShare> trend) {
    if (trend.size() < 2) return "no trend yet (one period)";
    PeriodShare last = trend.getLast();
    PeriodShare before = trend.get(trend.size() - 2);
    if (last.low() > before.high()) return "rising (" + pct(before.share()) + " → " + pct(last.share()) + ", beyond the 95% intervals)";
    if (last.high() < before.low()) return "falling (" + pct(before.share()) + " → " + pct(last.share()) + ", beyond the 95% intervals)";
    return "no clear change (" + pct(before.share()) + " → " + pct(last.share()) + ", within the 95% intervals)";
  }

  /** The 95% Wilson score interval for k successes in n trials ({@code [0, 1]} when n = 0). */
  public static double[] wilson(long k, long n) {
    if (n == 0) return new double[] {0, 1};
    dev.followthrough.nps.Interval i = dev.followthrough.nps.Proportions.wilson(k, n, 0.95);
    return new double[] {i.low(), i.high()};
  }

  static double median(double[] sorted) {
    if (sorted.length == 0) return 0;
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  private static String money(double v) {
    if (v >= 1_000_000) return String.format(Locale.ROOT, "$%.1fM", v / 1_000_000);
    if (v >= 1_000) return String.format(Locale.ROOT, "$%.0fk", v / 1_000);
    return String.format(Locale.ROOT, "$%.0f", v);
  }
}
