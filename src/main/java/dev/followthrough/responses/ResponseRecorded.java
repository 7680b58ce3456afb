package dev.followthrough.responses;

import java.time.Instant;
import java.util.UUID;

/**
 * A response was stored (revision 1) or changed by a later delivery (revision > 1). Consumers must
 * be idempotent: the outbox delivers at least once.
 */
public record ResponseRecorded(UUID responseId, int revision, String source, int score, String category,
                               UUID contactId, UUID accountId, Instant respondedAt, boolean hasComment) {}
