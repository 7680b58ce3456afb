/**
 * Triggers: decides for every recorded response whether it gets a follow-up, and which one. Owns the
 * trigger rules (ordered, stored in the database, editable over the API and as YAML), the rotating
 * samples, and the decision recorded on every response revision with its reasons and priority
 * factors. Listens to {@link dev.followthrough.responses.ResponseRecorded}; publishes
 * {@link dev.followthrough.triggers.FollowUpRequested}. Suppression asks the
 * {@link dev.followthrough.triggers.FollowUpLedger} the {@code followup} module implements. Other
 * modules use {@link dev.followthrough.triggers.TriggerRules} and
 * {@link dev.followthrough.triggers.TriggerDecisions}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Triggers")
package dev.followthrough.triggers;
