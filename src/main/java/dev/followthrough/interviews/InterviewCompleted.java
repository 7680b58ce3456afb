package dev.followthrough.interviews;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An interview produced a result: completed (summary confirmed or corrected), or stopped by the customer
 * after at least one answer (a partial result). {@code revision} grows when a resumed interview completes
 * later. {@code transcript}: every turn ({@code speaker}, {@code text}, {@code phase}, {@code at});
 * {@code customerText}: the customer's words only, for coding; {@code result}: the structured result
 * (summary, statedReason, rootCause, specifics, whoElse, expectationGap, severity, churnSignals,
 * whatWouldChange, quotes, confirmed, correction).
 */
public record InterviewCompleted(UUID interviewId, UUID caseId, UUID contactId, UUID responseId, UUID accountId,
                                 Integer score, String category, String channel, String guide, int guideVersion,
                                 String moderator, String status, int revision, int depth,
                                 List<Map<String, Object>> transcript, String customerText, Map<String, Object> result,
                                 Instant startedAt, Instant completedAt) {

  public String summary() {
    return (String) result.get("summary");
  }

  public String rootCause() {
    return (String) result.get("rootCause");
  }
}
