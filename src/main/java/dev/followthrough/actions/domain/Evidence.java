package dev.followthrough.actions.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What customers said about an intervention's mechanisms: mentions by tier and by NPS category, the
 * accounts at risk (an account with at least one detractor mention) and their ARR (each account counted
 * once), and verbatim quotes.
 */
public record Evidence(int mentions, int contacts, Map<String, Integer> byTier, Map<String, Integer> byCategory,
                       int accountsAtRisk, BigDecimal arrAtRisk, List<Quote> quotes) {

  public record Quote(String mechanism, String text, String category, String tier, String accountName) {}

  public static Evidence of(List<Mention> mentions, int maxQuotes) {
    Map<String, Integer> byTier = new TreeMap<>();
    Map<String, Integer> byCategory = new LinkedHashMap<>();
    for (String c : List.of("detractor", "passive", "promoter")) byCategory.put(c, 0);
    Map<UUID, BigDecimal> atRisk = new HashMap<>();
    java.util.Set<UUID> contacts = new java.util.HashSet<>();
    for (Mention m : mentions) {
      byTier.merge(m.tier() == null ? "none" : m.tier(), 1, Integer::sum);
      if (m.category() != null) byCategory.merge(m.category(), 1, Integer::sum);
      if (m.detractor() && m.accountId() != null) atRisk.putIfAbsent(m.accountId(), m.arr() == null ? BigDecimal.ZERO : m.arr());
      if (m.contactId() != null) contacts.add(m.contactId());
    }
    // detractors' words first: they are the ones at risk
    List<Quote> quotes = mentions.stream().filter(m -> m.quote() != null && !m.quote().isBlank())
        .sorted(java.util.Comparator.comparing((Mention m) -> !m.detractor()))
        .limit(maxQuotes).map(m -> new Quote(m.mechanism(), m.quote(), m.category(), m.tier(), m.accountName())).toList();
    BigDecimal arr = atRisk.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Evidence(mentions.size(), contacts.size(), byTier, byCategory, atRisk.size(), arr, quotes);
  }
}
