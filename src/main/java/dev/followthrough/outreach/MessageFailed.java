package dev.followthrough.outreach;

import java.time.Instant;
import java.util.UUID;

/** A message gave up: out of attempts, or refused for good (it is on the dead-letter list). */
public record MessageFailed(UUID messageId, String kind, String channel, UUID caseId, UUID contactId, String reason,
                            Instant at) {}
