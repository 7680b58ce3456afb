package dev.followthrough.followup;

import java.time.Instant;
import java.util.UUID;

/** A closed case was reopened (by hand, or because the re-survey answer is still unhappy). */
public record CaseReopened(UUID caseId, int cycle, String reason, Instant dueAt, String actor, Instant at) {}
