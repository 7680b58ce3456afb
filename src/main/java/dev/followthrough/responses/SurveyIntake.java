package dev.followthrough.responses;

import dev.followthrough.responses.domain.AccountData;
import dev.followthrough.responses.domain.ContactData;
import dev.followthrough.responses.domain.Intake;
import dev.followthrough.responses.domain.Kind;
import dev.followthrough.responses.domain.ResponseCommand;
import dev.followthrough.responses.domain.Score;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The intake door for Followthrough's own surveys (survey pages, the in-app widget): the answer of a
 * known contact (or an anonymous one) goes through {@link ResponseIntake} like every other source, so
 * triggers and follow-ups apply. One {@code sourceId} per send: a changed score or an added comment
 * is a new revision of the same response.
 */
@Service
public class SurveyIntake {

  /** {@code contactId} null: answered anonymously. {@code kind}: relational / transactional / null. */
  public record Answer(String source, String sourceId, int score, String comment, String program, String kind,
                       String touchpoint, String language, Map<String, Object> attributes, UUID contactId) {}

  public sealed interface Outcome {
    /** {@code changed}: a new response or a new revision; false for an exact repeat. */
    record Recorded(UUID responseId, int revision, boolean changed) implements Outcome {}

    record Rejected(String field, String reason) implements Outcome {}
  }

  private final ResponseIntake intake;
  private final ContactDirectory contacts;

  SurveyIntake(ResponseIntake intake, ContactDirectory contacts) {
    this.intake = intake;
    this.contacts = contacts;
  }

  public Outcome record(Answer a) {
    if (a.score() < 0 || a.score() > 10) return new Outcome.Rejected("score", "must be 0..10");
    ContactData contact = null;
    AccountData account = null;
    if (a.contactId() != null) {
      var m = contacts.find(a.contactId()).orElse(null);
      if (m == null) return new Outcome.Rejected("contact", "no longer exists");
      contact = new ContactData(m.externalId(), m.email(), null, null, Map.of());
      if (m.accountExternalId() != null) account = new AccountData(m.accountExternalId(), null, null, null, null, null, Map.of());
    }
    Kind kind = a.kind() == null ? null : Kind.parse(a.kind()).orElse(null);
    var command = new ResponseCommand(a.source(), a.sourceId(), new Score(a.score()), a.comment(), null, a.program(), kind,
        a.touchpoint(), a.language(), a.attributes(), contact, account);
    return switch (intake.record(command)) {
      case Intake.Recorded r -> new Outcome.Recorded(r.id(), 1, true);
      case Intake.Updated u -> new Outcome.Recorded(u.id(), u.revision(), true);
      case Intake.Duplicate d -> new Outcome.Recorded(d.id(), 0, false);
      case Intake.Rejected x -> new Outcome.Rejected(x.field(), x.reason());
    };
  }
}
