package dev.followthrough.triggers;

import dev.followthrough.responses.ResponseQueries;
import dev.followthrough.responses.ResponseRecorded;
import dev.followthrough.triggers.domain.Decision;
import dev.followthrough.triggers.domain.Holdout;
import dev.followthrough.triggers.domain.RuleBook;
import dev.followthrough.triggers.domain.Subject;
import dev.followthrough.triggers.jdbc.JdbcDecisions;
import dev.followthrough.triggers.jdbc.JdbcRules;
import dev.followthrough.triggers.jdbc.JdbcSampler;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Decides every recorded response revision once: the decision row, the sample draw and the
 * {@link FollowUpRequested} event commit together, and a redelivered event finds the row and stops.
 * A pipeline stage: recorded responses arrive in batches from the work queue, and one batch is decided
 * in one transaction with the rule book read once.
 */
@Component
class ResponseTriggers implements dev.followthrough.platform.Stage<ResponseRecorded> {

  private static final Logger log = LoggerFactory.getLogger(ResponseTriggers.class);
  private static final int SCORE_HISTORY = 20;

  private final ResponseQueries responses;
  private final JdbcRules rules;
  private final JdbcDecisions decisions;
  private final JdbcSampler sampler;
  private final ObjectProvider<FollowUpLedger> ledger;
  private final ApplicationEventPublisher events;
  private final TriggerSettings settings;
  private final TriggerRules triggerRules;
  private final Clock clock;
  private final Holdout holdout;

  ResponseTriggers(ResponseQueries responses, JdbcRules rules, JdbcDecisions decisions, JdbcSampler sampler,
                   ObjectProvider<FollowUpLedger> ledger, ApplicationEventPublisher events, TriggerSettings settings,
                   TriggerRules triggerRules, Clock clock) {
    this.responses = responses;
    this.rules = rules;
    this.decisions = decisions;
    this.sampler = sampler;
    this.ledger = ledger;
    this.events = events;
    this.settings = settings;
    this.triggerRules = triggerRules;
    this.clock = clock;
    this.holdout = Holdout.of(settings.holdoutShare(), settings.holdoutExemptTiers(), settings.holdoutSalt());
  }

  @Override
  public String name() {
    return "triggers.decide";
  }

  @Override
  public Class<ResponseRecorded> type() {
    return ResponseRecorded.class;
  }

  @Override
  public boolean accepts(ResponseRecorded event) {
    return settings.enabled();
  }

  /**
   * A batch in one transaction, set-based: the revisions' locks and the already-decided check in two statements,
   * the responses, their contacts' score histories, open cases and last follow-ups each in one query; then the
   * pure decision per response, in order. A contact's follow-up decided earlier in the batch counts for the later
   * ones, as it would have one transaction later.
   */
  @Override
  public void handle(java.util.List<ResponseRecorded> batch) {
    if (!settings.enabled() || batch.isEmpty()) return;
    RuleBook book = new RuleBook(rules.all(), triggerRules.limits());
    java.util.Set<String> decided = decisions.lockAndFindDecided(batch.stream().map(ResponseRecorded::responseId).toList(),
        batch.stream().map(ResponseRecorded::revision).toList());
    java.util.List<ResponseRecorded> todo = batch.stream()
        .filter(e -> !decided.contains(e.responseId() + ":" + e.revision())).toList();
    if (todo.isEmpty()) return;
    java.util.Map<java.util.UUID, ResponseQueries.ResponseView> views = new java.util.HashMap<>();
    responses.findAll(todo.stream().map(ResponseRecorded::responseId).distinct().toList()).forEach(v -> views.put(v.id(), v));
    java.util.List<java.util.UUID> contacts = views.values().stream().map(v -> v.contact() == null ? null : v.contact().id())
        .filter(java.util.Objects::nonNull).distinct().toList();
    var scores = responses.contactScores(contacts, SCORE_HISTORY);
    FollowUpLedger l = ledger.getIfAvailable();
    java.util.Set<java.util.UUID> open = l == null ? java.util.Set.of() : l.withOpenCase(contacts);
    java.util.Map<java.util.UUID, Instant> lastCase = l == null ? java.util.Map.of() : l.lastFollowUpAt(contacts);
    var followUps = decisions.followUpsByContact(contacts);
    Instant now = clock.instant();
    for (ResponseRecorded e : todo) {
      var response = views.get(e.responseId());
      if (response == null) {
        log.warn("response {} is gone; no trigger decision", e.responseId());
        continue;
      }
      java.util.UUID contactId = response.contact() == null ? null : response.contact().id();
      Instant lastDecided = contactId == null ? null : followUps.getOrDefault(contactId, java.util.Map.of()).entrySet().stream()
          .filter(x -> !x.getKey().equals(response.id())).map(java.util.Map.Entry::getValue).max(Instant::compareTo).orElse(null);
      Optional<Decision> d = decide(e, response, contactId == null ? java.util.List.of() : scores.getOrDefault(contactId, java.util.List.of()),
          contactId != null && open.contains(contactId), latest(contactId == null ? null : lastCase.get(contactId), lastDecided),
          book, now);
      if (contactId != null && d.isPresent() && d.get() instanceof Decision.FollowUp) {
        followUps.computeIfAbsent(contactId, k -> new java.util.HashMap<>()).merge(response.id(), now,
            (a, b) -> a.isAfter(b) ? a : b);
      }
    }
  }

