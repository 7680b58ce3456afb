package dev.followthrough.responses;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opt-out: a contact who asked not to be contacted gets no follow-up, invitation or survey. */
@Service
public class ContactPreferences {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ContactPreferences(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /** Returns false when the contact does not exist. Repeating it changes nothing and publishes nothing. */
  @Transactional
  public boolean setOptedOut(UUID contactId, boolean optedOut) {
    Instant now = clock.instant();
    Boolean was = jdbc.sql("SELECT opted_out_at IS NOT NULL FROM responses_contact WHERE id = :id FOR UPDATE")
        .param("id", contactId).query(Boolean.class).optional().orElse(null);
    if (was == null) return false;
    if (was == optedOut) return true;
    jdbc.sql("UPDATE responses_contact SET opted_out_at = :at, updated_at = :now WHERE id = :id")
        .param("at", optedOut ? java.sql.Timestamp.from(now) : null, java.sql.Types.TIMESTAMP)
        .param("now", java.sql.Timestamp.from(now)).param("id", contactId).update();
    events.publishEvent(new ContactOptedOut(contactId, optedOut, now));
    return true;
  }

  /**
   * The contact's email address bounced permanently (SMTP 5xx): outreach sends it no more customer
   * email. Returns false when the contact does not exist; repeating it keeps the first time and reason.
   */
  @Transactional
  public boolean markUndeliverable(UUID contactId, String reason) {
    return jdbc.sql("""
        UPDATE responses_contact SET undeliverable_at = coalesce(undeliverable_at, :now),
               undeliverable_reason = coalesce(undeliverable_reason, :reason)
        WHERE id = :id""")
        .param("now", java.sql.Timestamp.from(clock.instant()))
        .param("reason", reason == null ? "undeliverable" : reason.length() > 500 ? reason.substring(0, 500) : reason)
        .param("id", contactId).update() > 0;
  }

  /** Why the contact's address is known not to work, if it is. */
  public java.util.Optional<String> undeliverable(UUID contactId) {
    return jdbc.sql("SELECT undeliverable_reason FROM responses_contact WHERE id = :id AND undeliverable_at IS NOT NULL")
        .param("id", contactId).query(String.class).optional();
  }
}
