package dev.followthrough.followup;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a follow-up stands. Cases move forward (a step may be skipped: an interview reply goes
 * straight to {@code IN_CONVERSATION}); any open case can be closed; a closed case can be reopened.
 * Escalation is not a state: it is a level on the case.
 */
public enum CaseStatus {
  OPEN, CONTACTED, IN_CONVERSATION, AWAITING_ACTION, CLOSED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CaseStatus> parse(String s) {
    if (s == null) return Optional.empty();
    for (CaseStatus c : values()) if (c.code().equalsIgnoreCase(s.trim().replace('-', '_'))) return Optional.of(c);
    return Optional.empty();
  }

  public boolean isClosed() {
    return this == CLOSED;
  }
}
