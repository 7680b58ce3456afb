package dev.followthrough.surveys;

import java.time.Instant;
import java.util.UUID;

/**
 * One survey of one contact by one program: planned (waiting for {@code sendAt}), sent, skipped (with
 * the reason) or responded. {@code occasion} is {@code p<period>} for a relational wave and
 * {@code e:<event id>} for an event.
 */
public record SurveySend(UUID id, UUID programId, UUID contactId, UUID accountId, String occasion, Instant sendAt,
                         String status, String reason, String channel, Instant sentAt, int remindersSent,
                         boolean fallbackSent, Instant respondedAt, Integer score, UUID responseId, String touchpoint) {}