  /** One event, in the caller's transaction (the batch path's twin, for tests and single calls). */
  Optional<Decision> decide(ResponseRecorded event) {
    if (decisions.lockAndCheckDecided(event.responseId(), event.revision())) return Optional.empty();
    var response = responses.find(event.responseId()).orElse(null);
    if (response == null) {
      log.warn("response {} is gone; no trigger decision", event.responseId());
      return Optional.empty();
    }
    java.util.UUID contactId = response.contact() == null ? null : response.contact().id();
    var scores = contactId == null ? java.util.List.<ResponseQueries.ScorePoint>of()
        : responses.contactScores(contactId, SCORE_HISTORY);
    FollowUpLedger l = ledger.getIfAvailable();
    boolean openCase = contactId != null && l != null && l.hasOpenCase(contactId);
    Instant last = latest(l == null || contactId == null ? null : l.lastFollowUpAt(contactId).orElse(null),
        decisions.lastFollowUpAt(contactId, response.id()).orElse(null));
    return decide(event, response, scores, openCase, last, new RuleBook(rules.all(), triggerRules.limits()), clock.instant());
  }

  private Optional<Decision> decide(ResponseRecorded event, ResponseQueries.ResponseView response,
                                    java.util.List<ResponseQueries.ScorePoint> scores, boolean openCase, Instant last,
                                    RuleBook book, Instant now) {
    Subject base = Subjects.of(response, scores, openCase, last);
    Subject s = new Subject(base.responseId(), event.revision(), base.contactId(), base.accountId(), base.score(),
        base.tier(), base.arr(), base.program(), base.kind(), base.touchpoint(), base.hasComment(), base.language(),
        base.attributes(), base.previousScore(), base.renewalDate(), base.respondedAt(), base.receivedAt(),
        base.optedOut(), base.hasOpenCase(), base.lastFollowUpAt());
    Decision d = book.evaluate(s, sampler, now);
    boolean heldOut = false;
    if (d instanceof Decision.FollowUp f) {
      Optional<String> why = holdout.holdOut(s.contactId() != null ? s.contactId() : s.responseId(), s.tier());
      if (why.isPresent()) {
        heldOut = true;
        d = new Decision.NoFollowUp(f.rule(), java.util.stream.Stream.concat(f.reasons().stream(), why.stream()).toList());
      }
    }
    if (!decisions.insert(s, d, now, heldOut)) return Optional.empty();
    if (d instanceof Decision.FollowUp f) {
      var o = f.outcome();
      events.publishEvent(new FollowUpRequested(s.responseId(), s.revision(), s.contactId(), s.accountId(), s.score(),
          s.category(), s.receivedAt(), f.rule().id(), f.rule().name(), o.channel(), o.play(), o.sla(), o.calendar(),
          f.priority(), f.factors(), o.ownerPolicy(), o.team(), o.owner(), o.overflow(), o.resurveyAfter(), now));
    }
    return Optional.of(d);
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.isAfter(b) ? a : b;
  }
}
