/**
 * Interviews: the conversation that turns a score into a diagnosis. Guides (data, versioned, editable), the
 * built-in offline moderator (laddering probes, churn signals, summary and confirmation; the in-process
 * embedding model reads the answers) and an optional LLM moderator (OpenAI-compatible or Ollama, with a
 * fall back to the built-in one), sessions reached by the customer's signed link, transcripts and structured
 * results; the call guide and call notes for cases a person calls; funnel metrics per guide. Owns the
 * {@code interviews_*} tables. Listens to {@link dev.followthrough.followup.CaseOpened} and
 * {@link dev.followthrough.followup.CaseAssigned}; publishes {@link dev.followthrough.interviews.InterviewStarted}
 * and {@link dev.followthrough.interviews.InterviewCompleted}, and updates the case through
 * {@link dev.followthrough.followup.FollowUps} — after an interview its severity and next step
 * ({@code FollowUps.assess}), and for a churn risk or a severe diagnosis an alert to whoever answers for the case
 * (owner, else team lead) through {@link dev.followthrough.outreach.StaffMessages} (ADR 013).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interviews")
package dev.followthrough.interviews;
