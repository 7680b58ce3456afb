package dev.followthrough.triggers;

import dev.followthrough.responses.ResponseQueries.ResponseView;
import dev.followthrough.responses.ResponseQueries.ScorePoint;
import dev.followthrough.triggers.domain.Subject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds what the rules see from a stored response and the contact's scores. */
final class Subjects {

  private Subjects() {}

  static Subject of(ResponseView r, List<ScorePoint> contactScores, boolean openCase, Instant lastFollowUpAt) {
    var contact = r.contact();
    var account = r.account();
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (account != null && account.attributes() != null) attributes.putAll(account.attributes());
    if (contact != null && contact.attributes() != null) attributes.putAll(contact.attributes());
    if (r.attributes() != null) attributes.putAll(r.attributes());
    attributes.values().removeIf(java.util.Objects::isNull);
    return new Subject(r.id(), r.revision(), contact == null ? null : contact.id(), account == null ? null : account.id(),
        r.score(), account == null ? null : account.tier(), account == null ? null : account.arr(), r.program(), r.kind(),
        r.touchpoint(), r.comment() != null && !r.comment().isBlank(), r.language(), attributes,
        previousScore(r, contactScores), account == null ? null : account.renewalDate(), r.respondedAt(),
        r.receivedAt(), contact != null && contact.optedOut(), openCase, lastFollowUpAt);
  }

  /** The contact's latest score answered before this one (another response), if any. */
  static Integer previousScore(ResponseView r, List<ScorePoint> scores) {
    Integer previous = null;
    Instant at = r.respondedAt();
    for (ScorePoint p : scores) { // oldest first
      if (p.responseId().equals(r.id())) continue;
      if (at != null && p.respondedAt() != null && p.respondedAt().isAfter(at)) continue;
      previous = p.score();
    }
    return previous;
  }
}
