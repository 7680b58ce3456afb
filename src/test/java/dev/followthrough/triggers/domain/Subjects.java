package dev.followthrough.triggers.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Fixtures that speak the domain: {@code aDetractor().tier("enterprise").build()}. */
final class Subjects {

  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  static Builder aResponse(int score) {
    return new Builder(score);
  }

  static Builder aDetractor() {
    return new Builder(3);
  }

  static Builder aPassive() {
    return new Builder(7);
  }

  static Builder aPromoter() {
    return new Builder(10);
  }

  static final class Builder {
    UUID responseId = UUID.randomUUID();
    UUID contactId = UUID.randomUUID();
    int score;
    String tier, program, kind, touchpoint, language;
    BigDecimal arr;
    boolean comment, optedOut, openCase;
    Map<String, Object> attributes = Map.of();
    Integer previous;
    LocalDate renewal;
    Instant respondedAt = NOW.minusSeconds(3600);
    Instant lastFollowUp;

    Builder(int score) {
      this.score = score;
    }

    Builder contact(UUID id) { contactId = id; return this; }
    Builder tier(String t) { tier = t; return this; }
    Builder arr(long a) { arr = BigDecimal.valueOf(a); return this; }
    Builder program(String p) { program = p; return this; }
    Builder kind(String k) { kind = k; return this; }
    Builder touchpoint(String t) { touchpoint = t; return this; }
    Builder language(String l) { language = l; return this; }
    Builder withComment() { comment = true; return this; }
    Builder optedOut() { optedOut = true; return this; }
    Builder openCase() { openCase = true; return this; }
    Builder attributes(Map<String, Object> a) { attributes = a; return this; }
    Builder previous(int p) { previous = p; return this; }
    Builder renewal(LocalDate d) { renewal = d; return this; }
    Builder respondedAt(Instant t) { respondedAt = t; return this; }
    Builder lastFollowUp(Instant t) { lastFollowUp = t; return this; }

    Subject build() {
      return new Subject(responseId, 1, contactId, UUID.randomUUID(), score, tier, arr, program, kind, touchpoint,
          comment, language, attributes, previous, renewal, respondedAt, respondedAt, optedOut, openCase, lastFollowUp);
    }
  }
}
