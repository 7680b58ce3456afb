package dev.followthrough.triggers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A trigger rule decided that a response deserves a follow-up. The {@code followup} module opens at
 * most one case per response from it (the outbox delivers at least once; consumers are idempotent).
 *
 * @param sla         time allowed, counted from the score's arrival ({@code receivedAt}) on the
 *                    rule's {@code calendar}
 * @param priority    0–100, higher first; {@code priorityFactors} explain it
 * @param team        the team that owns the follow-up when the account has no owner (may be null:
 *                    the followup module then uses its fallback team)
 * @param overflow    the channel to use when human capacity is exhausted (null: wait in priority order)
 * @param resurveyAfter ask the customer again this long after a resolved case (null: no re-survey)
 */
public record FollowUpRequested(UUID responseId, int revision, UUID contactId, UUID accountId, int score,
                                String category, Instant receivedAt, UUID ruleId, String ruleName,
                                Channel channel, Play play, Duration sla, SlaCalendar calendar, int priority,
                                List<PriorityFactor> priorityFactors, OwnerPolicy ownerPolicy, String team,
                                String owner, Channel overflow, Duration resurveyAfter, Instant decidedAt) {

  public FollowUpRequested {
    priorityFactors = priorityFactors == null ? List.of() : List.copyOf(priorityFactors);
  }
}
