package dev.followthrough.insights;

import dev.followthrough.insights.jdbc.JdbcInsights;
import java.time.Instant;
import java.util.UUID;

/** A stored coding with the text and response context it belongs to (review queue, response page, API). */
public record Coding(UUID id, String sourceType, UUID sourceId, String mechanism, String category, double confidence,
                     int evidenceStart, int evidenceEnd, String evidence, String statedReason, int codebookVersion,
                     String status, boolean needsReview, String machineMechanism, String reviewedBy, Instant reviewedAt,
                     String text, String npsCategory, Integer score, String accountName, String tier, Instant respondedAt,
                     String polarity) {

  static Coding of(JdbcInsights.CodingRow r) {
    return new Coding(r.id(), r.sourceType(), r.sourceId(), r.mechanism(), r.categoryKey(), r.confidence(), r.evidenceStart(),
        r.evidenceEnd(), r.evidence(), r.statedReason(), r.codebookVersion(), r.status(), r.needsReview(),
        r.machineMechanism(), r.reviewedBy(), r.reviewedAt(), r.body(), r.npsCategory(), r.score(), r.accountName(),
        r.tier(), r.respondedAt(), r.polarity());
  }

  /** The confidence as people read it: a whole percent, never "0%" (such codings are not made; see abstain-below). */
  public String confidencePercent() {
    long p = Math.round(100 * confidence);
    return p < 1 ? "<1%" : p + "%";
  }

  /** Where a person reads the whole source. Cases (issue 3) and interviews (issue 5) will add theirs. */
  public String link() {
    return InsightCoding.RESPONSE.equals(sourceType) ? "/responses/" + sourceId : null;
  }
}
