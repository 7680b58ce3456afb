package dev.followthrough.bench;

import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.Play;
import dev.followthrough.triggers.domain.Conditions;
import dev.followthrough.triggers.domain.Decision;
import dev.followthrough.triggers.domain.InMemorySampler;
import dev.followthrough.triggers.domain.Limits;
import dev.followthrough.triggers.domain.Outcome;
import dev.followthrough.triggers.domain.Rule;
import dev.followthrough.triggers.domain.RuleBook;
import dev.followthrough.triggers.domain.Subject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Rule evaluation cost: 100 rules (most never match, so the typical response walks far down the list),
 * 100k subjects; prints ns per evaluation (p50/p99) and evaluations per second. No database: this is
 * the pure {@link RuleBook} cost including sampling state in memory.
 *
 * <pre>java -cp target/test-classes:target/classes dev.followthrough.triggers.bench.RuleEvaluationBenchmark [rules] [subjects]</pre>
 */
public final class RuleEvaluationBenchmark {

  public static void main(String[] args) {
    String[] numbers = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).toArray(String[]::new);
    int ruleCount = numbers.length > 0 ? Integer.parseInt(numbers[0]) : 100;
    int subjectCount = numbers.length > 1 ? Integer.parseInt(numbers[1]) : 100_000;
    Random random = new Random(42);
    RuleBook book = new RuleBook(rules(ruleCount, random), Limits.defaults());
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    List<Subject> subjects = subjects(subjectCount, random, now);

    InMemorySampler warmSampler = new InMemorySampler();
    for (int round = 0; round < 3; round++) {
      for (Subject s : subjects) book.evaluate(s, warmSampler, now);
    }

    InMemorySampler sampler = new InMemorySampler();
    long[] ns = new long[subjects.size()];
    int followUps = 0;
    long start = System.nanoTime();
    for (int i = 0; i < subjects.size(); i++) {
      long t0 = System.nanoTime();
      Decision d = book.evaluate(subjects.get(i), sampler, now);
      ns[i] = System.nanoTime() - t0;
      if (d instanceof Decision.FollowUp) followUps++;
    }
    long total = System.nanoTime() - start;
    Arrays.sort(ns);
    System.out.printf("rule evaluation: %d rules, %d subjects, %d follow-ups%n", ruleCount, subjects.size(), followUps);
    System.out.printf("  ns/evaluation p50 %d, p90 %d, p99 %d, max %d%n", ns[ns.length / 2], ns[(int) (ns.length * 0.9)],
        ns[(int) (ns.length * 0.99)], ns[ns.length - 1]);
    System.out.printf("  throughput %.0f evaluations/s (one thread)%n", subjects.size() / (total / 1e9));
  }

  static List<Rule> rules(int n, Random random) {
    String[] categories = {"detractor", "passive", "promoter"};
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < n - 1; i++) {
      Conditions c = new Conditions(Set.of(categories[i % 3]), null, null,
          i % 4 == 0 ? Set.of("enterprise") : Set.of(), i % 5 == 0 ? BigDecimal.valueOf(50_000) : null, null,
          Set.of("program-" + random.nextInt(200)), Set.of(), i % 7 == 0 ? Set.of("renewal") : Set.of(),
          i % 6 == 0 ? Conditions.CommentPresence.PRESENT : null, i % 9 == 0 ? Set.of("de", "fr") : Set.of(),
          i % 8 == 0 ? Map.of("plan", Set.of("pro", "enterprise")) : Map.of(), i % 10 == 0 ? 3 : null, null,
          i % 11 == 0 ? 90 : null);
      Outcome o = Outcome.followUp(i % 2 == 0 ? Channel.EMAIL : Channel.INTERVIEW, Play.values()[i % 3],
          Duration.ofHours(24 + i)).withSampleRate(i % 3 == 0 ? 1.0 : 0.3);
      rules.add(new Rule(UUID.randomUUID(), "rule " + i, i + 1, true, c, o, null, 1));
    }
    rules.add(new Rule(UUID.randomUUID(), "everyone else", n, true, Conditions.none(), Outcome.none(), null, 1));
    return rules;
  }

  static List<Subject> subjects(int n, Random random, Instant now) {
    String[] tiers = {"enterprise", "mid-market", "smb"};
    String[] languages = {"en", "de", "fr", "es"};
    List<UUID> contacts = new ArrayList<>();
    for (int i = 0; i < n / 5; i++) contacts.add(new UUID(7, i));
    List<Subject> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int score = random.nextInt(11);
      out.add(new Subject(UUID.randomUUID(), 1, contacts.get(random.nextInt(contacts.size())), UUID.randomUUID(), score,
          tiers[random.nextInt(3)], BigDecimal.valueOf(random.nextInt(500_000)), "program-" + random.nextInt(200),
          "relational", random.nextBoolean() ? "renewal" : "onboarding", random.nextBoolean(),
          languages[random.nextInt(4)], Map.of("plan", random.nextBoolean() ? "pro" : "free"),
          random.nextInt(4) == 0 ? null : random.nextInt(11), LocalDate.of(2027, 1 + random.nextInt(12), 1),
          now.minusSeconds(random.nextInt(86_400 * 3)), now, false, false, null));
    }
    return out;
  }
}
