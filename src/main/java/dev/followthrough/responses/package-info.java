/**
 * Responses: every NPS score that arrives (API, CSV, vendor webhooks, own surveys), with the contact
 * and account it belongs to. Owns accounts, contacts, responses and their history; deduplicates by
 * (source, source id). Publishes {@link dev.followthrough.responses.ResponseRecorded}. Read access
 * for reporting goes through {@link dev.followthrough.responses.ResponseQueries}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Responses")
package dev.followthrough.responses;
