/**
 * Actions: interventions made from insight mechanisms, owned by teams (routing rules over the codebook's
 * owners), with a status trail, evidence (quotes, segments, ARR at risk), notices to the owning team
 * (created, committed, late, weekly review) and "you said, we did" notes to exactly the customers whose
 * feedback was coded to the intervention's mechanisms, with an optional re-survey and the recovery it shows.
 * Publishes {@link dev.followthrough.actions.InterventionShipped}; consumes
 * {@link dev.followthrough.responses.ResponseRecorded} (answers after a notice). Public API:
 * {@link dev.followthrough.actions.Interventions}. Read contract for reporting: the views
 * {@code actions_intervention_facts} and {@code actions_notice_facts}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Actions")
package dev.followthrough.actions;
