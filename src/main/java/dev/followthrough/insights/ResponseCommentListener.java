package dev.followthrough.insights;

import dev.followthrough.responses.ResponseRecorded;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Codes a response's comment after it was recorded, asynchronously, from the event outbox. Delivered at
 * least once: coding is keyed by (response, revision, codebook version), so a repeat does nothing.
 */
@Component
class ResponseCommentListener {

  private final InsightCoding coding;
  private final InsightsSettings settings;

  ResponseCommentListener(InsightCoding coding, InsightsSettings settings) {
    this.coding = coding;
    this.settings = settings;
  }

  @ApplicationModuleListener
  void on(ResponseRecorded event) {
    if (!settings.codeResponses() || !event.hasComment()) return;
    coding.codeResponses(List.of(event.responseId()), false);
  }
}
