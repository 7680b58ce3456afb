package dev.followthrough.followup;

import java.time.Instant;
import java.util.UUID;

/** A case missed its SLA (level 1 at the deadline, level 2 later) or was escalated by hand. */
public record CaseEscalated(UUID caseId, int level, String escalatedTo, String owner, String team, Instant dueAt,
                            String actor, Instant at) {}
