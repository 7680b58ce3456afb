package dev.followthrough.insights;

import java.util.UUID;

/**
 * A text (a response comment or an interview transcript) was coded to a mechanism by the machine.
 * Published once per (source, revision, codebook version, mechanism); consumers must still be idempotent.
 */
public record MechanismCoded(UUID codingId, String sourceType, UUID sourceId, int revision, String mechanism,
                             String category, String owner, double confidence, int codebookVersion, boolean needsReview) {}
