package dev.followthrough.actions.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The mechanisms to fix first in a review-to-resolution sprint. Weight of a mechanism =
 * mentions + detractor mentions (a detractor counts twice) + ARR at risk / {@code arrUnit} (each detractor
 * account's ARR once). With the default unit of 100,000, a detractor account worth 100k weighs as much as
 * one more mention: volume leads, money breaks ties and lifts the few expensive complaints.
 */
public final class SprintRanking {

  public record Ranked(String mechanism, int mentions, int detractorMentions, int accountsAtRisk, BigDecimal arrAtRisk,
                       double weight) {}

  private SprintRanking() {}

  public static List<Ranked> rank(List<Mention> mentions, BigDecimal arrUnit, int top) {
    Map<String, List<Mention>> byMechanism = new LinkedHashMap<>();
    for (Mention m : mentions) byMechanism.computeIfAbsent(m.mechanism(), k -> new ArrayList<>()).add(m);
    List<Ranked> ranked = new ArrayList<>();
    for (var e : byMechanism.entrySet()) {
      int detractors = 0;
      Map<UUID, BigDecimal> atRisk = new HashMap<>();
      for (Mention m : e.getValue()) {
        if (!m.detractor()) continue;
        detractors++;
        if (m.accountId() != null) atRisk.putIfAbsent(m.accountId(), m.arr() == null ? BigDecimal.ZERO : m.arr());
      }
      BigDecimal arr = atRisk.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      double weight = e.getValue().size() + detractors
          + arr.divide(arrUnit, 6, RoundingMode.HALF_UP).doubleValue();
      ranked.add(new Ranked(e.getKey(), e.getValue().size(), detractors, Set.copyOf(atRisk.keySet()).size(), arr, weight));
    }
    ranked.sort(Comparator.comparingDouble(Ranked::weight).reversed().thenComparing(Ranked::mechanism));
    return ranked.stream().limit(top).toList();
  }
}
