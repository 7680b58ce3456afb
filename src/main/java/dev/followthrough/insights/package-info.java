/**
 * Insights: codes every response comment (and, later, every interview transcript) into root-cause
 * mechanisms from a versioned codebook, with the in-process MiniLM embedding model — zero-shot from the
 * codebook's descriptions and examples, few-shot from every human confirmation or correction. Codes clause by
 * clause: each clause's polarity (problem, praise, suggestion, neutral) decides whether it goes to a problem or a
 * praise mechanism, and each coding's confidence is a calibrated probability of being right. Owns the
 * codebook, codings, embeddings, examples and backlog jobs ({@code insights_*} tables); sizes mechanisms
 * (impact, fix-first), finds emerging themes and passive sub-populations, and searches comments.
 * Listens to {@link dev.followthrough.responses.ResponseRecorded}; publishes
 * {@link dev.followthrough.insights.MechanismCoded}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights")
package dev.followthrough.insights;
