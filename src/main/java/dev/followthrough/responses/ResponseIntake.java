package dev.followthrough.responses;

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
    Map<String, UUID> accounts = new HashMap<>();
    Map<String, UUID> contacts = new HashMap<>();
    List<JdbcResponses.Row> rows = new ArrayList<>();
    Map<String, Integer> firstBySourceKey = new LinkedHashMap<>();
    List<Integer> repeats = new ArrayList<>();
    for (int i : valid) {
      ResponseCommand c = commands.get(i);
      boolean demo = "demo".equals(c.source());
      UUID accountId = c.account() == null ? null
          : accounts.computeIfAbsent(c.account().externalId(), k -> store.upsertAccount(c.account(), demo, now));
      UUID contactId = null;
      if (c.contact() != null) {
        String key = (c.contact().externalId() != null ? "x:" + c.contact().externalId() : "e:" + c.contact().email().toLowerCase())
            + "|" + accountId;
        UUID acc = accountId;
        contactId = contacts.computeIfAbsent(key, k -> store.upsertContact(c.contact(), acc, demo, now));
      }
      String sourceId = c.effectiveSourceId(now);
      Instant respondedAt = c.respondedAt() != null ? c.respondedAt() : now;
      // the same response twice inside one batch: the later copy is merged after the first is stored
      if (firstBySourceKey.putIfAbsent(c.source() + "\u001f" + sourceId, i) != null) {
        repeats.add(i);
        results[i] = null;
        rows.add(null);
        continue;
      }
      rows.add(new JdbcResponses.Row(i, c, sourceId, contactId, accountId, respondedAt));
    }
    List<JdbcResponses.Row> firsts = rows.stream().filter(java.util.Objects::nonNull).toList();
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
    for (int i : repeats) {
      ResponseCommand c = commands.get(i);
      UUID accountId = c.account() == null ? null : accounts.get(c.account().externalId());
      UUID contactId = null;
      if (c.contact() != null) {
        String key = (c.contact().externalId() != null ? "x:" + c.contact().externalId() : "e:" + c.contact().email().toLowerCase())
            + "|" + accountId;
        contactId = contacts.get(key);
      }
      Instant respondedAt = c.respondedAt() != null ? c.respondedAt() : now;
      Intake result = store.store(c, c.effectiveSourceId(now), contactId, accountId, respondedAt, now);
      results[i] = result;
      publish(result, c, contactId, accountId, respondedAt);
    }
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
