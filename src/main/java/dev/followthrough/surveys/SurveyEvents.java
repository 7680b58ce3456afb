package dev.followthrough.surveys;

import dev.followthrough.platform.Ids;
import dev.followthrough.responses.ContactDirectory;
import dev.followthrough.surveys.jdbc.JdbcSurveys;
import dev.followthrough.surveys.jdbc.JdbcSurveys.NewSend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactional programs: an event sent over {@code POST /api/v1/events} (purchase completed, ticket
 * closed…) plans one send per active program listening for its type, after the program's delay. The
 * fatigue check happens when the send is due. An event id seen before plans nothing.
 */
@Service
public class SurveyEvents {

  /** {@code id} may be null: then type, contact and time identify the event. */
  public record Event(String id, String type, String contact, Instant occurredAt) {}

  public sealed interface Received {
    record Planned(String eventId, List<SurveySend> sends) implements Received {}

    record Duplicate(String eventId) implements Received {}

    record Rejected(String field, String reason) implements Received {}
  }

  private final JdbcSurveys store;
  private final ContactDirectory contacts;
  private final TransactionTemplate tx;
  private final Clock clock;

  SurveyEvents(JdbcSurveys store, ContactDirectory contacts, TransactionTemplate tx, Clock clock) {
    this.store = store;
    this.contacts = contacts;
    this.tx = tx;
    this.clock = clock;
  }

  public Received receive(Event e) {
    Instant now = clock.instant();
    if (e.type() == null || e.type().isBlank()) return new Received.Rejected("type", "is required");
    if (e.type().length() > 100) return new Received.Rejected("type", "must be at most 100 characters");
    if (e.contact() == null || e.contact().isBlank()) return new Received.Rejected("contact", "is required (the contact's externalId)");
    if (e.id() != null && e.id().length() > 200) return new Received.Rejected("id", "must be at most 200 characters");
    if (e.occurredAt() != null && e.occurredAt().isAfter(now.plus(Duration.ofDays(1))))
      return new Received.Rejected("occurredAt", "is more than a day in the future");
    var member = contacts.byExternalId(e.contact().strip());
    if (member.isEmpty()) return new Received.Rejected("contact", "no contact has this externalId");
    Instant at = e.occurredAt() == null ? now : e.occurredAt();
    String id = e.id() != null && !e.id().isBlank() ? e.id().strip()
        : e.type().strip() + ":" + e.contact().strip() + ":" + at.toEpochMilli();
    return tx.execute(status -> {
      if (!store.claimEvent(id, e.type().strip(), member.get().id(), now)) return new Received.Duplicate(id);
      List<Program> programs = store.activeTransactional(e.type().strip());
      for (Program p : programs) {
        Instant sendAt = at.plus(Duration.ofMinutes(p.delayMinutes()));
        store.insertSends(p.id(), List.of(new NewSend(Ids.timeOrdered(now), member.get().id(), member.get().accountId(),
            "e:" + id, sendAt.isBefore(now) ? now : sendAt, p.channel().key(),
            p.touchpoint() != null ? p.touchpoint() : e.type().strip())), now);
      }
      store.eventSends(id, programs.size());
      return new Received.Planned(id, store.eventSendsOf(id));
    });
  }
}
