package dev.followthrough.responses;

import dev.followthrough.responses.domain.AccountData;
import dev.followthrough.responses.domain.ContactData;
import dev.followthrough.responses.domain.Intake;
import dev.followthrough.responses.domain.ResponseCommand;
import dev.followthrough.responses.jdbc.JdbcResponses;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one door every score comes through, whatever its channel: validate, match the contact and
 * account, store or merge, publish {@link ResponseRecorded}. Each response is atomic: nothing
 * partial is ever stored.
 */
@Service
public class ResponseIntake {

  private final JdbcResponses store;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ResponseIntake(JdbcResponses store, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  public Intake record(ResponseCommand command) {
    Instant now = clock.instant();
    Optional<Intake.Rejected> invalid = command.violations(now);
    if (invalid.isPresent()) return invalid.get();
    return tx.execute(status -> recordValid(command, now));
  }

  private Intake recordValid(ResponseCommand c, Instant now) {
    boolean demo = "demo".equals(c.source());
    UUID accountId = c.account() == null ? null : store.upsertAccount(c.account(), demo, now);
    UUID contactId = c.contact() == null ? null : store.upsertContact(c.contact(), accountId, demo, now);
    Instant respondedAt = c.respondedAt() != null ? c.respondedAt() : now;
    Intake result = store.store(c, c.effectiveSourceId(now), contactId, accountId, respondedAt, now);
    publish(result, c, contactId, accountId, respondedAt);
    return result;
  }

  /**
   * Up to a batch's worth of responses in one transaction. Invalid items are rejected one by one;
   * the valid ones are stored together (contacts and accounts upserted once per batch).
   */
  public List<Intake> recordAll(List<ResponseCommand> commands) {
    Instant now = clock.instant();
    Intake[] results = new Intake[commands.size()];
    List<Integer> valid = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      Optional<Intake.Rejected> invalid = commands.get(i).violations(now);
      if (invalid.isPresent()) results[i] = invalid.get();
      else valid.add(i);
    }
    if (!valid.isEmpty()) tx.executeWithoutResult(status -> recordValidBatch(commands, valid, results, now));
    return List.of(results);
  }

  private void recordValidBatch(List<ResponseCommand> commands, List<Integer> valid, Intake[] results, Instant now) {
    boolean demo = valid.stream().allMatch(i -> "demo".equals(commands.get(i).source()));
    // accounts, then contacts, each upserted once per batch in one statement; repeats are merged first
    Map<String, AccountData> accountsIn = new LinkedHashMap<>();
    for (int i : valid) {
      AccountData a = commands.get(i).account();
      if (a != null) accountsIn.merge(a.externalId(), a, ResponseIntake::mergeAccount);
    }
    Map<String, UUID> accounts = store.upsertAccounts(List.copyOf(accountsIn.values()), demo, now);
    Map<String, JdbcResponses.ContactRow> contactsIn = new LinkedHashMap<>();
    for (int i : valid) {
      ResponseCommand c = commands.get(i);
      if (c.contact() == null) continue;
      UUID accountId = c.account() == null ? null : accounts.get(c.account().externalId());
      contactsIn.merge(JdbcResponses.contactKey(c.contact()), new JdbcResponses.ContactRow(c.contact(), accountId),
          ResponseIntake::mergeContact);
    }
    Map<String, UUID> contacts = store.upsertContacts(List.copyOf(contactsIn.values()), demo, now);

    List<JdbcResponses.Row> firsts = new ArrayList<>();
    List<JdbcResponses.Row> repeats = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i : valid) {
      ResponseCommand c = commands.get(i);
      UUID accountId = c.account() == null ? null : accounts.get(c.account().externalId());
      UUID contactId = c.contact() == null ? null : contacts.get(JdbcResponses.contactKey(c.contact()));
      String sourceId = c.effectiveSourceId(now);
      Instant respondedAt = c.respondedAt() != null ? c.respondedAt() : now;
      JdbcResponses.Row row = new JdbcResponses.Row(i, c, sourceId, contactId, accountId, respondedAt);
      // the same response twice inside one batch: the later copy is merged after the first is stored
      (seen.add(c.source() + "\u001f" + sourceId) ? firsts : repeats).add(row);
    }
    Map<Integer, UUID> inserted = store.insertAll(firsts, now);
    // re-deliveries: fetch and lock all of them in one query, compare in memory, write only the changed
    List<JdbcResponses.Row> existing = firsts.stream().filter(r -> !inserted.containsKey(r.index())).toList();
    Map<String, JdbcResponses.Stored> stored = store.findForUpdate(
        existing.stream().map(r -> r.command().source()).toList(), existing.stream().map(JdbcResponses.Row::sourceId).toList());
    for (JdbcResponses.Row r : firsts) {
      UUID id = inserted.get(r.index());
      JdbcResponses.Stored old = id != null ? null : stored.get(r.command().source() + "\u001f" + r.sourceId());
      Intake result = id != null ? new Intake.Recorded(id, r.command().score().category())
          : old != null ? store.merge(r.command(), old, r.contactId(), r.accountId(), now)
          : store.store(r.command(), r.sourceId(), r.contactId(), r.accountId(), r.respondedAt(), now);
      results[r.index()] = result;
      publish(result, r.command(), r.contactId(), r.accountId(), r.respondedAt());
    }
    for (JdbcResponses.Row r : repeats) {
      Intake result = store.store(r.command(), r.sourceId(), r.contactId(), r.accountId(), r.respondedAt(), now);
      results[r.index()] = result;
      publish(result, r.command(), r.contactId(), r.accountId(), r.respondedAt());
    }
  }

  /** A later mention in the same batch wins field by field; absent fields keep the earlier value. */
  static AccountData mergeAccount(AccountData a, AccountData b) {
    Map<String, Object> attrs = new LinkedHashMap<>(a.attributes());
    attrs.putAll(b.attributes());
    return new AccountData(a.externalId(), or(b.name(), a.name()), or(b.tier(), a.tier()), or(b.arr(), a.arr()),
        or(b.renewalDate(), a.renewalDate()), or(b.owner(), a.owner()), attrs);
  }

  static JdbcResponses.ContactRow mergeContact(JdbcResponses.ContactRow a, JdbcResponses.ContactRow b) {
    Map<String, Object> attrs = new LinkedHashMap<>(a.contact().attributes());
    attrs.putAll(b.contact().attributes());
    ContactData c = new ContactData(a.contact().externalId(), or(b.contact().email(), a.contact().email()),
        or(b.contact().name(), a.contact().name()), or(b.contact().role(), a.contact().role()), attrs);
    return new JdbcResponses.ContactRow(c, or(b.accountId(), a.accountId()));
  }

  private static <T> T or(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }

  private void publish(Intake result, ResponseCommand c, UUID contactId, UUID accountId, Instant respondedAt) {
    switch (result) {
      case Intake.Recorded r -> events.publishEvent(new ResponseRecorded(r.id(), 1, c.source(), c.score().value(),
          r.category().key(), contactId, accountId, respondedAt, c.comment() != null));
      case Intake.Updated u -> events.publishEvent(new ResponseRecorded(u.id(), u.revision(), c.source(),
          c.score().value(), u.category().key(), contactId, accountId, respondedAt, c.comment() != null));
      case Intake.Duplicate d -> { }
      case Intake.Rejected x -> { }
    }
  }
}
