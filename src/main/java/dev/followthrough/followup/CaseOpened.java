package dev.followthrough.followup;

import java.time.Instant;
import java.util.UUID;

/** A follow-up case exists for a response: who owns it, on which channel, due when. */
public record CaseOpened(UUID caseId, UUID responseId, UUID contactId, UUID accountId, int score, String category,
                         String channel, String play, int priority, String owner, String team, boolean queued,
                         Instant dueAt, Instant openedAt) {}
