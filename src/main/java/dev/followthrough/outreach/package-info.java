/**
 * Outreach: everything Followthrough sends. Customer emails (interview invitations with a personal,
 * expiring link; re-surveys), owner emails (alerts with the customer's context, reminders,
 * escalations, a daily digest), Slack messages per team, and signed outbound webhooks (Standard
 * Webhooks) per event type. Messages are composed from editable templates, stored once per
 * idempotency key, and delivered on durable timers with retries, backoff and a dead-letter list;
 * opt-outs, bounced addresses and quiet hours are honoured. Consumes the follow-up and response
 * events; publishes {@link dev.followthrough.outreach.MessageDelivered} and
 * {@link dev.followthrough.outreach.MessageFailed}. Customer link tokens: {@link dev.followthrough.outreach.Links}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach")
package dev.followthrough.outreach;
