package dev.followthrough.followup;

import java.time.Instant;
import java.util.UUID;

/** Most of a case's SLA is used and nobody has contacted the customer yet: remind the owner. */
public record CaseReminderDue(UUID caseId, String owner, String team, Instant dueAt, Instant at) {}
