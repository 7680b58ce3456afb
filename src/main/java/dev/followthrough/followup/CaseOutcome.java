package dev.followthrough.followup;

import java.util.Locale;
import java.util.Optional;

/** How a closed case ended. */
public enum CaseOutcome {
  RESOLVED, NOT_RESOLVED, NO_RESPONSE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CaseOutcome> parse(String s) {
    if (s == null) return Optional.empty();
    for (CaseOutcome c : values()) if (c.code().equalsIgnoreCase(s.trim().replace('-', '_'))) return Optional.of(c);
    return Optional.empty();
  }
}
