package dev.followthrough.interviews;

import java.time.Instant;
import java.util.UUID;

/** The customer answered the first question of an interview (or a person started a call with the guide). */
public record InterviewStarted(UUID interviewId, UUID caseId, UUID contactId, String channel, String guide,
                               int guideVersion, Instant at) {}
