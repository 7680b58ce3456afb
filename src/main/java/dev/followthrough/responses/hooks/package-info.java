/**
 * Survey-tool webhooks: {@code POST /hooks/{source}} for each configured source (Delighted, Wootric,
 * Typeform, SurveyMonkey, Formbricks, Zendesk, HubSpot, Retently, Qualtrics, generic JSON). Each
 * vendor has one {@link dev.followthrough.responses.hooks.VendorAdapter}: it verifies the vendor's
 * signature (or the source's secret token) and turns the payload into response commands, which go
 * through the same {@link dev.followthrough.responses.ResponseIntake} as the API. Every delivery,
 * accepted or not, is kept in {@code responses_hook_delivery}. The console reaches sources through
 * {@link dev.followthrough.responses.hooks.HookSources}.
 */
@org.springframework.modulith.NamedInterface("hooks")
package dev.followthrough.responses.hooks;
