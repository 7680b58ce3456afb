package dev.followthrough.outreach;

import java.time.Instant;
import java.util.UUID;

/** A message left: accepted by the SMTP server, Slack or the webhook receiver. */
public record MessageDelivered(UUID messageId, String kind, String channel, UUID caseId, UUID contactId, Instant at) {}
