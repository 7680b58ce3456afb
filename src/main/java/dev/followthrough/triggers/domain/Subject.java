package dev.followthrough.triggers.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the rules see of one response: the score and its context, the contact's previous score, and
 * what is already under way for the contact. Everything but {@code score} may be null. Texts (tier,
 * program, kind, touchpoint, language) are kept trimmed and lower-case.
 *
 * @param attributes   response attributes over contact attributes over account attributes
 * @param previousScore the contact's score before this one (null: none)
 * @param lastFollowUpAt when the contact was last followed up (null: never)
 */
public record Subject(UUID responseId, int revision, UUID contactId, UUID accountId, int score, String tier,
                      BigDecimal arr, String program, String kind, String touchpoint, boolean hasComment,
                      String language, Map<String, Object> attributes, Integer previousScore, LocalDate renewalDate,
                      Instant respondedAt, Instant receivedAt, boolean optedOut, boolean hasOpenCase,
                      Instant lastFollowUpAt) {

  public Subject {
    if (score < 0 || score > 10) throw new IllegalArgumentException("score must be 0..10, was " + score);
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    // normalised once here, so matching a hundred rules compares without allocating
    tier = norm(tier);
    program = norm(program);
    kind = norm(kind);
    touchpoint = norm(touchpoint);
    language = norm(language);
  }

  public String category() {
    return categoryOf(score);
  }

  public static String categoryOf(int score) {
    return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
  }

  public boolean firstScore() {
    return previousScore == null;
  }

  /** Points lost since the previous score (negative: it rose); null without a previous score. */
  public Integer drop() {
    return previousScore == null ? null : previousScore - score;
  }

  /** The key the sampler remembers: the contact, or the response itself when it has no contact. */
  public UUID sampleKey() {
    return contactId != null ? contactId : responseId;
  }

  static String norm(Object value) {
    return value == null ? null : String.valueOf(value).strip().toLowerCase(Locale.ROOT);
  }
}
