package dev.followthrough.triggers.domain;

import dev.followthrough.triggers.PriorityFactor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A priority of 0–100 as a sum of explainable parts, each shown in the console with its reason:
 * account value (up to 25), severity (up to 30), score trend (up to 15), renewal proximity (up to 15),
 * recency (up to 10), engagement (5), plus the rule's boost.
 */
public final class Priority {

  private Priority() {}

  public record Score(int total, List<PriorityFactor> factors) {}

  public static Score of(Subject s, int boost, Instant now) {
    List<PriorityFactor> f = new ArrayList<>(7);
    f.add(accountValue(s.arr()));
    f.add(severity(s.score()));
    f.add(trend(s.drop()));
    f.add(renewal(s.renewalDate(), now));
    f.add(recency(s.respondedAt(), now));
    f.add(s.hasComment() ? new PriorityFactor("engagement", 5, "left a comment")
        : new PriorityFactor("engagement", 0, "no comment"));
    if (boost != 0) f.add(new PriorityFactor("rule boost", boost, "the rule adds " + boost));
    int total = 0;
    for (PriorityFactor p : f) total += p.points();
    return new Score(Math.max(0, Math.min(100, total)), List.copyOf(f));
  }

  /** Log-scaled: $1k → 0, $10k → 8, $100k → 17, $1M+ → 25. */
  static PriorityFactor accountValue(BigDecimal arr) {
    if (arr == null || arr.signum() <= 0) return new PriorityFactor("account value", 0, "no ARR known");
    double thousands = arr.doubleValue() / 1000.0;
    int points = (int) Math.round(Math.max(0, Math.min(25, 25 * Math.log10(Math.max(1, thousands)) / 3)));
    return new PriorityFactor("account value", points, "ARR " + money(arr));
  }

  static PriorityFactor severity(int score) {
    if (score <= 3) return new PriorityFactor("severity", 30, "score " + score + " (0–3: severe)");
    if (score <= 6) return new PriorityFactor("severity", 20, "score " + score + " (4–6: detractor)");
    if (score <= 8) return new PriorityFactor("severity", 5, "score " + score + " (passive)");
    return new PriorityFactor("severity", 0, "score " + score + " (promoter)");
  }

  static PriorityFactor trend(Integer drop) {
    if (drop == null) return new PriorityFactor("score trend", 0, "first score of the contact");
    if (drop <= 0) return new PriorityFactor("score trend", 0, drop == 0 ? "same as the previous score"
        : "up " + (-drop) + " since the previous score");
    return new PriorityFactor("score trend", Math.min(15, 5 * drop), "down " + drop + " since the previous score");
  }

  static PriorityFactor renewal(LocalDate renewal, Instant now) {
    if (renewal == null) return new PriorityFactor("renewal", 0, "no renewal date");
    long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(now, ZoneOffset.UTC), renewal);
    if (days < 0) return new PriorityFactor("renewal", 0, "renewal date " + renewal + " has passed");
    if (days <= 30) return new PriorityFactor("renewal", 15, "renews in " + days + " days");
    if (days <= 60) return new PriorityFactor("renewal", 10, "renews in " + days + " days");
    if (days <= 90) return new PriorityFactor("renewal", 5, "renews in " + days + " days");
    return new PriorityFactor("renewal", 0, "renews in " + days + " days (more than 90)");
  }

  static PriorityFactor recency(Instant respondedAt, Instant now) {
    if (respondedAt == null) return new PriorityFactor("recency", 0, "answer time unknown");
    Duration age = Duration.between(respondedAt, now);
    if (age.compareTo(Duration.ofDays(1)) <= 0) return new PriorityFactor("recency", 10, "answered within a day");
    if (age.compareTo(Duration.ofDays(3)) <= 0) return new PriorityFactor("recency", 6, "answered " + age.toDays() + " days ago");
    if (age.compareTo(Duration.ofDays(7)) <= 0) return new PriorityFactor("recency", 3, "answered " + age.toDays() + " days ago");
    return new PriorityFactor("recency", 0, "answered " + age.toDays() + " days ago");
  }

  private static String money(BigDecimal arr) {
    return String.format(java.util.Locale.ROOT, "%,.0f", arr);
  }
}
