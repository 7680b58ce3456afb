package dev.followthrough.followup;

import java.time.Instant;
import java.util.UUID;

/** The customer of a closed case scored again: the score before and after the follow-up. */
public record CaseRecovered(UUID caseId, UUID contactId, int scoreBefore, int scoreAfter, boolean reopened,
                            Instant at) {}
