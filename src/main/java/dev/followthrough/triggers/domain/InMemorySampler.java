package dev.followthrough.triggers.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Sampling state in memory: for tests, the benchmark and side-effect-free dry runs. Not thread-safe. */
public final class InMemorySampler implements Sampler {

  private final Map<UUID, SamplingPolicy.RuleState> rules = new HashMap<>();
  private final Map<UUID, Map<UUID, SamplingPolicy.ContactState>> contacts = new HashMap<>();

  @Override
  public SamplingPolicy.Draw draw(Rule rule, UUID contactKey) {
    var perRule = contacts.computeIfAbsent(rule.id(), k -> new HashMap<>());
    var draw = SamplingPolicy.draw(rule.outcome().sampleRate(),
        rules.getOrDefault(rule.id(), SamplingPolicy.RuleState.initial()),
        perRule.getOrDefault(contactKey, SamplingPolicy.ContactState.initial()));
    rules.put(rule.id(), draw.rule());
    perRule.put(contactKey, draw.contact());
    return draw;
  }

  public SamplingPolicy.ContactState contact(UUID ruleId, UUID contactKey) {
    return contacts.getOrDefault(ruleId, Map.of()).getOrDefault(contactKey, SamplingPolicy.ContactState.initial());
  }
}
