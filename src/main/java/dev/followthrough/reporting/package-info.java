/**
 * Reporting: read models and program metrics. NPS with 95% confidence intervals per period and segment,
 * period-over-period change tests, account NPS with revenue at risk, and the periodic NPS follow-up
 * report ({@link dev.followthrough.reporting.PeriodicReports}): composed in plain Java
 * ({@code domain/ReportComposer}), stored one per kind and period in {@code reporting_report}, made and
 * sent on a daily timer (email and Slack through {@link dev.followthrough.outreach.StaffMessages}), shown
 * at {@code /reports} and served at {@code /api/v1/reports}. Reads other modules through their public API
 * ({@link dev.followthrough.responses.ResponseQueries}, {@link dev.followthrough.followup.CaseQueries}) and
 * their read-contract views ({@code insights_coding_facts}, {@code insights_text_facts},
 * {@code insights_mechanism_facts}, {@code actions_intervention_facts}); never their tables. Publishes nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package dev.followthrough.reporting;
