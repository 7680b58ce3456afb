/**
 * Surveys: Followthrough's own NPS distribution. Owns survey programs (relational waves, transactional
 * events), the sends they plan, fatigue protection (contact cooldown, account budgets, opt-outs, every
 * skip with its reason), reminders and in-app fallbacks, the survey page's bot detection and the in-app
 * widget's secret. Answers go through {@link dev.followthrough.responses.SurveyIntake}, so they publish
 * {@link dev.followthrough.responses.ResponseRecorded} like every other source; emails go through
 * {@link dev.followthrough.outreach.SurveyMail}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package dev.followthrough.surveys;
