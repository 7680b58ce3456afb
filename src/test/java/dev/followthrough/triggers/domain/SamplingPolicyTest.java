package dev.followthrough.triggers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.followthrough.triggers.Channel;
import dev.followthrough.triggers.Play;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SamplingPolicyTest {

  private static Rule sampled(double rate) {
    return new Rule(UUID.randomUUID(), "Sampled", 1, true, Conditions.none(),
        Outcome.followUp(Channel.INTERVIEW, Play.IMPROVE, Duration.ofDays(7)).withSampleRate(rate), null, 1);
  }

  private static List<Boolean> run(Rule rule, List<UUID> arrivals) {
    InMemorySampler sampler = new InMemorySampler();
    List<Boolean> picks = new ArrayList<>();
    for (UUID c : arrivals) picks.add(sampler.draw(rule, c).picked());
    return picks;
  }

  private static List<UUID> arrivals(int contacts, int n, long seed) {
    Random random = new Random(seed);
    List<UUID> pool = new ArrayList<>();
    for (int i = 0; i < contacts; i++) pool.add(new UUID(seed, i));
    List<UUID> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(pool.get(random.nextInt(contacts)));
    return out;
  }

  @Test
  void the_same_arrivals_give_the_same_picks() {
    Rule rule = sampled(0.3);
    List<UUID> a = arrivals(200, 5000, 7);
    assertThat(run(rule, a)).isEqualTo(run(rule, a));
  }

  @Test
  void exactly_the_rate_is_picked_overall() {
    List<Boolean> picks = run(sampled(0.3), arrivals(500, 10_000, 11));
    long n = picks.stream().filter(p -> p).count();
    assertThat(n).isBetween(2990L, 3001L);
  }

  @Test
  void every_contact_gets_about_the_rate_and_nobody_is_picked_every_time() {
    Rule rule = sampled(0.3);
    List<UUID> a = arrivals(200, 20_000, 13); // ~100 answers per contact
    InMemorySampler sampler = new InMemorySampler();
    for (UUID c : a) sampler.draw(rule, c);
    for (UUID c : new java.util.HashSet<>(a)) {
      var s = sampler.contact(rule.id(), c);
      double share = (double) s.picked() / s.eligible();
      assertThat(share).as("contact answered %d times, picked %d", s.eligible(), s.picked()).isBetween(0.2, 0.4);
    }
  }

  @Test
  void a_contact_answering_every_time_is_not_picked_every_time() {
    // one heavy contact answers every other time, the rest rotate among many
    Rule rule = sampled(0.3);
    UUID heavy = UUID.randomUUID();
    List<UUID> a = new ArrayList<>();
    for (int i = 0; i < 2000; i++) a.add(i % 2 == 0 ? heavy : new UUID(1, i));
    InMemorySampler sampler = new InMemorySampler();
    for (UUID c : a) sampler.draw(rule, c);
    var s = sampler.contact(rule.id(), heavy);
    assertThat((double) s.picked() / s.eligible()).isBetween(0.25, 0.35);
  }

  @Test
  void a_contact_answering_every_time_alone_is_picked_at_the_rate() {
    Rule rule = sampled(0.25);
    UUID only = UUID.randomUUID();
    InMemorySampler sampler = new InMemorySampler();
    List<Boolean> picks = new ArrayList<>();
    for (int i = 0; i < 8; i++) picks.add(sampler.draw(rule, only).picked());
    assertThat(picks).containsExactly(false, false, false, true, false, false, false, true);
  }

  @Test
  void rate_one_always_and_rate_zero_never() {
    assertThat(run(sampled(1.0), arrivals(10, 100, 3))).containsOnly(true);
    assertThat(run(sampled(0.0), arrivals(10, 100, 3))).containsOnly(false);
  }

  @Test
  void a_skip_names_the_contacts_history() {
    Rule rule = sampled(0.5);
    UUID c = UUID.randomUUID();
    InMemorySampler sampler = new InMemorySampler();
    sampler.draw(rule, c);
    var picked = sampler.draw(rule, c);
    assertThat(picked.picked()).isTrue();
    var third = sampler.draw(rule, c);
    assertThat(third.why()).isEqualTo("not sampled (sample 50%, not this response's turn; contact followed up 1 of last 2 times)");
  }
}
