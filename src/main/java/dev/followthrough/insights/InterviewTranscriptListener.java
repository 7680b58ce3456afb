package dev.followthrough.insights;

import dev.followthrough.interviews.InterviewCompleted;
import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.responses.ResponseQueries.AccountRef;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Codes what the customer said in an interview (their words only, not the moderator's questions) into
 * mechanisms, like a comment. One coded text per interview (an upsert on the source), one coding per
 * mechanism: a redelivered event or a later revision replaces, never duplicates.
 */
@Component
class InterviewTranscriptListener {

  private final InsightCoding coding;
  private final ResponseQueries responses;

  InterviewTranscriptListener(InsightCoding coding, ResponseQueries responses) {
    this.coding = coding;
    this.responses = responses;
  }

  @ApplicationModuleListener
  void on(InterviewCompleted e) {
    if (e.customerText() == null || e.customerText().isBlank()) return;
    AccountRef account = e.responseId() == null ? null
        : responses.find(e.responseId()).map(ResponseQueries.ResponseView::account).orElse(null);
    coding.codeTranscript(e.interviewId(), e.revision(), e.customerText(), e.score(), e.category(),
        account == null ? e.accountId() : account.id(), account == null ? null : account.name(),
        account == null ? null : account.tier(), account == null ? null : account.arr(), e.completedAt());
  }
}
