package dev.followthrough.outreach;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.followthrough.outreach.Transport.Result;
import dev.followthrough.outreach.domain.Backoff;
import dev.followthrough.platform.Ids;
import dev.followthrough.responses.ContactPreferences;
import dev.followthrough.responses.ResponseQueries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery queue. A draft is stored once per idempotency key (a redelivered event is a no-op) as
 * {@code pending}, due at {@code not_before} (later tries at {@code next_attempt_at}). Any node's sender
 * ({@link #sendDue}) claims a batch of due messages at once ({@code FOR UPDATE SKIP LOCKED}: each to one node),
 * marks them {@code sending} and commits, sends them (all the batch's email over one SMTP session, Slack and
 * webhooks over one pooled HTTP client) and settles every result in one transaction. A message is sent once
 * unless a node dies between the SMTP server's acceptance and the settle: a claim older than
 * {@code send-lease} is taken again (at least once; the {@code Message-ID} is the same on every try, so a
 * receiver can drop the copy). A temporary failure waits with exponential backoff; the last one, or a
 * permanent failure, puts the message on the dead-letter list, from which {@link #retry} starts it again.
 * The durable timer {@code outreach-send} (one per message) is how earlier versions sent; it stays for the
 * executions such a version left behind.
 */
@Component
class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  static final String SEND = "outreach-send";

  /** A stored message as a transport sees it. */
  record Stored(UUID id, String key, String kind, String channel, boolean customer, UUID caseId, UUID contactId,
                UUID responseId, String recipient, UUID subscriptionId, String eventType, String subject, String text,
                String html, String payload, String unsubscribeUrl, int attempts, int retries) {}

  @Configuration(proxyBeanMethods = false)
  static class Timers {
    @Bean
    OneTimeTask<Void> outreachSendTask(ObjectProvider<Outbox> outbox) {
      return Tasks.oneTime(SEND).execute((instance, context) -> {
        String[] id = instance.getId().split(":");
        outbox.getObject().attempt(UUID.fromString(id[0]), Integer.parseInt(id[1]), Integer.parseInt(id[2]));
      });
    }
  }

  private final JdbcClient jdbc;
  private final SchedulerClient timers;
  private final OneTimeTask<Void> outreachSendTask;
  private final Map<String, Transport> transports;
  private final ResponseQueries responses;
  private final ContactPreferences preferences;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate tx;
  private final OutreachSettings settings;
  private final Clock clock;

  Outbox(JdbcClient jdbc, SchedulerClient timers, OneTimeTask<Void> outreachSendTask, List<Transport> transports,
         ResponseQueries responses, ContactPreferences preferences, ApplicationEventPublisher events,
         TransactionTemplate tx, OutreachSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.timers = timers;
    this.outreachSendTask = outreachSendTask;
    this.transports = transports.stream().collect(Collectors.toMap(Transport::channel, Function.identity()));
    this.responses = responses;
    this.preferences = preferences;
    this.events = events;
    this.tx = tx;
    this.settings = settings;
    this.clock = clock;
  }

  /** Stores the draft and schedules its delivery; empty when a message with this key exists already. */
  Optional<UUID> enqueue(Draft d) {
    Optional<UUID> id = insert(d, "pending", null);
    if (id.isPresent() && (d.notBefore() == null || !d.notBefore().isAfter(clock.instant()))) sendSoon();
    return id;
  }

  /** Records a message that will not be sent (suppressed, skipped) so the delivery log says why. */
  Optional<UUID> record(Draft d, String status, String reason) {
    log.info("outreach {} {}: {} ({})", d.kind(), d.key(), status, reason);
    return insert(d, status, reason);
  }

  private Optional<UUID> insert(Draft d, String status, String reason) {
    Instant now = clock.instant();
    UUID id = Ids.timeOrdered(now);
    return jdbc.sql("""
        INSERT INTO outreach_message (id, idempotency_key, kind, channel, customer, case_id, contact_id, response_id,
               recipient, subscription_id, event_type, language, subject, body_text, body_html, payload, unsubscribe_url,
               status, reason, not_before, created_at, updated_at)
        VALUES (:id, :key, :kind, :channel, :customer, :caseId, :contactId, :responseId, :recipient, :sub, :eventType,
               :language, :subject, :text, :html, :payload, :unsub, :status, :reason, :notBefore, :now, :now)
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id""")
        .param("id", id).param("key", d.key()).param("kind", d.kind()).param("channel", d.channel())
        .param("customer", d.customer()).param("caseId", d.caseId()).param("contactId", d.contactId())
        .param("responseId", d.responseId()).param("recipient", d.recipient()).param("sub", d.subscriptionId())
        .param("eventType", d.eventType()).param("language", d.language()).param("subject", d.subject())
        .param("text", d.text()).param("html", d.html()).param("payload", d.payload())
        .param("unsub", d.unsubscribeUrl()).param("status", status).param("reason", reason)
        .param("notBefore", Timestamp.from(d.notBefore() == null ? now : d.notBefore()))
        .param("now", Timestamp.from(now))
        .query(UUID.class).optional();
  }

  /** Set by this node's sender: wakes it when a message due now is committed. */
  private volatile Runnable wakeSender = () -> { };

  void onWake(Runnable wake) {
    this.wakeSender = wake;
  }

  /** A message due now should not wait for the sender's next poll: once the transaction that stored it commits, wake it. */
  private void sendSoon() {
    if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
      org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCommit() {
              wakeSender.run();
            }
          });
    } else {
      wakeSender.run();
    }
  }

  /**
   * Claims up to {@code limit} due messages, sends them and settles them; returns how many it claimed. See the
   * class comment.
   */
  int sendDue(int limit) {
    Instant now = clock.instant();
    List<Stored> claimed = tx.execute(st -> jdbc.sql("""
        UPDATE outreach_message SET status = 'sending', attempts = attempts + 1, updated_at = :now
        WHERE id IN (
          SELECT id FROM outreach_message
          WHERE (status = 'pending' AND coalesce(next_attempt_at, not_before) <= :now)
             OR (status = 'sending' AND updated_at < :stale)
          ORDER BY coalesce(next_attempt_at, not_before) LIMIT :limit FOR UPDATE SKIP LOCKED)
        RETURNING *""")
        .param("now", Timestamp.from(now)).param("stale", Timestamp.from(now.minus(settings.sendLease())))
        .param("limit", limit).query(Outbox::stored).list());
    if (claimed == null || claimed.isEmpty()) return 0;
    Map<UUID, Result> results = new java.util.LinkedHashMap<>();
    List<Stored> toSend = new java.util.ArrayList<>();
    for (Stored m : claimed) {
      Optional<String> suppressed = suppression(m);
      if (suppressed.isPresent()) results.put(m.id(), new Result.Skipped(suppressed.get()));
      else toSend.add(m);
    }
    toSend.stream().collect(Collectors.groupingBy(Stored::channel, java.util.LinkedHashMap::new, Collectors.toList()))
        .forEach((channel, messages) -> results.putAll(sendAll(channel, messages)));
    Instant done = clock.instant();
    Backoff backoff = settings.backoff();
    tx.executeWithoutResult(st -> {
      List<UUID> sent = new java.util.ArrayList<>();
      for (Stored m : claimed) {
        Result r = results.get(m.id());
        if (r instanceof Result.Sent) sent.add(m.id());
        else if (r instanceof Result.Skipped x) finish(m, "suppressed", x.reason(), null);
        else settle(m, m.attempts() - 1, r, done, backoff);
      }
      if (!sent.isEmpty()) {
        jdbc.sql("""
            UPDATE outreach_message SET status = 'sent', reason = NULL, sent_at = :now, next_attempt_at = NULL, updated_at = :now
            WHERE id = ANY(:ids)""")
            .param("now", Timestamp.from(done)).param("ids", sent.toArray(UUID[]::new)).update();
        for (Stored m : claimed) {
          if (results.get(m.id()) instanceof Result.Sent) {
            events.publishEvent(new MessageDelivered(m.id(), m.kind(), m.channel(), m.caseId(), m.contactId(), done));
          }
        }
      }
    });
    return claimed.size();
  }

  private Map<UUID, Result> sendAll(String channel, List<Stored> messages) {
    Transport transport = transports.get(channel);
    Map<UUID, Result> out = new java.util.LinkedHashMap<>();
    if (transport == null) {
      messages.forEach(m -> out.put(m.id(), new Result.Permanent("no transport for channel " + channel)));
      return out;
    }
    try {
      out.putAll(transport.sendAll(messages));
    } catch (RuntimeException e) {
      log.warn("outreach: a batch of {} {} messages failed unexpectedly", messages.size(), channel, e);
    }
    for (Stored m : messages) {
      out.putIfAbsent(m.id(), new Result.Temporary("not sent: the batch failed"));
    }
    return out;
  }

  /** One delivery try; see the class comment. */
  void attempt(UUID id, int retries, int attempt) {
    Optional<Stored> claimed = jdbc.sql("""
        UPDATE outreach_message SET status = 'sending', attempts = :next, updated_at = :now
        WHERE id = :id AND retries = :retries
          AND ((status = 'pending' AND attempts = :n) OR (status = 'sending' AND attempts = :next))
        RETURNING *""")
        .param("id", id).param("retries", retries).param("n", attempt).param("next", attempt + 1)
        .param("now", Timestamp.from(clock.instant()))
        .query(Outbox::stored).optional();
    if (claimed.isEmpty()) return; // already sent, suppressed, or a newer try owns it
    Stored m = claimed.get();
    Optional<String> suppressed = suppression(m);
    if (suppressed.isPresent()) {
      finish(m, "suppressed", suppressed.get(), null);
      return;
    }
    Result result = sendAll(m.channel(), List.of(m)).get(m.id());
    Instant now = clock.instant();
    Backoff backoff = settings.backoff();
    Result outcome = result;
    // in a transaction: the state, the next timer and the events commit together
    tx.executeWithoutResult(st -> settle(m, attempt, outcome, now, backoff));
  }

  private void settle(Stored m, int attempt, Result result, Instant now, Backoff backoff) {
    switch (result) {
      case Result.Skipped x -> finish(m, "suppressed", x.reason(), null);
      case Result.Sent s -> {
        finish(m, "sent", null, null);
        events.publishEvent(new MessageDelivered(m.id(), m.kind(), m.channel(), m.caseId(), m.contactId(), now));
      }
      case Result.Permanent p -> {
        finish(m, "dead", "permanent failure: " + p.reason(), p.reason());
        if (m.customer() && "email".equals(m.channel()) && m.contactId() != null) {
          preferences.markUndeliverable(m.contactId(), p.reason());
        }
        events.publishEvent(new MessageFailed(m.id(), m.kind(), m.channel(), m.caseId(), m.contactId(), p.reason(), now));
      }
      case Result.Temporary t -> {
        if (backoff.exhausted(attempt + 1)) {
          finish(m, "dead", "gave up after " + (attempt + 1) + " attempts", t.reason());
          events.publishEvent(new MessageFailed(m.id(), m.kind(), m.channel(), m.caseId(), m.contactId(), t.reason(), now));
        } else {
          Instant next = now.plus(backoff.after(attempt + 1));
          jdbc.sql("""
              UPDATE outreach_message SET status = 'pending', next_attempt_at = :next, last_error = :err, updated_at = :now
              WHERE id = :id AND status = 'sending'""")
              .param("next", Timestamp.from(next)).param("err", cut(t.reason())).param("now", Timestamp.from(now))
              .param("id", m.id()).update();
          log.info("outreach {} {}: try {} failed ({}), next at {}", m.kind(), m.id(), attempt + 1, t.reason(), next);
        }
      }
    }
  }

  private Optional<String> suppression(Stored m) {
    if (!m.customer() || m.contactId() == null) return Optional.empty();
    if (m.responseId() != null) {
      var contact = responses.find(m.responseId()).map(r -> r.contact()).orElse(null);
      if (contact != null && contact.optedOut()) return Optional.of("contact opted out");
    }
    return preferences.undeliverable(m.contactId()).map(r -> "address undeliverable: " + r);
  }

  private void finish(Stored m, String status, String reason, String error) {
    Instant now = clock.instant();
    jdbc.sql("""
        UPDATE outreach_message SET status = :status, reason = :reason, last_error = coalesce(:err, last_error),
               sent_at = CASE WHEN :status = 'sent' THEN :now ELSE sent_at END, next_attempt_at = NULL, updated_at = :now
        WHERE id = :id""")
        .param("status", status).param("reason", reason).param("err", cut(error)).param("now", Timestamp.from(now))
        .param("id", m.id()).update();
    if (!status.equals("sent")) log.info("outreach {} {}: {} ({})", m.kind(), m.id(), status, reason);
  }

  /** Starts a dead message again from its first try; false when it is not on the dead-letter list. */
  boolean retry(UUID id) {
    Instant now = clock.instant();
    return Boolean.TRUE.equals(tx.execute(st -> {
      Optional<Integer> retries = jdbc.sql("""
          UPDATE outreach_message SET status = 'pending', attempts = 0, retries = retries + 1, reason = NULL,
                 not_before = :now, next_attempt_at = :now, updated_at = :now
          WHERE id = :id AND status = 'dead'
          RETURNING retries""")
          .param("id", id).param("now", Timestamp.from(now)).query(Integer.class).optional();
      retries.ifPresent(r -> sendSoon());
      return retries.isPresent();
    }));
  }

  /** A contact opted out: every customer message still waiting for them is suppressed. */
  int suppressPending(UUID contactId, String reason) {
    return jdbc.sql("""
        UPDATE outreach_message SET status = 'suppressed', reason = :reason, updated_at = :now
        WHERE contact_id = :c AND customer AND status = 'pending'""")
        .param("reason", reason).param("now", Timestamp.from(clock.instant())).param("c", contactId).update();
  }

  private static String cut(String s) {
    return s == null ? null : s.length() > 2000 ? s.substring(0, 2000) : s;
  }

  static Stored stored(ResultSet rs, int i) throws SQLException {
    return new Stored(rs.getObject("id", UUID.class), rs.getString("idempotency_key"), rs.getString("kind"),
        rs.getString("channel"), rs.getBoolean("customer"), rs.getObject("case_id", UUID.class),
        rs.getObject("contact_id", UUID.class), rs.getObject("response_id", UUID.class), rs.getString("recipient"),
        rs.getObject("subscription_id", UUID.class), rs.getString("event_type"), rs.getString("subject"),
        rs.getString("body_text"), rs.getString("body_html"), rs.getString("payload"), rs.getString("unsubscribe_url"),
        rs.getInt("attempts"), rs.getInt("retries"));
  }
}
