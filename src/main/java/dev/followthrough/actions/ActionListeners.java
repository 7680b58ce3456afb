package dev.followthrough.actions;

import dev.followthrough.responses.ResponseRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Events in: a shipped intervention tells its customers; a new score answers earlier notices. */
@Component
class ActionListeners {

  private final Interventions interventions;
  ActionListeners(Interventions interventions) {
    this.interventions = interventions;
  }

  @ApplicationModuleListener
  void on(InterventionShipped e) {
    interventions.tellCustomers(e.interventionId());
  }

  /**
   * Every score passes here, so this is a pipeline stage, not an outbox listener (a publication row per response
   * for the few that answer a notice) nor part of the intake transaction: one indexed update per response, in
   * batches.
   */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  static class Stages {
    @org.springframework.context.annotation.Bean
    dev.followthrough.platform.Stage<ResponseRecorded> actionsAnswersStage(Interventions interventions) {
      return dev.followthrough.platform.Stage.of("actions.answers", ResponseRecorded.class,
          e -> e.contactId() != null && e.revision() == 1, interventions::recordAnswers);
    }
  }
}
