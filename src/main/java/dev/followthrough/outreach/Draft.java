package dev.followthrough.outreach;

import java.time.Instant;
import java.util.UUID;

/** A message to store once under its idempotency key and then deliver. */
record Draft(String key, String kind, String channel, boolean customer, UUID caseId, UUID contactId, UUID responseId,
             String recipient, UUID subscriptionId, String eventType, String language, String subject, String text,
             String html, String payload, String unsubscribeUrl, Instant notBefore) {

  static Draft email(String key, String kind, boolean customer, UUID caseId, UUID contactId, UUID responseId,
                     String to, String language, Rendered r, String unsubscribeUrl, Instant notBefore) {
    return new Draft(key, kind, "email", customer, caseId, contactId, responseId, to, null, null, language, r.subject(),
        r.text(), r.html(), null, unsubscribeUrl, notBefore);
  }

  /** A subject with its plain-text and HTML bodies. */
  record Rendered(String subject, String text, String html) {}
}
