package dev.followthrough.followup;

import java.time.Instant;
import java.util.UUID;

/** A case changed hands (or moved to another channel when its owner ran out of capacity). */
public record CaseAssigned(UUID caseId, String owner, String team, String channel, String reason, String actor,
                           Instant at) {}
