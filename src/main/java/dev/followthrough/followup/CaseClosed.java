package dev.followthrough.followup;

import java.time.Instant;
import java.util.UUID;

/** A case was closed: resolved, not resolved, or no response; with its diagnosis. */
public record CaseClosed(UUID caseId, UUID responseId, UUID contactId, UUID accountId, String outcome,
                         String rootCause, String action, boolean slaMet, String actor, Instant at) {}
