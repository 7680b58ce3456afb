package dev.followthrough.triggers.domain;

import java.util.UUID;

/**
 * Keeps sampling state and draws from it ({@link SamplingPolicy} decides). The database adapter
 * holds the state under row locks so two nodes agree; {@link InMemorySampler} serves tests,
 * benchmarks and dry runs.
 */
public interface Sampler {

  SamplingPolicy.Draw draw(Rule rule, UUID contactKey);
}
