package dev.followthrough.insights;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Insight engine settings; each key is overridable by environment variable, e.g.
 * {@code followthrough.insights.target-precision} ⇄ {@code FOLLOWTHROUGH_INSIGHTS_TARGET_PRECISION}.
 */
@ConfigurationProperties("followthrough.insights")
public record InsightsSettings(
    @DefaultValue("true") boolean codeResponses,           // code every comment as it arrives (ResponseRecorded)
    @DefaultValue("0") int liveQueueLimit,                 // 0: every comment is coded; > 0: at most this many wait, older ones are left to a backlog job
    @DefaultValue("32") int liveBatchSize,                 // comments per transaction when draining the old queue (insights_pending)
    @DefaultValue("1s") Duration livePollInterval,         // how often each node codes waiting comments
    @DefaultValue("0.9") double targetPrecision,           // codings less likely right than this (calibrated) wait in the review queue
    @DefaultValue("0.2") double abstainBelow,              // codings less likely right than this are not made: "no mechanism fits"
    @DefaultValue("0.7") double fitsNoneAbove,             // a comment at least this likely to fit no mechanism (fitted "fits none" model) is coded to none
    @DefaultValue("0.25") double minSimilarity,            // below this cosine a text fits no mechanism (theme candidate)
    @DefaultValue("5") double exampleWeight,               // λ: confirmed examples that weigh as much as the codebook text
    @DefaultValue("0.3") double lexicalWeight,             // share of the TF-IDF (word) scores in the hybrid coder's mix; 0 = MiniLM alone
    @DefaultValue("5000") int lexicalCorpusSize,           // newest stored texts the word weights are fitted on (with the codebook and examples)
    @DefaultValue("0.55") double themeSimilarity,          // cosine to a theme's centroid to join it
    @DefaultValue("3") int themeMinSize,                   // smallest emerging theme shown
    @DefaultValue("200") int backlogChunkSize,             // responses per backlog chunk (one claim)
    @DefaultValue("10m") Duration backlogClaimTimeout,     // a claimed chunk not finished by then may be claimed again
    @DefaultValue("5s") Duration backlogPollInterval,      // how often each node looks for backlog chunks
    @DefaultValue("100") int maxTextsPerRequest) {         // texts per POST /api/v1/insights/code
}
