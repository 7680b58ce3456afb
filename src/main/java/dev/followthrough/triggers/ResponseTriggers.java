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
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Decides every recorded response revision once: the decision row, the sample draw and the
 * {@link FollowUpRequested} event commit together, and a redelivered event finds the row and stops.
 */
@Component
class ResponseTriggers {

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

  @ApplicationModuleListener
  void on(ResponseRecorded event) {
    if (!settings.enabled()) return;
    decide(event);
  }

  /** Runs inside the listener's own transaction. */
  Optional<Decision> decide(ResponseRecorded event) {
    if (decisions.lockAndCheckDecided(event.responseId(), event.revision())) return Optional.empty();
    var response = responses.find(event.responseId()).orElse(null);
    if (response == null) {
      log.warn("response {} is gone; no trigger decision", event.responseId());
      return Optional.empty();
    }
    Instant now = clock.instant();
    java.util.UUID contactId = response.contact() == null ? null : response.contact().id();
    var scores = contactId == null ? java.util.List.<ResponseQueries.ScorePoint>of()
        : responses.contactScores(contactId, SCORE_HISTORY);
    FollowUpLedger l = ledger.getIfAvailable();
    boolean openCase = contactId != null && l != null && l.hasOpenCase(contactId);
    Instant last = latest(l == null || contactId == null ? null : l.lastFollowUpAt(contactId).orElse(null),
        decisions.lastFollowUpAt(contactId, response.id()).orElse(null));
    Subject base = Subjects.of(response, scores, openCase, last);
    Subject s = new Subject(base.responseId(), event.revision(), base.contactId(), base.accountId(), base.score(),
        base.tier(), base.arr(), base.program(), base.kind(), base.touchpoint(), base.hasComment(), base.language(),
        base.attributes(), base.previousScore(), base.renewalDate(), base.respondedAt(), base.receivedAt(),
        base.optedOut(), base.hasOpenCase(), base.lastFollowUpAt());
    Decision d = new RuleBook(rules.all(), triggerRules.limits()).evaluate(s, sampler, now);
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
