package dev.followthrough.triggers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the rules decided for one response revision, and why, for the console.
 *
 * @param ruleId   null when a global guard decided (opted out, too old) or no rule matched
 * @param reason   the reasons in one sentence; {@code reasons} lists them one by one
 * @param priority 0–100 for a follow-up (null otherwise); {@code factors} explain it
 * @param channel  call / interview / email / in_app for a follow-up
 * @param holdout  a rule decided to follow up, but the contact is in the holdout arm (not followed up on purpose)
 */
public record TriggerDecision(UUID responseId, int revision, UUID ruleId, String ruleName, boolean followUp,
                              String reason, List<String> reasons, Integer priority, List<PriorityFactor> factors,
                              String channel, String play, Instant decidedAt, boolean holdout) {

  public TriggerDecision {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    factors = factors == null ? List.of() : List.copyOf(factors);
  }

  public TriggerDecision(UUID responseId, int revision, UUID ruleId, String ruleName, boolean followUp, String reason,
                         List<String> reasons, Integer priority, List<PriorityFactor> factors, String channel,
                         String play, Instant decidedAt) {
    this(responseId, revision, ruleId, ruleName, followUp, reason, reasons, priority, factors, channel, play, decidedAt,
        false);
  }
}
