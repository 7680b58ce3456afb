package dev.followthrough.responses;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renewal and churn events of accounts: {@code renewed}, {@code churned}, {@code downgraded}, {@code expanded}.
 * Idempotent like responses: the same external id, or the same kind and date for the account, is the same event;
 * sent again with the same content it is a {@link Outcome.Duplicate}, with other content a {@link Outcome.Conflict}.
 */
@Service
public class AccountEvents {

  public static final List<String> KINDS = List.of("renewed", "churned", "downgraded", "expanded");

  public record Event(UUID id, UUID accountId, String accountExternalId, String kind, LocalDate date,
                      BigDecimal arrChange, String externalId, String source, Instant recordedAt) {}

  /** What a caller sends; {@code arrChange} and {@code externalId} are optional. */
  public record Command(String kind, LocalDate date, BigDecimal arrChange, String externalId, String source) {
    public Command {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(date, "date");
      if (!KINDS.contains(kind)) throw new IllegalArgumentException("unknown kind " + kind);
    }
  }

  public sealed interface Outcome {
    record Recorded(Event event) implements Outcome {}
    record Duplicate(Event event) implements Outcome {}
    /** An event with the same identity but other content exists; {@code field} names the first difference. */
    record Conflict(Event existing, String field) implements Outcome {}
    record NoSuchAccount(String account) implements Outcome {}
  }

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AccountEvents(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  private static final String SELECT = """
      SELECT e.id, e.account_id, a.external_id AS account_ext, e.kind, e.event_date, e.arr_change, e.external_id,
             e.source, e.recorded_at
      FROM responses_account_event e JOIN responses_account a ON a.id = e.account_id
      """;

  private static Event event(ResultSet rs, int i) throws SQLException {
    return new Event(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
        rs.getString("account_ext"), rs.getString("kind"), rs.getDate("event_date").toLocalDate(),
        rs.getBigDecimal("arr_change"), rs.getString("external_id"), rs.getString("source"),
        rs.getTimestamp("recorded_at").toInstant());
  }

  /** The account's id for our uuid or its external id. */
  public Optional<UUID> accountId(String account) {
    if (account == null || account.isBlank()) return Optional.empty();
    UUID asId = null;
    try {
      asId = UUID.fromString(account);
    } catch (IllegalArgumentException ignored) {
      // an external id
    }
    return jdbc.sql("SELECT id FROM responses_account WHERE external_id = :ext OR id = :id ORDER BY (id = :id) DESC LIMIT 1")
        .param("ext", account).param("id", asId).query(UUID.class).optional();
  }

  /** Records one event for the account (our uuid or its external id). */
  @Transactional
  public Outcome record(String account, Command c) {
    Optional<UUID> id = accountId(account);
    if (id.isEmpty()) return new Outcome.NoSuchAccount(account);
    UUID accountId = id.get();
    // serialise writers of one account: the identity check and the insert must not interleave
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 11))").param("key", "account-events:" + accountId)
        .query((rs, i) -> 1).list();
    Optional<Event> existing = c.externalId() == null ? Optional.empty()
        : jdbc.sql(SELECT + " WHERE e.account_id = :a AND e.external_id = :ext").param("a", accountId)
            .param("ext", c.externalId()).query(AccountEvents::event).optional();
    if (existing.isEmpty()) {
      existing = jdbc.sql(SELECT + " WHERE e.account_id = :a AND e.kind = :kind AND e.event_date = :date")
          .param("a", accountId).param("kind", c.kind()).param("date", Date.valueOf(c.date()))
          .query(AccountEvents::event).optional();
    }
    if (existing.isPresent()) {
      String differs = difference(existing.get(), c);
      return differs == null ? new Outcome.Duplicate(existing.get()) : new Outcome.Conflict(existing.get(), differs);
    }
    Instant now = clock.instant();
    UUID eventId = UUID.randomUUID();
    jdbc.sql("""
        INSERT INTO responses_account_event (id, account_id, kind, event_date, arr_change, external_id, source, recorded_at)
        VALUES (:id, :a, :kind, :date, :arr, :ext, :source, :now)""")
        .param("id", eventId).param("a", accountId).param("kind", c.kind()).param("date", Date.valueOf(c.date()))
        .param("arr", c.arrChange(), java.sql.Types.NUMERIC).param("ext", c.externalId(), java.sql.Types.VARCHAR)
        .param("source", c.source() == null ? "api" : c.source()).param("now", Timestamp.from(now)).update();
    events.publishEvent(new AccountEventRecorded(eventId, accountId, c.kind(), c.date(), c.arrChange(), now));
    return new Outcome.Recorded(jdbc.sql(SELECT + " WHERE e.id = :id").param("id", eventId)
        .query(AccountEvents::event).single());
  }

  /** The first field in which a stored event differs from what was sent again; null when it is the same event. */
  static String difference(Event e, Command c) {
    if (!e.kind().equals(c.kind())) return "kind";
    if (!e.date().equals(c.date())) return "date";
    if (e.arrChange() == null ? c.arrChange() != null : c.arrChange() == null || e.arrChange().compareTo(c.arrChange()) != 0)
      return "arrChange";
    if (e.externalId() != null && c.externalId() != null && !e.externalId().equals(c.externalId())) return "externalId";
    return null;
  }

  /** The account an events page is about. */
  public record Account(UUID id, String externalId, String name, String tier, BigDecimal arr) {}

  public Optional<Account> account(String account) {
    return accountId(account).flatMap(id -> jdbc.sql("SELECT id, external_id, name, tier, arr FROM responses_account WHERE id = :id")
        .param("id", id).query((rs, i) -> new Account(rs.getObject("id", UUID.class), rs.getString("external_id"),
            rs.getString("name"), rs.getString("tier"), rs.getBigDecimal("arr"))).optional());
  }

  /** The account's events, newest first; empty when there is no such account. */
  public Optional<List<Event>> list(String account) {
    return accountId(account).map(id -> jdbc.sql(SELECT + " WHERE e.account_id = :a ORDER BY e.event_date DESC, e.recorded_at DESC")
        .param("a", id).query(AccountEvents::event).list());
  }
}
