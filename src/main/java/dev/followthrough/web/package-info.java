/**
 * Web: the console people log in to (jte pages, htmx, Chart.js) and, later, the customer-facing
 * survey and interview pages. Owns no tables and publishes nothing: it reads through other
 * modules' root-package APIs ({@link dev.followthrough.reporting.NpsReports},
 * {@link dev.followthrough.responses.ResponseQueries}, {@link dev.followthrough.platform.Users},
 * {@link dev.followthrough.platform.ApiKeys}, and for follow-up {@link dev.followthrough.followup.CaseQueries},
 * {@link dev.followthrough.followup.FollowUps}, {@link dev.followthrough.triggers.TriggerRules} and
 * {@link dev.followthrough.triggers.TriggerDecisions}; for survey-tool webhooks
 * {@link dev.followthrough.responses.hooks.HookSources}; for outreach {@link dev.followthrough.outreach.Messages},
 * {@link dev.followthrough.outreach.Templates}, {@link dev.followthrough.outreach.SlackChannels} and
 * {@link dev.followthrough.outreach.WebhookSubscriptions}; and the insights module's
 * {@link dev.followthrough.insights.InsightReports}, {@link dev.followthrough.insights.InsightCoding},
 * {@link dev.followthrough.insights.Codebooks} and {@link dev.followthrough.insights.Backlogs}).
 *
 * <p>Templates live in {@code src/main/jte} and are precompiled into classes by the jte Maven
 * plugin; {@link dev.followthrough.web.JteViewResolver} renders a controller's view name as the
 * template of that name. Output is HTML-escaped; the CSP forbids inline scripts, so behaviour
 * lives in {@code static/assets/console.js} and reads data attributes or console JSON.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web console")
package dev.followthrough.web;
