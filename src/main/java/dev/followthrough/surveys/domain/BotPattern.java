package dev.followthrough.surveys.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Email security scanners "click" every link of a message on delivery. A hit is a machine's when it
 * is a HEAD request, comes from a known scanner's user agent, or when several different scale links
 * of one email were hit within {@code window} (no person clicks 3, 7 and 10 in one second).
 */
public final class BotPattern {

  /** One GET of a scale link. */
  public record Hit(int score, Instant at) {}

  /** Distinct scores hit within the window that make a burst. */
  public static final int BURST = 3;

  public static final List<String> SCANNER_AGENTS = List.of("barracuda", "mimecast", "proofpoint", "safelinks",
      "microsoft office", "ms-office", "symantec", "forcepoint", "trendmicro", "sophos", "fireeye", "cisco",
      "ironport", "linkscanner", "bot", "crawler", "spider", "curl/", "python-requests", "go-http-client");

  private BotPattern() {}

  /** Why this request is a machine's, or empty when a person may have made it. */
  public static Optional<String> verdict(String method, String userAgent, List<Hit> recentHits, Duration window,
                                         List<String> scannerAgents) {
    if ("HEAD".equalsIgnoreCase(method)) return Optional.of("HEAD request");
    if (userAgent == null || userAgent.isBlank()) return Optional.of("no user agent");
    String ua = userAgent.toLowerCase(Locale.ROOT);
    for (String s : scannerAgents) if (ua.contains(s)) return Optional.of("scanner user agent (" + s + ")");
    return burst(recentHits, window);
  }

  /** Several different scale links within one window. */
  public static Optional<String> burst(List<Hit> hits, Duration window) {
    List<Hit> sorted = hits.stream().sorted(java.util.Comparator.comparing(Hit::at)).toList();
    for (int i = 0; i < sorted.size(); i++) {
      Set<Integer> scores = new HashSet<>();
      Instant until = sorted.get(i).at().plus(window);
      for (int j = i; j < sorted.size() && !sorted.get(j).at().isAfter(until); j++) scores.add(sorted.get(j).score());
      if (scores.size() >= BURST) return Optional.of(scores.size() + " scale links hit within " + window.toMillis() + " ms");
    }
    return Optional.empty();
  }
}
