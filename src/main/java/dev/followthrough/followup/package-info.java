/**
 * Follow-up: a case per response that a trigger rule selected, with an owner (capacity-aware
 * assignment), an SLA clock on durable timers (reminder, escalation to the owner's lead, a second
 * level), a state machine with an audit trail, an outcome log (attempts, notes, root cause, action,
 * commitment) and an optional re-survey that records the recovery or reopens the case. Consumes
 * {@link dev.followthrough.triggers.FollowUpRequested}; publishes {@link dev.followthrough.followup.CaseOpened},
 * {@link dev.followthrough.followup.CaseAssigned}, {@link dev.followthrough.followup.CaseReminderDue},
 * {@link dev.followthrough.followup.CaseEscalated}, {@link dev.followthrough.followup.CaseClosed},
 * {@link dev.followthrough.followup.CaseReopened}, {@link dev.followthrough.followup.ResurveyDue} and
 * {@link dev.followthrough.followup.CaseRecovered}. Read access through {@link dev.followthrough.followup.CaseQueries}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Follow-up")
package dev.followthrough.followup;
