package dev.followthrough.outreach;

import dev.followthrough.followup.CaseAssigned;
import dev.followthrough.followup.CaseClosed;
import dev.followthrough.followup.CaseEscalated;
import dev.followthrough.followup.CaseRecovered;
import dev.followthrough.followup.CaseReminderDue;
import dev.followthrough.followup.CaseReopened;
import dev.followthrough.followup.ResurveyDue;
import dev.followthrough.responses.ContactOptedOut;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Events in. Each arrives through the transactional outbox at least once; every message composed
 * from it has an idempotency key, so a second delivery sends nothing new. The two that every score and
 * every case pass through (a case opened, a response recorded) are pipeline stages instead: see
 * {@link OutreachStages}.
 */
@Component
class OutreachListeners {

  private final Composer composer;
  private final Outbox outbox;
  OutreachListeners(Composer composer, Outbox outbox) {
    this.composer = composer;
    this.outbox = outbox;
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
