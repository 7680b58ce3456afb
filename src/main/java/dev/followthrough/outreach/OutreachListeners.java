package dev.followthrough.outreach;

import dev.followthrough.followup.CaseAssigned;
import dev.followthrough.followup.CaseClosed;
import dev.followthrough.followup.CaseEscalated;
import dev.followthrough.followup.CaseOpened;
import dev.followthrough.followup.CaseRecovered;
import dev.followthrough.followup.CaseReminderDue;
import dev.followthrough.followup.CaseReopened;
import dev.followthrough.followup.ResurveyDue;
import dev.followthrough.responses.ContactOptedOut;
import dev.followthrough.responses.ResponseRecorded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Events in. Each arrives through the transactional outbox at least once; every message composed
 * from it has an idempotency key, so a second delivery sends nothing new.
 */
@Component
class OutreachListeners {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OutreachListeners.class);

  private final Composer composer;
  private final Outbox outbox;
  private final TransactionTemplate savepoint;

  OutreachListeners(Composer composer, Outbox outbox, PlatformTransactionManager transactions) {
    this.composer = composer;
    this.outbox = outbox;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @ApplicationModuleListener
  void on(CaseOpened e) {
    composer.invitation(e.caseId(), 1);
    composer.ownerAlert(e.caseId());
    composer.slackNewDetractor(e.caseId());
    composer.webhook("case.opened", e, e.openedAt(), e.caseId(), e.contactId());
  }

  @ApplicationModuleListener
  void on(CaseAssigned e) {
    // an overflow to the interview channel invites the customer; a new owner gets the alert
    composer.context(e.caseId()).ifPresent(ctx -> composer.invitation(e.caseId(), ctx.c().cycle()));
    composer.ownerAlert(e.caseId());
    composer.webhook("case.assigned", e, e.at(), e.caseId(), null);
  }

  @ApplicationModuleListener
  void on(CaseReminderDue e) {
    composer.reminder(e.caseId(), e.owner(), e.dueAt());
    composer.webhook("case.reminder_due", e, e.at(), e.caseId(), null);
  }

  @ApplicationModuleListener
  void on(CaseEscalated e) {
    composer.escalation(e.caseId(), e.level(), e.escalatedTo(), e.dueAt());
    composer.slackEscalation(e.caseId(), e.level(), e.escalatedTo(), e.dueAt());
    composer.webhook("case.escalated", e, e.at(), e.caseId(), null);
  }

  @ApplicationModuleListener
  void on(CaseClosed e) {
    composer.webhook("case.closed", e, e.at(), e.caseId(), e.contactId());
  }

  @ApplicationModuleListener
  void on(CaseReopened e) {
    composer.invitation(e.caseId(), e.cycle());
    composer.ownerAlert(e.caseId());
    composer.webhook("case.reopened", e, e.at(), e.caseId(), null);
  }

  @ApplicationModuleListener
  void on(ResurveyDue e) {
    composer.resurvey(e.caseId(), e.at());
    composer.webhook("case.resurvey_due", e, e.at(), e.caseId(), e.contactId());
  }

  @ApplicationModuleListener
  void on(CaseRecovered e) {
    composer.webhook("case.recovered", e, e.at(), e.caseId(), e.contactId());
  }

  /**
   * Every score passes here, so this one is not an outbox listener (that would add a publication row
   * per response for nothing when nobody subscribes): it runs inside the transaction that stores the
   * response, and the webhook messages it stores commit with it. In a savepoint: on PostgreSQL a failed
   * statement aborts the whole transaction, and a webhook that cannot be queued must not lose the response.
   */
  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(ResponseRecorded e) {
    try {
      savepoint.executeWithoutResult(s -> composer.webhook("response.recorded", e, null, null, e.contactId()));
    } catch (RuntimeException x) {
      log.warn("response.recorded webhook for {} not queued", e.responseId(), x);
    }
  }

  @ApplicationModuleListener
  void on(ContactOptedOut e) {
    if (e.optedOut()) outbox.suppressPending(e.contactId(), "contact opted out");
    composer.webhook("contact.opted_out", e, e.at(), null, e.contactId());
  }

  @ApplicationModuleListener
  void on(MessageFailed e) {
    if (!"webhook".equals(e.channel())) composer.webhook("message.failed", e, e.at(), e.caseId(), e.contactId());
  }
}
