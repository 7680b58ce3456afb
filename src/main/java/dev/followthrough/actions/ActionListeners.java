package dev.followthrough.actions;

import dev.followthrough.responses.ResponseRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Events in: a shipped intervention tells its customers; a new score answers earlier notices. */
@Component
class ActionListeners {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ActionListeners.class);

  private final Interventions interventions;
  private final TransactionTemplate savepoint;

  ActionListeners(Interventions interventions, PlatformTransactionManager transactions) {
    this.interventions = interventions;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  @ApplicationModuleListener
  void on(InterventionShipped e) {
    interventions.tellCustomers(e.interventionId());
  }

  /**
   * Every score passes here, so this is not an outbox listener (a publication row per response for the few
   * that answer a notice): one indexed update inside the transaction that stores the response.
   */
  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
  void on(ResponseRecorded e) {
    if (e.contactId() == null || e.revision() != 1) return;
    try {
      // in a savepoint: on PostgreSQL a failed statement aborts the whole transaction, and the response with it
      savepoint.executeWithoutResult(s -> interventions.recordAnswer(e.contactId(), e.responseId(), e.score(), e.respondedAt()));
    } catch (RuntimeException x) {
      log.warn("answer of {} to earlier notices not recorded", e.responseId(), x);
    }
  }
}
