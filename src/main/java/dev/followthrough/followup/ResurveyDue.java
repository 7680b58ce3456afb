package dev.followthrough.followup;

import java.time.Instant;
import java.util.UUID;

/** Time to ask the customer of a resolved case for a new score (outreach sends the survey). */
public record ResurveyDue(UUID caseId, UUID contactId, UUID accountId, UUID responseId, int scoreBefore, Instant at) {}
